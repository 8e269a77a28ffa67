package dev.faro.analytics.funnel;

import java.math.BigDecimal;

/** The fact table's counters summed over some rows: how often each funnel stage was reached, and the revenue. */
public record FunnelCounts(
        long visitors,
        long leads,
        long confirmed,
        long incentivesIssued,
        long emailsSent,
        long emailsFailed,
        long opens,
        long clicks,
        long redemptions,
        BigDecimal revenue,
        long unsubscribes,
        long erasures) {

    /** The sums in the order {@link FunnelReader} selects them, starting at {@code from} in a result row. */
    static FunnelCounts fromRow(Object[] row, int from) {
        return new FunnelCounts(
                asLong(row[from]),
                asLong(row[from + 1]),
                asLong(row[from + 2]),
                asLong(row[from + 3]),
                asLong(row[from + 4]),
                asLong(row[from + 5]),
                asLong(row[from + 6]),
                asLong(row[from + 7]),
                asLong(row[from + 8]),
                asDecimal(row[from + 9]),
                asLong(row[from + 10]),
                asLong(row[from + 11]));
    }

    /** The select list that {@link #fromRow} reads. */
    static final String SUMS =
            """
            coalesce(sum(visitors), 0), coalesce(sum(leads), 0), coalesce(sum(confirmed), 0),
            coalesce(sum(incentives_issued), 0), coalesce(sum(emails_sent), 0), coalesce(sum(emails_failed), 0),
            coalesce(sum(opens), 0), coalesce(sum(clicks), 0), coalesce(sum(redemptions), 0),
            coalesce(sum(revenue), 0), coalesce(sum(unsubscribes), 0), coalesce(sum(erasures), 0)
            """;

    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal asDecimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }
}
