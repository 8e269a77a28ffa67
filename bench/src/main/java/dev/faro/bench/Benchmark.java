package dev.faro.bench;

import java.util.List;

/**
 * One measurement of Faro beside its baseline, run by {@code ./faro bench} against a running local stack. It
 * keeps every tool's raw output under {@link BenchContext#rawOutput()}, bounds its own duration, and sends
 * traffic to loopback only.
 */
public interface Benchmark {

    /** Short name used on the command line and as the raw-output folder: {@code ingestion}, {@code rebuild}. */
    String name();

    /** The heading in docs/benchmarks.md. */
    String title();

    List<Figure> run(BenchContext context) throws Exception;
}
