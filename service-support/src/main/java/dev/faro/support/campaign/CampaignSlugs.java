package dev.faro.support.campaign;

import dev.faro.support.problem.ProblemException;
import java.util.regex.Pattern;

/** What a campaign id looks like (the contract's slug), checked where one arrives in a path. */
public final class CampaignSlugs {

    /** For OpenAPI's {@code @Schema(pattern = …)} as well as for the check. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";

    private static final Pattern SLUG = Pattern.compile(PATTERN);

    private CampaignSlugs() {}

    public static boolean isSlug(String campaign) {
        return campaign != null && SLUG.matcher(campaign).matches();
    }

    /** {@code campaign}, or a 400 problem naming the {@code campaign} parameter. */
    public static String require(String campaign) {
        if (!isSlug(campaign)) {
            throw ProblemException.invalid(
                    "campaign",
                    "must be a campaign slug: lowercase letters, digits and hyphens, at most 63 characters");
        }
        return campaign;
    }
}
