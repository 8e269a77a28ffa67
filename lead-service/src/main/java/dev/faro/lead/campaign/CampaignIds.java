package dev.faro.lead.campaign;

/** The slug form of campaign ids and of the names inside a campaign (landing pages, variants, sources, fields). */
final class CampaignIds {

    /** Lowercase letters, digits and hyphens, at most 63 characters; the contract's campaign id pattern. */
    static final String SLUG = "^[a-z0-9][a-z0-9-]{0,62}$";

    static final String SLUG_MESSAGE = "must be a slug: lowercase letters, digits and hyphens, at most 63 characters";

    private CampaignIds() {}
}
