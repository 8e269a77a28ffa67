package dev.faro.contract.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The full, latest state of a campaign; the campaign topic is compacted by campaign id. */
public record CampaignChanged(
        String campaign,
        long revision,
        String name,
        String locale,
        String timeZone,
        boolean doubleOptIn,
        boolean archived,
        List<LandingPage> landingPages,
        Goal goal,
        List<Spend> spend,
        String offerRef) {

    public record LandingPage(String id, List<String> variants) {}

    public record Goal(long targetLeads, String leadType, Instant deadline) {}

    public record Spend(String source, BigDecimal amount, String currency) {}
}
