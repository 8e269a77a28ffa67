package dev.faro.bench.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL server's version and the settings that decide what a commit costs, as the report shows them.
 *
 * @param settings setting name to value, in the order shown
 */
public record PostgresInfo(String version, Map<String, String> settings) {

    /** What makes a commit durable (or not) and how WAL is flushed. */
    static final List<String> DURABILITY_SETTINGS =
            List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "commit_delay");

    public static PostgresInfo query(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            String version;
            try (ResultSet result = statement.executeQuery("show server_version")) {
                result.next();
                version = result.getString(1);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String setting : DURABILITY_SETTINGS) {
                try (ResultSet result = statement.executeQuery("show " + setting)) {
                    result.next();
                    settings.put(setting, result.getString(1));
                }
            }
            return new PostgresInfo(version, settings);
        }
    }
}
