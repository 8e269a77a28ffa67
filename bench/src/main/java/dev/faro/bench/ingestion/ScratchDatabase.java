package dev.faro.bench.ingestion;

import dev.faro.local.infra.DatabaseAdmin;
import dev.faro.local.infra.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code faro_bench}: a database on the stack's PostgreSQL with lead-service's schema, built from its own
 * migrations (and the outbox table from service-support's), emptied before every run. Its role has the same
 * name, password included, as the services' roles do.
 */
final class ScratchDatabase {

    static final String NAME = "faro_bench";

    private final int port;

    ScratchDatabase(int port) {
        this.port = port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + NAME;
    }

    /** Creates or empties the database and applies the migrations; returns the files applied, in order. */
    List<Path> recreate(Path repoRoot) throws IOException, SQLException {
        DatabaseAdmin.ensureDatabase(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", LocalPostgres.ADMIN_USER, "", NAME, NAME, NAME);
        List<Path> applied = new ArrayList<>();
        applied.addAll(Migrations.inOrder(repoRoot.resolve("service-support/src/main/resources/db/support")));
        applied.addAll(Migrations.inOrder(repoRoot.resolve("lead-service/src/main/resources/db/migration")));
        // PostgreSQL 14 gives schema public to the superuser, so only it can drop and recreate it.
        try (Connection admin = DriverManager.getConnection(jdbcUrl(), LocalPostgres.ADMIN_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public authorization " + NAME);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), NAME, NAME);
                Statement statement = connection.createStatement()) {
            for (Path migration : applied) {
                statement.execute(Files.readString(migration));
            }
            statement.execute("insert into campaign (id, name, locale, time_zone, double_opt_in)"
                    + " values ('demo', 'Demo', 'es', 'Europe/Madrid', false)");
        }
        return applied;
    }

    /** Rows in lead and outbox_event, to check that pgbench wrote what it claims. */
    long[] rowCounts() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), NAME, NAME);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select (select count(*) from lead), (select count(*) from outbox_event)")) {
            result.next();
            return new long[] {result.getLong(1), result.getLong(2)};
        }
    }

    /** Connections still free for a client needing {@code wanted} of them, given the server's limit. */
    static int freeConnections(String adminUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, LocalPostgres.ADMIN_USER, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select current_setting('max_connections')::int"
                        + " - current_setting('superuser_reserved_connections')::int"
                        + " - (select count(*) from pg_stat_activity)")) {
            result.next();
            return result.getInt(1);
        }
    }
}
