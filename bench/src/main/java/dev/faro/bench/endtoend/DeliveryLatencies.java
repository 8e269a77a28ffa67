package dev.faro.bench.endtoend;

import dev.faro.local.infra.InboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Pairs each lead's send time with the moment the SMTP sink accepted the first message to its address (the
 * incentive email: the demo campaign sends nothing before it), and keeps the differences in a histogram.
 */
final class DeliveryLatencies {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Histogram micros = new Histogram(HIGHEST_MICROS, 3);
    private final int expected;
    private final int delivered;

    private DeliveryLatencies(Map<String, Instant> sentAt, List<InboxMessage> inbox) {
        Map<String, Instant> firstReceived = firstReceived(sentAt.keySet(), inbox);
        firstReceived.forEach((address, received) -> {
            long latency = Duration.between(sentAt.get(address), received).toNanos() / 1000;
            micros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latency)));
        });
        this.expected = sentAt.size();
        this.delivered = firstReceived.size();
    }

    /** When the sink accepted the first message to each of {@code addresses} (lower case) that has one. */
    static Map<String, Instant> firstReceived(Set<String> addresses, List<InboxMessage> inbox) {
        Map<String, Instant> firstReceived = new HashMap<>();
        for (InboxMessage message : inbox) {
            for (String recipient : message.to()) {
                String address = recipient.toLowerCase(Locale.ROOT);
                if (addresses.contains(address)) {
                    firstReceived.merge(address, message.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return firstReceived;
    }

    /** {@code sentAt}: each lead's address (lower case) and when its capture request was sent. */
    static DeliveryLatencies of(Map<String, Instant> sentAt, List<InboxMessage> inbox) {
        return new DeliveryLatencies(sentAt, inbox);
    }

    int expected() {
        return expected;
    }

    int delivered() {
        return delivered;
    }

    int missing() {
        return expected - delivered;
    }

    /** Milliseconds at a percentile (0-100); 0 when nothing was delivered. */
    double percentileMillis(double percentile) {
        return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return micros.getTotalCount() == 0 ? 0 : micros.getMaxValue() / 1000.0;
    }

    Histogram histogram() {
        return micros.copy();
    }
}
