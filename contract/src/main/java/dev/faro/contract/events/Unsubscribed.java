package dev.faro.contract.events;

import java.util.UUID;

/** The lead opted out, of one campaign or of all marketing mail. */
public record Unsubscribed(UUID leadId, String campaign, String scope) {

    public static final String SCOPE_CAMPAIGN = "campaign";
    public static final String SCOPE_ALL = "all";
}
