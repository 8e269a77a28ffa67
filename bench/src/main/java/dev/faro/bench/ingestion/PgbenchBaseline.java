package dev.faro.bench.ingestion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs pgbench with a custom script against the scratch database and keeps its output. */
final class PgbenchBaseline {

    static final Path DEBIAN_PGBENCH = Path.of("/usr/lib/postgresql/15/bin/pgbench");

    private final Path pgbench;

    private PgbenchBaseline(Path pgbench) {
        this.pgbench = pgbench;
    }

    /** Debian's PostgreSQL 15 pgbench, or the first on PATH; fails with what to install when there is none. */
    static PgbenchBaseline locate() {
        if (Files.isExecutable(DEBIAN_PGBENCH)) {
            return new PgbenchBaseline(DEBIAN_PGBENCH);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return new PgbenchBaseline(candidate);
            }
        }
        throw new IllegalStateException("pgbench is needed for the ingestion baseline and was found neither at "
                + DEBIAN_PGBENCH + " nor on PATH (Debian: apt-get install postgresql-client-15 or postgresql-15)");
    }

    Path binary() {
        return pgbench;
    }

    /**
     * The pgbench command line: prepared statements, {@code clients} connections over 2 threads, {@code duration},
     * no vacuum (the scratch tables are not pgbench's own).
     */
    List<String> command(Path script, int port, int clients, Duration duration) {
        List<String> command = new ArrayList<>();
        command.add(pgbench.toString());
        command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", ScratchDatabase.NAME));
        command.addAll(List.of("-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2"));
        command.addAll(List.of("-T", Long.toString(Math.max(1, duration.toSeconds()))));
        command.addAll(List.of("-f", script.toString(), ScratchDatabase.NAME));
        return command;
    }

    /** Runs it; stdout and stderr go to {@code pgbench.out} and {@code pgbench.err} in {@code raw}. */
    PgbenchOutput run(List<String> command, Path raw, Duration duration) throws IOException, InterruptedException {
        Path out = raw.resolve("pgbench.out");
        Path err = raw.resolve("pgbench.err");
        Files.writeString(raw.resolve("pgbench.command"), String.join(" ", command) + "\n");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PGPASSWORD", ScratchDatabase.NAME);
        builder.environment().put("PGCLIENTENCODING", "UTF8");
        Process process = builder.start();
        if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish in time; see " + err);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("pgbench exited with " + process.exitValue() + ":\n"
                    + Files.readString(err, StandardCharsets.UTF_8) + stdout);
        }
        return PgbenchOutput.parse(stdout);
    }
}
