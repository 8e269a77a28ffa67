package dev.faro.support.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Recognises a failure that means "the database cannot be reached right now" (refused or broken connections,
 * PostgreSQL shutting down or starting up, no pooled connection in time) anywhere in an exception's causes, so
 * a request that failed for it is answered 503 with Retry-After instead of 500: nothing was stored, and the same
 * request will work once the database is back.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isOutage(sql)) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            // Class 08: connection exceptions. 57P01-57P03: the server is shutting down, crashed or not ready yet.
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                return true;
            }
        }
        String message = e.getMessage();
        // Agroal's pool gives up waiting for a connection with this message and no SQL state.
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
