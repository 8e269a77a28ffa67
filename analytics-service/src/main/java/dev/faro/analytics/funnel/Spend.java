package dev.faro.analytics.funnel;

import dev.faro.contract.events.CampaignChanged;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What was spent on a campaign, in one currency. Spend in several currencies has no single sum, and a figure
 * built on it (cost per lead, ROI) is left out rather than made up.
 */
public record Spend(BigDecimal amount, String currency) {

    /** The campaign's whole spend, or empty when it has none or it is in several currencies. */
    static Optional<Spend> total(Optional<CampaignChanged> campaign) {
        return sum(campaign, entry -> true);
    }

    /** What was spent on one UTM source, or empty when nothing (or nothing in a single currency) was. */
    static Optional<Spend> onSource(Optional<CampaignChanged> campaign, String source) {
        return sum(campaign, entry -> Objects.equals(Objects.requireNonNullElse(entry.source(), ""), source));
    }

    private static Optional<Spend> sum(Optional<CampaignChanged> campaign, Predicate<CampaignChanged.Spend> counted) {
        List<CampaignChanged.Spend> entries = campaign.map(CampaignChanged::spend).orElse(List.of()).stream()
                .filter(entry -> entry != null && entry.amount() != null)
                .filter(counted)
                .toList();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String currency = currencyOf(entries.get(0));
        if (entries.stream().anyMatch(entry -> !Objects.equals(currencyOf(entry), currency))) {
            return Optional.empty();
        }
        BigDecimal amount =
                entries.stream().map(CampaignChanged.Spend::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new Spend(amount, currency));
    }

    private static String currencyOf(CampaignChanged.Spend entry) {
        return entry.currency() == null ? null : entry.currency().toUpperCase(Locale.ROOT);
    }
}
