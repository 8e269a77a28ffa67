package dev.faro.bench.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What polling a rebuild saw, to tell how long its swap took. The status says "reading" until just before the swap
 * transaction and "swapping" until that transaction commits; {@code finishedAt} is set inside it, before the
 * commit. So the swap began after the last poll that saw "reading" and ended before the first that saw "done"
 * (the upper bound), and it spanned at least {@code finishedAt} and every poll that saw "swapping". The service and
 * this process read the same machine clock; a loopback round trip is the error.
 */
final class RebuildWatch {

    /** A status and when this process received it. */
    record Observation(Instant at, RebuildSnapshot snapshot) {}

    /** The swap took between {@code atLeast} and {@code atMost}. */
    record SwapBounds(Duration atLeast, Duration atMost) {}

    private static final String READING = "reading";

    private final List<Observation> observations = new ArrayList<>();

    void saw(Instant at, RebuildSnapshot snapshot) {
        observations.add(new Observation(at, snapshot));
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }

    /** Empty until a poll has seen the rebuild finished. */
    Optional<SwapBounds> swap() {
        Optional<Observation> firstFinished =
                observations.stream().filter(o -> o.snapshot().finished()).findFirst();
        if (firstFinished.isEmpty()
                || firstFinished.get().snapshot().finishedAt().isEmpty()) {
            return Optional.empty();
        }
        Instant finished = firstFinished.get().snapshot().finishedAt().get();
        Instant lastReading = observations.stream()
                .filter(o -> READING.equals(o.snapshot().state()))
                .map(Observation::at)
                .reduce((first, second) -> second)
                .orElse(firstFinished.get().snapshot().startedAt());
        List<Instant> swapping = observations.stream()
                .filter(o -> RebuildSnapshot.SWAPPING.equals(o.snapshot().state()))
                .map(Observation::at)
                .toList();
        Instant earliestInside = swapping.isEmpty() || finished.isBefore(swapping.get(0)) ? finished : swapping.get(0);
        Instant latestInside = swapping.isEmpty() || finished.isAfter(swapping.get(swapping.size() - 1))
                ? finished
                : swapping.get(swapping.size() - 1);
        return Optional.of(new SwapBounds(
                nonNegative(Duration.between(earliestInside, latestInside)),
                nonNegative(Duration.between(lastReading, firstFinished.get().at()))));
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
