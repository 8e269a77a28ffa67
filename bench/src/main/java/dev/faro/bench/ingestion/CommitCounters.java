package dev.faro.bench.ingestion;

import dev.faro.local.infra.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL 14's cumulative WAL and commit counters: how many commits share one WAL flush (group commit). The
 * statistics collector receives them from each backend at most every 500 ms, so a reading lags by up to that much.
 *
 * @param walSyncs {@code pg_stat_wal.wal_sync}: WAL flushes to disk (fdatasync), the whole cluster
 * @param walWrites {@code pg_stat_wal.wal_write}: WAL buffer writes to the kernel
 * @param commits {@code pg_stat_database.xact_commit} of one database (read-only transactions included)
 * @param commitsAllDatabases the same, summed over every database
 */
record CommitCounters(long walSyncs, long walWrites, long commits, long commitsAllDatabases) {

    static CommitCounters read(int port, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", LocalPostgres.ADMIN_USER, "");
                PreparedStatement statement = connection.prepareStatement("select wal_sync, wal_write,"
                        + " (select xact_commit from pg_stat_database where datname = ?),"
                        + " (select sum(xact_commit) from pg_stat_database)::bigint from pg_stat_wal")) {
            statement.setString(1, database);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new CommitCounters(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
            }
        }
    }

    /** What happened between {@code earlier} and this reading. */
    CommitCounters since(CommitCounters earlier) {
        return new CommitCounters(
                walSyncs - earlier.walSyncs,
                walWrites - earlier.walWrites,
                commits - earlier.commits,
                commitsAllDatabases - earlier.commitsAllDatabases);
    }

    /** Units of work (commits, leads) per WAL flush; 0 without flushes. */
    double perSync(long units) {
        return walSyncs == 0 ? 0 : (double) units / walSyncs;
    }

    String describe() {
        return String.format(
                java.util.Locale.ROOT,
                "WAL syncs %d, WAL writes %d, commits in the database %d (%.2f per sync), commits in all"
                        + " databases %d (%.2f per sync)",
                walSyncs,
                walWrites,
                commits,
                perSync(commits),
                commitsAllDatabases,
                perSync(commitsAllDatabases));
    }
}
