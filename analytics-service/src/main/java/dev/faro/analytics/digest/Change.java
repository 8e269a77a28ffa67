package dev.faro.analytics.digest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a figure moved from the previous period: the difference, and that difference as a percentage of the
 * previous value (half-up, two places; null when the previous value is zero or either value is unknown).
 */
public record Change(BigDecimal absolute, BigDecimal percent) {

    public static Change between(BigDecimal previous, BigDecimal current) {
        if (previous == null || current == null) {
            return new Change(null, null);
        }
        BigDecimal absolute = current.subtract(previous);
        BigDecimal percent = previous.signum() == 0
                ? null
                : absolute.multiply(BigDecimal.valueOf(100)).divide(previous.abs(), 2, RoundingMode.HALF_UP);
        return new Change(absolute, percent);
    }

    public static Change between(long previous, long current) {
        return between(BigDecimal.valueOf(previous), BigDecimal.valueOf(current));
    }
}
