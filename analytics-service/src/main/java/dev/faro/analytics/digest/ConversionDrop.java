package dev.faro.analytics.digest;

import java.math.BigDecimal;

/**
 * A conversion rate that fell notably against the previous period.
 *
 * @param scope {@code total}, {@code day} (a day against the same day of the previous period) or {@code variant}
 * @param label what fell: the day (ISO date) or {@code page/variant}; empty for the total
 * @param previousRate the rate before, percent
 * @param currentRate the rate now, percent
 * @param percentChange the fall as a percentage of the previous rate (negative)
 */
public record ConversionDrop(
        String scope, String label, BigDecimal previousRate, BigDecimal currentRate, BigDecimal percentChange) {}
