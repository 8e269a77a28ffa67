package dev.faro.bench.publication;

import dev.faro.bench.pipeline.EventListener;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The commit time of the transactions that wrote outbox rows in lead-service's database. PostgreSQL knows a
 * transaction's commit time only with {@code track_commit_timestamp = on}, and then only for row versions that
 * transaction wrote: the outbox row's own {@code xmin} is the relay's (it updates {@code sent_at}), so the time is
 * read from the lead's first consent record, which the capture writes in the same transaction and nobody updates.
 * Otherwise the row's {@code created_at} stands in, which is {@code now()}, the start of the capturing transaction:
 * earlier than the commit by the transaction's length, so the lag measured from it is an upper bound.
 */
final class CommitTimes {

    /** Which column the times came from, for the report. */
    enum Source {
        COMMIT_TIMESTAMP("pg_xact_commit_timestamp(xmin) of the lead's first consent_record: the capture's commit"),
        CREATED_AT("outbox_event.created_at = now(): the capturing transaction's start, before its commit");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private final Connection connection;
    private final Source source;

    CommitTimes(Connection connection) throws SQLException {
        this.connection = connection;
        this.source = tracksCommitTimestamps(connection) ? Source.COMMIT_TIMESTAMP : Source.CREATED_AT;
    }

    Source source() {
        return source;
    }

    /** Epoch microseconds per event id; ids without a row are absent. */
    Map<UUID, Long> of(Collection<UUID> eventIds) throws SQLException {
        String query = source == Source.COMMIT_TIMESTAMP
                ? """
                  select o.event_id, pg_xact_commit_timestamp(c.xmin) from outbox_event o
                  join consent_record c on c.lead_id = o.record_key::uuid
                  where o.event_id = any(?)
                    and c.id = (select min(first.id) from consent_record first where first.lead_id = c.lead_id)
                  """
                : "select event_id, created_at from outbox_event where event_id = any(?)";
        Map<UUID, Long> times = new HashMap<>();
        Array ids = connection.createArrayOf("uuid", eventIds.toArray());
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime committed = rows.getObject(2, OffsetDateTime.class);
                    if (committed != null) {
                        times.put(rows.getObject(1, UUID.class), EventListener.epochMicros(committed.toInstant()));
                    }
                }
            }
        }
        return times;
    }

    private static boolean tracksCommitTimestamps(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("show track_commit_timestamp")) {
            return row.next() && "on".equalsIgnoreCase(row.getString(1));
        }
    }
}
