package dev.faro.analytics.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The funnel's counts and what a marketer derives from them. Rates are percentages and ROI a ratio, each a decimal
 * rounded half-up to two places; money keeps two places. A figure whose denominator is zero or unknown is null,
 * never zero: "no visitors yet" is not "0 % conversion".
 */
@Schema(name = "FunnelFigures")
public record FunnelFigures(
        @Schema(
                        description =
                                "Unique visitors: each visitor once per UTC day and landing page, variant, source and medium")
                long visitors,
        @Schema(description = "Leads captured") long leads,
        @Schema(description = "Leads that confirmed their address (double opt-in)") long confirmed,
        @Schema(description = "Incentives issued to leads") long incentivesIssued,
        @Schema(description = "Incentive emails the mail server accepted") long emailsSent,
        @Schema(description = "Incentive emails that could not be delivered") long emailsFailed,
        @Schema(description = "Emails opened (first open of each message)") long opens,
        @Schema(description = "Tracked links followed in emails") long clicks,
        @Schema(description = "Incentives redeemed in a shop: leads turned customers") long redemptions,
        @Schema(description = "Sum of the redeeming orders' values") BigDecimal revenue,
        @Schema(description = "Currency of the revenue; null when unknown or when orders came in several")
                String currency,
        @Schema(description = "Spend on the campaign (per source: on that source); null when unknown") BigDecimal spend,
        @Schema(description = "Currency of the spend") String spendCurrency,
        @Schema(description = "Leads who unsubscribed") long unsubscribes,
        @Schema(description = "Leads erased at their request") long erasures,
        @Schema(description = "leads / visitors × 100; null without visitors") BigDecimal conversionRate,
        @Schema(description = "redemptions / leads × 100; null without leads") BigDecimal leadToCustomerRate,
        @Schema(description = "spend / leads; null without spend or leads") BigDecimal costPerLead,
        @Schema(description = "(revenue − spend) / spend; null without spend or when the currencies differ")
                BigDecimal roi,
        @Schema(description = "unsubscribes / emailsSent × 100; null without emails sent") BigDecimal unsubscribeRate) {

    static final int SCALE = 2;

    /**
     * @param spend what was spent on what {@code counts} covers, if known
     * @param revenueCurrencies the currencies the campaign's orders were paid in
     */
    static FunnelFigures of(FunnelCounts counts, Optional<Spend> spend, Set<String> revenueCurrencies) {
        String currency =
                revenueCurrencies.size() == 1 ? revenueCurrencies.iterator().next() : null;
        BigDecimal revenue = counts.revenue().setScale(SCALE, RoundingMode.HALF_UP);
        return new FunnelFigures(
                counts.visitors(),
                counts.leads(),
                counts.confirmed(),
                counts.incentivesIssued(),
                counts.emailsSent(),
                counts.emailsFailed(),
                counts.opens(),
                counts.clicks(),
                counts.redemptions(),
                revenue,
                currency,
                spend.map(Spend::amount)
                        .map(amount -> amount.setScale(SCALE, RoundingMode.HALF_UP))
                        .orElse(null),
                spend.map(Spend::currency).orElse(null),
                counts.unsubscribes(),
                counts.erasures(),
                percent(counts.leads(), counts.visitors()),
                percent(counts.redemptions(), counts.leads()),
                spend.map(paid -> divide(paid.amount(), BigDecimal.valueOf(counts.leads())))
                        .orElse(null),
                spend.filter(paid -> comparable(paid, revenueCurrencies))
                        .map(paid -> divide(counts.revenue().subtract(paid.amount()), paid.amount()))
                        .orElse(null),
                percent(counts.unsubscribes(), counts.emailsSent()));
    }

    /** {@code part / whole × 100}, or null when {@code whole} is zero. */
    static BigDecimal percent(long part, long whole) {
        return divide(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)), BigDecimal.valueOf(whole));
    }

    private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            return null;
        }
        return dividend.divide(divisor, SCALE, RoundingMode.HALF_UP);
    }

    /** Revenue and spend can be set against each other: no revenue yet, or all of it in the spend's currency. */
    private static boolean comparable(Spend spend, Set<String> revenueCurrencies) {
        return revenueCurrencies.isEmpty()
                || (revenueCurrencies.size() == 1 && revenueCurrencies.contains(spend.currency()));
    }
}
