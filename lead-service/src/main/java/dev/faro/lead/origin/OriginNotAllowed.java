package dev.faro.lead.origin;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.util.List;

/** The answer to a browser posting from a page whose origin the campaign does not list. */
public final class OriginNotAllowed {

    private OriginNotAllowed() {}

    public static ProblemException forCampaign(String campaign, String origin) {
        return new ProblemException(Problem.of(
                "origin-not-allowed",
                "This page may not post to this campaign",
                403,
                "Campaign " + campaign + " does not list the origin " + origin
                        + " among its allowed origins; a marketer can add it through the campaign admin API.",
                List.of(new Problem.FieldError("Origin", "is not an allowed origin of campaign " + campaign))));
    }
}
