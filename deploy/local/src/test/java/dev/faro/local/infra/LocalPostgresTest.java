package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path work;

    @Test
    void aRestartOnThePersistentDirectoryKeepsCommittedRowsDurabilityIsOnAndAutovacuumLooksOften() throws Exception {
        PostgresSettings settings =
                new PostgresSettings(work.resolve("postgres"), FreePorts.find(), true, work.resolve("postgres.log"));

        try (LocalPostgres first = LocalPostgres.start(settings)) {
            assertThat(first.postmasterPid()).isPresent();
            first.ensureDatabase("faro_keep", "faro_keep", "faro_keep");
            try (Connection connection = connect(first);
                    Statement statement = connection.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    ResultSet value = statement.executeQuery("SHOW " + setting);
                    value.next();
                    assertThat(value.getString(1)).as(setting).isEqualTo("on");
                }
                ResultSet naptime = statement.executeQuery("SHOW autovacuum_naptime");
                naptime.next();
                assertThat(naptime.getString(1)).isEqualTo("15s");
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
        }

        try (LocalPostgres second = LocalPostgres.start(settings);
                Connection connection = connect(second);
                Statement statement = connection.createStatement()) {
            ResultSet row = statement.executeQuery("SELECT id FROM kept");
            assertThat(row.next()).isTrue();
            assertThat(row.getInt(1)).isEqualTo(42);
        }
    }

    private static Connection connect(LocalPostgres postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("faro_keep"), "faro_keep", "faro_keep");
    }
}
