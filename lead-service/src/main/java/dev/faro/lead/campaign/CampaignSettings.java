package dev.faro.lead.campaign;

/** What capture needs to know about a campaign. An archived campaign takes no new leads. */
public record CampaignSettings(String id, String locale, String timeZone, boolean doubleOptIn, boolean archived) {

    public boolean acceptsLeads() {
        return !archived;
    }
}
