package dev.faro.bench.pipeline;

import dev.faro.bench.BenchContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits until the running stack has no work in flight (see {@link PipelineSnapshot}) before a benchmark sends load,
 * so that it measures its own traffic and not the backlog an earlier benchmark left in the relays and consumers.
 * Every wait is appended to {@code quiet-pipeline.txt} in the benchmark's raw output.
 */
public final class QuietPipeline {

    public static final Duration BOUND = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int QUIET_READINGS = 2;
    public static final String RAW_FILE = "quiet-pipeline.txt";

    /**
     * @param waited from the first reading to the reading that settled it
     * @param readings how many readings were taken
     * @param first what was in flight at the first reading
     */
    public record Wait(Duration waited, int readings, PipelineSnapshot first) {

        public String summary(String when) {
            return String.format(
                    Locale.ROOT,
                    "%s: quiet after %.1f s (%d readings every %d ms, %d quiet in a row needed); at first: %s",
                    when,
                    waited.toMillis() / 1000.0,
                    readings,
                    POLL.toMillis(),
                    QUIET_READINGS,
                    first.describe());
        }
    }

    private QuietPipeline() {}

    /**
     * Returns once the pipeline has been quiet for {@value #QUIET_READINGS} readings in a row; throws
     * {@link IllegalStateException} naming what is still in flight if it is not within {@link #BOUND}.
     *
     * @param when what the wait comes before, for the raw output ("before the benchmark")
     */
    public static Wait await(BenchContext context, String when) throws Exception {
        QuietRule rule = new QuietRule(BOUND, QUIET_READINGS);
        try (PipelineProbe probe = new PipelineProbe(context)) {
            long start = System.nanoTime();
            PipelineSnapshot first = null;
            int readings = 0;
            while (true) {
                PipelineSnapshot snapshot = probe.read();
                readings++;
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (first == null) {
                    first = snapshot;
                    if (!snapshot.quiet()) {
                        System.out.println("Waiting for a quiet pipeline (" + snapshot.describe() + ")");
                    }
                }
                QuietRule.Verdict verdict = rule.observe(snapshot, elapsed);
                if (verdict == QuietRule.Verdict.QUIET) {
                    Wait wait = new Wait(elapsed, readings, first);
                    record(context, wait.summary(when));
                    return wait;
                }
                if (verdict == QuietRule.Verdict.GIVE_UP) {
                    String message = String.format(
                            Locale.ROOT,
                            "the pipeline did not become quiet within %d min %s, so it would measure earlier"
                                    + " work; still in flight: %s",
                            BOUND.toMinutes(),
                            when,
                            snapshot.describe());
                    record(
                            context,
                            when + ": gave up after " + readings + " readings; at first: " + first.describe()
                                    + "; at last: " + snapshot.describe());
                    throw new IllegalStateException(message);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static void record(BenchContext context, String line) throws IOException {
        Files.writeString(
                context.rawOutput().resolve(RAW_FILE),
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
