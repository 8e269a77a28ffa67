package dev.faro.bench.pipeline;

import dev.faro.bench.BenchContext;
import dev.faro.local.launcher.FaroService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a {@link PipelineSnapshot} of the running stack: each service database's unsent outbox rows, email-service's
 * due sends, and the committed offsets of each service's consumer group (named after the service, as the services
 * configure it) against the partitions' end offsets. Keeps its connections open between readings.
 */
final class PipelineProbe implements AutoCloseable {

    private static final String UNSENT_OUTBOX = "select count(*) from outbox_event where sent_at is null";
    /**
     * What email-service's sender would claim now or within its attempt timeout (recipient known): an attempt in
     * progress is claimed until then, so this range finds it too. A due row whose contact has not arrived waits for a
     * LeadCaptured, which shows as consumer lag instead. Ordered and capped so that PostgreSQL walks the sender's own
     * index of open rows: counted over the whole ledger (a benchmark leaves 100 000 nurture emails due tomorrow) it
     * took 130 ms of three processes per reading.
     */
    private static final String DUE_EMAILS =
            """
            select count(*) from (
                select 1 from send_ledger l left join contact c on c.lead_id = l.lead_id
                where l.status in ('pending', 'attempting') and not l.awaiting_recipient
                  and l.next_attempt_at <= now() + interval '5 minutes'
                  and (l.address is not null or c.lead_id is not null)
                order by l.next_attempt_at
                limit 1000) due
            """;

    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final List<Connection> open = new ArrayList<>();
    private final Map<String, Connection> outboxDatabases = new LinkedHashMap<>();
    private final List<String> groups = new ArrayList<>();
    private Connection emailDatabase;
    private final Admin admin;

    PipelineProbe(BenchContext context) throws SQLException {
        try {
            for (FaroService service : FaroService.values()) {
                Connection connection =
                        DriverManager.getConnection(context.jdbcUrl(service), service.database(), service.database());
                open.add(connection);
                if (hasTable(connection, "outbox_event")) {
                    outboxDatabases.put(service.database(), connection);
                }
                if (service == FaroService.EMAIL && hasTable(connection, "send_ledger")) {
                    emailDatabase = connection;
                }
                groups.add(service.directory());
            }
        } catch (SQLException e) {
            closeConnections();
            throw e;
        }
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, context.kafkaBootstrap());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "faro-bench-quiet-pipeline");
        this.admin = Admin.create(settings);
    }

    PipelineSnapshot read() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        Map<String, Long> unsent = new HashMap<>();
        for (Map.Entry<String, Connection> database : outboxDatabases.entrySet()) {
            unsent.put(database.getKey(), count(database.getValue(), UNSENT_OUTBOX));
        }
        long dueEmails = emailDatabase == null ? 0 : count(emailDatabase, DUE_EMAILS);
        return PipelineSnapshot.of(unsent, dueEmails, lags());
    }

    private List<GroupLag> lags() throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
        groups.forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets =
                admin.listConsumerGroupOffsets(specs).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Map<TopicPartition, Long>> committed = new LinkedHashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        offsets.forEach((group, byPartition) -> {
            Map<TopicPartition, Long> groupCommitted = new HashMap<>();
            byPartition.forEach((partition, offset) -> {
                if (offset != null) {
                    groupCommitted.put(partition, offset.offset());
                    latest.put(partition, OffsetSpec.latest());
                }
            });
            committed.put(group, groupCommitted);
        });
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (!latest.isEmpty()) {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos =
                    admin.listOffsets(latest).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            infos.forEach((partition, info) -> ends.put(partition, info.offset()));
        }
        List<GroupLag> lags = new ArrayList<>();
        committed.forEach((group, groupCommitted) -> lags.add(GroupLag.of(group, groupCommitted, ends)));
        return lags;
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private void closeConnections() {
        for (Connection connection : open) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }

    @Override
    public void close() {
        closeConnections();
        admin.close();
    }
}
