package dev.faro.analytics.digest;

import dev.faro.analytics.abtest.Verdict;
import dev.faro.analytics.funnel.FunnelFigures;
import dev.faro.analytics.goal.GoalProgress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything a digest says, before it is written in a language: the period's funnel against the previous
 * period, goal progress as of the period's last day, the A/B verdict of each tested landing page, the notable
 * conversion drops, and the leads per day for the chart.
 */
record DigestReport(
        String campaign,
        String campaignName,
        Frequency frequency,
        Period period,
        FunnelFigures current,
        FunnelFigures previous,
        Optional<GoalProgress> goal,
        List<AbTest> abTests,
        List<ConversionDrop> drops,
        SortedMap<LocalDate, Long> leadsPerDay) {

    /** One landing page's A/B test as of the period's last day. */
    record AbTest(String landingPage, Verdict verdict, Optional<String> winner, List<VariantRate> variants) {}

    /** A variant's visitors, leads and conversion rate (percent, null without visitors), cumulative. */
    record VariantRate(String variant, long visitors, long leads, BigDecimal conversionRate) {}
}
