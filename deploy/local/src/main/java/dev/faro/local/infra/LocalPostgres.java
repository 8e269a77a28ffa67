package dev.faro.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** A PostgreSQL server run from zonky's bundled binaries, with the durability settings a real server has. */
public final class LocalPostgres implements AutoCloseable {

    public static final String ADMIN_USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final PostgresSettings settings;

    private LocalPostgres(EmbeddedPostgres postgres, PostgresSettings settings) {
        this.postgres = postgres;
        this.settings = settings;
    }

    public static LocalPostgres start(PostgresSettings settings) {
        try {
            Files.createDirectories(settings.dataDirectory());
            Files.createDirectories(settings.logFile().getParent());
            var log = ProcessBuilder.Redirect.appendTo(settings.logFile().toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(settings.dataDirectory())
                    .setCleanDataDirectory(!settings.persistent())
                    .setPort(settings.port())
                    // zonky turns these off for speed (and passes -F); a local stack that loses committed rows on a
                    // crash would hide exactly the bugs the outbox and idempotent consumers exist to prevent.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // The queues (send ledger, outbox) are vacuumed after a few thousand changes; the default look
                    // every minute lets a busy minute's dead index entries slow every claim until the next one.
                    .setServerConfig("autovacuum_naptime", "15s")
                    // No personal data in postgres.log: an error's DETAIL quotes the row at fault, address and all.
                    .setServerConfig("log_error_verbosity", "terse")
                    // We stop it ourselves, in order, after the services that use it.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            return new LocalPostgres(postgres, settings);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on port " + settings.port() + " with data in " + settings.dataDirectory()
                            + "\n" + LogTail.of(settings.logFile(), 20),
                    e);
        }
    }

    public int port() {
        return settings.port();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + settings.port() + "/" + database;
    }

    public String adminJdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** Creates the role and a database it owns unless they exist; the role's password is (re)set either way. */
    public void ensureDatabase(String database, String user, String password) {
        DatabaseAdmin.ensureDatabase(adminJdbcUrl(), ADMIN_USER, "", database, user, password);
    }

    /** The postmaster's pid as PostgreSQL records it in its data directory. */
    public OptionalLong postmasterPid() {
        return postmasterPid(settings.dataDirectory());
    }

    public static OptionalLong postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on port " + settings.port();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
