package dev.faro.local.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates a service's role and database through an administrator connection, idempotently. */
public final class DatabaseAdmin {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String DUPLICATE_DATABASE = "42P04";

    private DatabaseAdmin() {}

    public static void ensureDatabase(
            String adminJdbcUrl,
            String adminUser,
            String adminPassword,
            String database,
            String user,
            String password) {
        requireIdentifier(database);
        requireIdentifier(user);
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, adminUser, adminPassword);
                Statement statement = connection.createStatement()) {
            String passwordLiteral = "'" + password.replace("'", "''") + "'";
            if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                statement.execute("ALTER ROLE " + user + " LOGIN PASSWORD " + passwordLiteral);
            } else {
                ignoring(
                        DUPLICATE_OBJECT,
                        () -> statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD " + passwordLiteral));
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                // Another JVM may create it between the check and here (parallel module builds sharing a server).
                ignoring(DUPLICATE_DATABASE, () -> statement.execute("CREATE DATABASE " + database + " OWNER " + user));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not create database " + database + " for " + user + " via " + adminJdbcUrl, e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void ignoring(String sqlState, SqlAction action) throws SQLException {
        try {
            action.run();
        } catch (SQLException e) {
            if (!sqlState.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
