package dev.faro.bench.publication;

import java.util.Collection;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/** Percentiles of one lag measure over a set of samples, in milliseconds. */
public final class LagDistribution {

    private static final long HIGHEST_MICROS = 600_000_000L;

    private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);

    private LagDistribution() {}

    /**
     * A negative lag (clock granularity, or a commit-time stand-in later than the record) is counted as zero:
     * the histogram holds no negatives, and hiding such a sample would bias the percentiles upwards.
     */
    public static LagDistribution of(Collection<LagSample> samples, ToLongFunction<LagSample> lagMicros) {
        LagDistribution distribution = new LagDistribution();
        for (LagSample sample : samples) {
            long lag = Math.max(0, Math.min(HIGHEST_MICROS, lagMicros.applyAsLong(sample)));
            distribution.micros.recordValue(lag);
        }
        return distribution;
    }

    public long count() {
        return micros.getTotalCount();
    }

    /** The lag at a percentile (0–100) in milliseconds; NaN without samples. */
    public double percentileMillis(double percentile) {
        return count() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return count() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
    }
}
