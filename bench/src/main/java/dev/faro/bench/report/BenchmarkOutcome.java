package dev.faro.bench.report;

import dev.faro.bench.Figure;
import java.util.List;

/**
 * What one benchmark produced for the report: its figures, or why it failed.
 *
 * @param rawFolder where its raw outputs are, relative to docs/ (so a link from docs/benchmarks.md works)
 * @param failure null when it ran to the end
 */
public record BenchmarkOutcome(String name, String title, List<Figure> figures, String rawFolder, String failure) {

    public BenchmarkOutcome {
        figures = List.copyOf(figures);
    }

    public static BenchmarkOutcome completed(String name, String title, List<Figure> figures, String rawFolder) {
        return new BenchmarkOutcome(name, title, figures, rawFolder, null);
    }

    public static BenchmarkOutcome failed(String name, String title, String rawFolder, String failure) {
        return new BenchmarkOutcome(name, title, List.of(), rawFolder, failure);
    }
}
