package dev.faro.bench.drain;

import java.util.ArrayList;
import java.util.List;

/**
 * A counter of finished work sampled over time while a resumed service works off its backlog. The rate is the work
 * done between the first sample that moved and the last one that did, so the time a consumer takes to rejoin its
 * group after the pause is not charged to its processing.
 */
final class DrainTimeline {

    record Sample(long nanos, double count) {}

    private final List<Sample> samples = new ArrayList<>();

    void add(long nanos, double count) {
        samples.add(new Sample(nanos, count));
    }

    /** Work done since the first sample. */
    double done() {
        return samples.isEmpty() ? 0 : last().count() - samples.get(0).count();
    }

    boolean started() {
        return done() > 0;
    }

    /** Time since the counter last moved (or since the first sample when it never did). */
    long nanosSinceLastProgress() {
        if (samples.isEmpty()) {
            return 0;
        }
        return last().nanos() - lastProgress().nanos();
    }

    /** Work per second from the first movement to the last; NaN when there was none. */
    double ratePerSecond() {
        Sample firstMove = firstMove();
        if (firstMove == null) {
            return Double.NaN;
        }
        // The work counted at the first moving sample happened during the interval before it.
        Sample before = samples.get(samples.indexOf(firstMove) - 1);
        Sample end = lastProgress();
        double seconds = (end.nanos() - before.nanos()) / 1e9;
        return (end.count() - before.count()) / seconds;
    }

    /** Seconds from the first sample to the first movement: how long the resumed service took to start. */
    double secondsToStart() {
        Sample firstMove = firstMove();
        return firstMove == null
                ? Double.NaN
                : (firstMove.nanos() - samples.get(0).nanos()) / 1e9;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    private Sample firstMove() {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).count() > samples.get(i - 1).count()) {
                return samples.get(i);
            }
        }
        return null;
    }

    private Sample lastProgress() {
        Sample progress = samples.get(0);
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).count() > samples.get(i - 1).count()) {
                progress = samples.get(i);
            }
        }
        return progress;
    }

    private Sample last() {
        return samples.get(samples.size() - 1);
    }
}
