package dev.faro.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every benchmark, in the order {@code ./faro bench} runs them: footprint first (it restarts nothing, but wants a
 * quiet machine), the rebuild last (it reads everything the others wrote to Kafka).
 */
final class Benchmarks {

    private static final List<String> CLASSES = List.of(
            "dev.faro.bench.footprint.FootprintBenchmark",
            "dev.faro.bench.ingestion.IngestionBenchmark",
            "dev.faro.bench.publication.PublicationBenchmark",
            "dev.faro.bench.visits.VisitsBenchmark",
            "dev.faro.bench.endtoend.EndToEndBenchmark",
            "dev.faro.bench.drain.DrainBenchmark",
            "dev.faro.bench.rebuild.RebuildBenchmark");

    /**
     * The benchmarks that send load through the pipeline: each waits first until the work the previous one left in
     * the relays and consumers is done. The footprint only starts processes.
     */
    private static final Set<String> NEED_QUIET_PIPELINE =
            Set.of("ingestion", "publication", "visits", "endtoend", "drain", "rebuild");

    private Benchmarks() {}

    static boolean needsQuietPipeline(String name) {
        return NEED_QUIET_PIPELINE.contains(name);
    }

    /** The benchmarks built into this version of the harness; a class not (yet) written is left out. */
    static List<Benchmark> all() {
        List<Benchmark> benchmarks = new ArrayList<>();
        for (String name : CLASSES) {
            try {
                benchmarks.add(
                        (Benchmark) Class.forName(name).getDeclaredConstructor().newInstance());
            } catch (ClassNotFoundException notWritten) {
                // not part of this build
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + name, e);
            }
        }
        return benchmarks;
    }
}
