package dev.faro.bench.publication;

import dev.faro.contract.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes a backlog of {@code LeadCaptured} rows straight into lead-service's outbox in one transaction and times the
 * relay until every row is sent.
 *
 * <p>The rows name the scratch topic {@code bench.outbox} instead of {@code faro.leads}. The relay publishes a row
 * to whatever topic it names, so its work is the same; but every event type of {@code faro.leads} has a consumer
 * that acts on it (email-service handles all five, incentive-service issues on LeadCaptured and LeadConfirmed and
 * waits forever for an unknown campaign), and {@code faro.leads} keeps its records forever for analytics to rebuild
 * from. A topic nobody reads keeps the stack's data and mailbox clean and the consumers' CPU out of the figure.
 */
final class BacklogDrain {

    static final String TOPIC = "bench.outbox";

    private static final int INSERT_BATCH = 1_000;
    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * @param rows rows written
     * @param payloadBytes size of each row's payload
     * @param insertSeconds time to write and commit them
     * @param drainSeconds from the commit until no row was left unsent
     * @param firstBatchAfterSeconds from the commit until the relay's first batch began (its idle poll)
     * @param relaySeconds from the start of the relay's first batch to the start of its last one
     */
    record Result(
            int rows,
            int payloadBytes,
            double insertSeconds,
            double drainSeconds,
            double firstBatchAfterSeconds,
            double relaySeconds) {

        double rowsPerSecond() {
            return rows / drainSeconds;
        }
    }

    private final Connection connection;

    /** {@code connection} to lead-service's database, as its owner. */
    BacklogDrain(Connection connection) {
        this.connection = connection;
    }

    /** A real LeadCaptured row of this stack to copy, or the contract's example if there is none yet. */
    BacklogEvents events() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select payload from outbox_event where event_type = ? and topic <> ? order by seq desc limit 1")) {
            select.setString(1, EventType.LEAD_CAPTURED.cloudEventType());
            select.setString(2, TOPIC);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? BacklogEvents.fromEnvelope(row.getString(1)) : BacklogEvents.fromGoldenExample();
            }
        }
    }

    /**
     * Rows still unsent when this returns, on failure too, are deleted: the relay must never be left with rows
     * for a topic that is about to be deleted.
     */
    Result run(BacklogEvents events, int rows, Duration timeout) throws Exception {
        removeRows();
        try {
            long insertStart = System.nanoTime();
            insert(events, rows);
            long committed = System.nanoTime();
            // The database and this process share the machine's clock, so sent_at compares with it.
            OffsetDateTime committedAt = OffsetDateTime.now(ZoneOffset.UTC);
            long deadline = committed + timeout.toNanos();
            while (unsent() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay left rows unsent after " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
            long drained = System.nanoTime();
            double[] relay = relayWindow(committedAt);
            return new Result(
                    rows,
                    events.payloadBytes(),
                    seconds(committed - insertStart),
                    seconds(drained - committed),
                    relay[0],
                    relay[1]);
        } finally {
            removeRows();
        }
    }

    /** Inserts the rows in one transaction. */
    private void insert(BacklogEvents events, int rows) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into outbox_event (event_id, topic, record_key, event_type, payload) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                BacklogEvents.Event event = events.next();
                insert.setObject(1, event.eventId());
                insert.setString(2, TOPIC);
                insert.setString(3, event.leadId().toString());
                insert.setString(4, EventType.LEAD_CAPTURED.cloudEventType());
                insert.setString(5, event.payload());
                insert.addBatch();
                if ((i + 1) % INSERT_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private long unsent() throws SQLException {
        try (PreparedStatement count =
                connection.prepareStatement("select count(*) from outbox_event where sent_at is null and topic = ?")) {
            count.setString(1, TOPIC);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * {@code sent_at} is {@code now()} of the relay's batch transaction, its start: the first and last values bound
     * the relay's busy time, less the last batch.
     */
    private double[] relayWindow(OffsetDateTime committedAt) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select min(sent_at), max(sent_at) from outbox_event where topic = ?")) {
            select.setString(1, TOPIC);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                OffsetDateTime first = row.getObject(1, OffsetDateTime.class);
                OffsetDateTime last = row.getObject(2, OffsetDateTime.class);
                return new double[] {between(committedAt, first), between(first, last)};
            }
        }
    }

    /** Leaves lead-service's outbox as it was; an interrupted earlier run's rows go too. */
    private void removeRows() throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where topic = ?")) {
            delete.setString(1, TOPIC);
            delete.executeUpdate();
        }
    }

    private static double between(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
