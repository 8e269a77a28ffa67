package dev.faro.lead.campaign;

import java.util.List;

/** What a marketer decides about a campaign: everything but its id, revision, archived flag and timestamps. */
record CampaignDefinition(
        String name,
        String locale,
        String timeZone,
        List<LandingPage> landingPages,
        List<String> allowedOrigins,
        CampaignGoal goal,
        List<Spend> spend,
        boolean doubleOptIn,
        List<CustomField> customFields,
        String offerRef) {}
