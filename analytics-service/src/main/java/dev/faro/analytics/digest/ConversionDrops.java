package dev.faro.analytics.digest;

import dev.faro.analytics.funnel.FunnelCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the conversion rates (leads / visitors) that fell by more than the threshold against the previous period,
 * in total, per day (against the same day of the previous period, so a weekly digest compares Monday with Monday)
 * and per landing page variant. Rates on fewer visitors than the minimum in either period are not judged.
 */
final class ConversionDrops {

    private final double thresholdPercent;
    private final long minVisitors;

    ConversionDrops(double thresholdPercent, long minVisitors) {
        this.thresholdPercent = thresholdPercent;
        this.minVisitors = minVisitors;
    }

    Optional<ConversionDrop> compare(String scope, String label, FunnelCounts previous, FunnelCounts current) {
        if (previous == null || current == null) {
            return Optional.empty();
        }
        if (previous.visitors() < minVisitors || current.visitors() < minVisitors || previous.leads() == 0) {
            return Optional.empty();
        }
        // Relative change of the rate, from the counts: (c.leads/c.visitors) / (p.leads/p.visitors) − 1.
        BigDecimal ratio = BigDecimal.valueOf(current.leads())
                .multiply(BigDecimal.valueOf(previous.visitors()))
                .divide(
                        BigDecimal.valueOf(previous.leads()).multiply(BigDecimal.valueOf(current.visitors())),
                        10,
                        RoundingMode.HALF_UP);
        BigDecimal percentChange =
                ratio.subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
        if (percentChange.doubleValue() >= -thresholdPercent) {
            return Optional.empty();
        }
        return Optional.of(new ConversionDrop(scope, label, rate(previous), rate(current), percentChange));
    }

    /** Drops of the keys present in both maps, in the order of {@code current}. */
    List<ConversionDrop> compareEach(
            String scope, Map<String, FunnelCounts> previous, Map<String, FunnelCounts> current) {
        List<ConversionDrop> drops = new ArrayList<>();
        current.forEach(
                (key, counts) -> compare(scope, key, previous.get(key), counts).ifPresent(drops::add));
        return drops;
    }

    static BigDecimal rate(FunnelCounts counts) {
        if (counts.visitors() == 0) {
            return null;
        }
        return BigDecimal.valueOf(counts.leads() * 100)
                .divide(BigDecimal.valueOf(counts.visitors()), 2, RoundingMode.HALF_UP);
    }
}
