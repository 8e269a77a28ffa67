package dev.faro.bench.endtoend;

import dev.faro.bench.endtoend.LeadJourney.Hop;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the end-to-end time goes: the percentiles of each hop over the leads whose every stamp is known, and, to
 * explain the end-to-end p99, the median of each hop over the slowest leads: the one at the whole's p99 by rank and
 * every slower one.
 * Percentiles are exact (nearest rank) on the samples, in milliseconds.
 */
final class HopBreakdown {

    private final int complete;
    private final Map<Hop, long[]> sortedHopMicros = new EnumMap<>(Hop.class);
    private final Map<Hop, long[]> sortedTailHopMicros = new EnumMap<>(Hop.class);
    private final int tailCount;
    private final Map<LeadJourney.Split, long[]> sortedSplitMicros = new EnumMap<>(LeadJourney.Split.class);

    private HopBreakdown(List<LeadJourney> journeys) {
        List<LeadJourney> whole =
                journeys.stream().filter(LeadJourney::complete).toList();
        this.complete = whole.size();
        List<LeadJourney> bySpeed = whole.stream()
                .sorted(Comparator.comparingLong(LeadJourney::totalMicros))
                .toList();
        // By rank, not by value: with many equal totals, "at or above the p99's value" could be nearly everyone.
        List<LeadJourney> tail = bySpeed.subList(Math.max(0, rank(bySpeed.size(), 99) - 1), bySpeed.size());
        this.tailCount = tail.size();
        for (Hop hop : Hop.values()) {
            sortedHopMicros.put(
                    hop,
                    whole.stream().mapToLong(j -> j.hopMicros(hop)).sorted().toArray());
            sortedTailHopMicros.put(
                    hop, tail.stream().mapToLong(j -> j.hopMicros(hop)).sorted().toArray());
        }
        for (LeadJourney.Split split : LeadJourney.Split.values()) {
            sortedSplitMicros.put(
                    split,
                    whole.stream()
                            .map(j -> j.splitMicros(split))
                            .filter(Objects::nonNull)
                            .mapToLong(Long::longValue)
                            .sorted()
                            .toArray());
        }
    }

    static HopBreakdown of(List<LeadJourney> journeys) {
        return new HopBreakdown(journeys);
    }

    /** Leads with every stamp known: the samples of every figure here. */
    int complete() {
        return complete;
    }

    /** The slowest complete journeys: the one at the end-to-end p99 (nearest rank) and every slower one. */
    int tailCount() {
        return tailCount;
    }

    /** A hop's length at a percentile (0–100) over the complete journeys; NaN without any. */
    double percentileMillis(Hop hop, double percentile) {
        return millis(sortedHopMicros.get(hop), percentile);
    }

    /** The median of a hop over the {@link #tailCount()} slowest journeys; NaN without any. */
    double tailMedianMillis(Hop hop) {
        return millis(sortedTailHopMicros.get(hop), 50);
    }

    /** A split hop's length at a percentile over the complete journeys that have its stamps; NaN without any. */
    double percentileMillis(LeadJourney.Split split, double percentile) {
        return millis(sortedSplitMicros.get(split), percentile);
    }

    /** How many complete journeys have a split hop's stamps. */
    int splitCount(LeadJourney.Split split) {
        return sortedSplitMicros.get(split).length;
    }

    private static double millis(long[] sorted, double percentile) {
        return sorted.length == 0 ? Double.NaN : nearestRank(sorted, percentile) / 1000.0;
    }

    /** The smallest sample with at least {@code percentile} % of the samples at or below it. */
    private static long nearestRank(long[] sorted, double percentile) {
        return sorted[Math.max(0, rank(sorted.length, percentile) - 1)];
    }

    /** The 1-based nearest rank of a percentile among {@code count} samples. */
    private static int rank(int count, double percentile) {
        return Math.min(count, (int) Math.ceil(percentile / 100.0 * count));
    }
}
