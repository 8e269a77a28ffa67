package dev.faro.bench.pipeline;

import java.time.Duration;

/**
 * When to stop waiting for the pipeline. One quiet reading is not trusted on its own: the readings of the outboxes,
 * the email ledger and the consumer offsets are taken one after the other, not at one instant, so the pipeline is
 * quiet after {@code readingsNeeded} quiet readings in a row, and given up on once {@code bound} has passed.
 */
public final class QuietRule {

    /** What to do after a reading. */
    public enum Verdict {
        QUIET,
        KEEP_WAITING,
        GIVE_UP
    }

    private final Duration bound;
    private final int readingsNeeded;
    private int quietInARow;

    public QuietRule(Duration bound, int readingsNeeded) {
        if (readingsNeeded < 1) {
            throw new IllegalArgumentException("at least one quiet reading is needed: " + readingsNeeded);
        }
        this.bound = bound;
        this.readingsNeeded = readingsNeeded;
    }

    /** @param elapsed time since the wait began, when {@code snapshot} was read */
    public Verdict observe(PipelineSnapshot snapshot, Duration elapsed) {
        quietInARow = snapshot.quiet() ? quietInARow + 1 : 0;
        if (quietInARow >= readingsNeeded) {
            return Verdict.QUIET;
        }
        return elapsed.compareTo(bound) >= 0 ? Verdict.GIVE_UP : Verdict.KEEP_WAITING;
    }

    public Duration bound() {
        return bound;
    }
}
