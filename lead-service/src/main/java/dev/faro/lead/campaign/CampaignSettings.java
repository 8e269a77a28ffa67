package dev.faro.lead.campaign;

import java.util.List;

/**
 * What capture needs to know about a campaign: its defaults, whether it asks for double opt-in, the custom
 * fields its form may carry and the origins allowed to post from a browser. An archived campaign takes no new
 * leads.
 */
public record CampaignSettings(
        String id,
        String locale,
        String timeZone,
        boolean doubleOptIn,
        boolean archived,
        List<CustomField> customFields,
        List<String> allowedOrigins) {

    public CampaignSettings {
        customFields = List.copyOf(customFields);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public boolean acceptsLeads() {
        return !archived;
    }
}
