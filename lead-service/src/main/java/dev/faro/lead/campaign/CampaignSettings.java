package dev.faro.lead.campaign;

/** What capture needs to know about a campaign. */
public record CampaignSettings(String id, String locale, String timeZone, boolean doubleOptIn) {}
