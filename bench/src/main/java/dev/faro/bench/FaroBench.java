package dev.faro.bench;

import dev.faro.bench.pipeline.QuietPipeline;
import dev.faro.bench.report.BenchmarkOutcome;
import dev.faro.bench.report.MachineInfo;
import dev.faro.bench.report.PostgresInfo;
import dev.faro.bench.report.ReportRenderer;
import dev.faro.local.infra.LocalPostgres;
import dev.faro.local.launcher.RepoRoot;
import dev.faro.local.launcher.StackConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./faro bench [--quick] [name ...]}: runs the benchmarks against the running local stack, keeps their raw
 * outputs under docs/benchmarks/&lt;UTC date-time&gt;/&lt;name&gt;/, writes docs/benchmarks.md (a quick run:
 * docs/benchmarks-quick.md and docs/benchmarks/quick/, so it never replaces the published figures and is not
 * committed) and prints the same tables.
 */
public final class FaroBench {

    private static final DateTimeFormatter RUN_FOLDER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private FaroBench() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        for (Benchmark benchmark : Benchmarks.all()) {
            benchmarks.put(benchmark.name(), benchmark);
        }
        BenchArguments arguments;
        try {
            arguments = BenchArguments.parse(List.of(args), new ArrayList<>(benchmarks.keySet()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (arguments.help()) {
            System.out.println(BenchArguments.USAGE + "\nbenchmarks: " + String.join(", ", benchmarks.keySet()));
            return 0;
        }
        Path root = RepoRoot.locate();
        StackConfig stack = StackConfig.defaults(root);
        List<String> notReady = StackCheck.notReady(stack);
        if (!notReady.isEmpty()) {
            System.err.println(
                    "The local stack is not running or not ready:\n  " + String.join("\n  ", notReady)
                            + "\nStart it with: FARO_RATE_LIMIT_ENABLED=false FARO_BENCH_NOOP_ENDPOINT=true ./faro up --detach");
            return 1;
        }
        Path tokenFile = stack.stateDir().resolve("admin-token");
        if (!Files.isReadable(tokenFile)) {
            System.err.println("No " + root.relativize(tokenFile) + ": was the stack started with ./faro up?");
            return 1;
        }
        String token = Files.readString(tokenFile).trim();

        Instant started = Instant.now();
        Path docs = root.resolve("docs");
        // Quick runs check the harness; their outputs stay out of the published folder (and out of git).
        Path runs = arguments.quick() ? docs.resolve("benchmarks").resolve("quick") : docs.resolve("benchmarks");
        Path runFolder = runs.resolve(RUN_FOLDER.format(started));
        List<BenchmarkOutcome> outcomes = new ArrayList<>();
        for (String name : arguments.names()) {
            Benchmark benchmark = benchmarks.get(name);
            Path raw = Files.createDirectories(runFolder.resolve(name));
            String rawLink = docs.relativize(raw).toString().replace('\\', '/') + "/";
            System.out.println("\n== " + benchmark.title() + (arguments.quick() ? " (quick)" : "") + " ==");
            BenchContext context = new BenchContext(stack, raw, arguments.quick(), token);
            try {
                if (Benchmarks.needsQuietPipeline(name)) {
                    System.out.println(
                            QuietPipeline.await(context, "before the benchmark").summary("pipeline"));
                }
                List<Figure> figures = benchmark.run(context);
                outcomes.add(BenchmarkOutcome.completed(name, benchmark.title(), figures, rawLink));
            } catch (Exception | AssertionError | LinkageError e) {
                System.err.println(name + " failed: " + e);
                Files.writeString(raw.resolve("failure.txt"), stackTrace(e));
                outcomes.add(BenchmarkOutcome.failed(name, benchmark.title(), rawLink, describe(e)));
            }
        }

        String markdown =
                ReportRenderer.markdown(started, arguments.quick(), MachineInfo.current(), postgres(stack), outcomes);
        Path report = docs.resolve(arguments.quick() ? "benchmarks-quick.md" : "benchmarks.md");
        Files.writeString(report, markdown, StandardCharsets.UTF_8);
        Files.writeString(runFolder.resolve("report.md"), markdown, StandardCharsets.UTF_8);
        System.out.println(ReportRenderer.console(outcomes));
        System.out.println(
                "\nWrote " + root.relativize(report) + " (raw outputs in " + root.relativize(runFolder) + ")");
        return outcomes.stream().anyMatch(o -> o.failure() != null) ? 1 : 0;
    }

    private static PostgresInfo postgres(StackConfig stack) {
        String url = "jdbc:postgresql://127.0.0.1:" + stack.postgresPort() + "/postgres";
        try {
            return PostgresInfo.query(url, LocalPostgres.ADMIN_USER, "");
        } catch (Exception e) {
            System.err.println("Could not read PostgreSQL's settings: " + e.getMessage());
            return null;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String stackTrace(Throwable e) throws IOException {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
