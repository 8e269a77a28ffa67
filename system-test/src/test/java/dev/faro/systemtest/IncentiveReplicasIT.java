package dev.faro.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.ServiceInstance;
import dev.faro.local.launcher.StackConfig;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.PrometheusText;
import dev.faro.local.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly one incentive per lead with several incentive-service instances in one consumer group, every event
 * delivered more than once, and one instance killed (SIGKILL) in the middle: the database's unique key decides,
 * whichever instance gets a record and however often.
 */
class IncentiveReplicasIT {

    private static final int LEADS = 60;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path state;

    @RegisterExtension
    static final StackLogsOnFailure STACK_LOGS = new StackLogsOnFailure(() -> state);

    private static FaroStack faro;

    @BeforeAll
    static void startFaro() {
        faro = FaroStack.start(StackConfig.withFreePorts(state));
    }

    @AfterAll
    static void stopFaro() {
        if (faro != null) {
            faro.close();
        }
    }

    @Test
    void everyLeadGetsOneIncentiveWhateverTheReplicasRedeliveriesAndCrashes() throws Exception {
        ServiceInstance second = faro.startAnotherInstance(FaroService.INCENTIVE, "second");
        TestKafka kafka = new TestKafka(faro.kafkaBootstrap());
        List<UUID> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(UUID.randomUUID());
        }

        // The first half: each event twice as it was (a redelivery) and once more under a new id (a duplicate).
        publishConcurrently(kafka, leads.subList(0, LEADS / 2));
        await("the second instance takes part in the group")
                .atMost(Duration.ofSeconds(60))
                .until(() -> leadEventsApplied(second.url()) > 0);
        // The work is split: both instances of the group applied captures.
        assertThat(leadEventsApplied(faro.instance(FaroService.INCENTIVE).url()))
                .as("captures applied by the first instance")
                .isPositive();
        second.kill();
        publishConcurrently(kafka, leads.subList(LEADS / 2, LEADS));
        ServiceInstance third = faro.startAnotherInstance(FaroService.INCENTIVE, "third");

        await("one incentive for each of the " + LEADS + " leads")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> incentivesPerLead(leads).size() == LEADS);
        await("nothing more arrives")
                .during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(20))
                .until(() -> incentivesPerLead(leads).values().stream().allMatch(count -> count == 1));
        // The relay is at-least-once: an instance killed between Kafka's acknowledgement and its commit re-sends
        // the record under the same event id, which consumers drop. What must be one is the event, by id.
        Map<String, Set<UUID>> published = new HashMap<>();
        kafka.records(Topics.INCENTIVES.name(), record -> true).stream()
                .map(record -> EventCodec.instance().decode(record.value()))
                .filter(event -> event.eventType() == EventType.INCENTIVE_ISSUED)
                .forEach(event -> published
                        .computeIfAbsent(event.subject(), lead -> new HashSet<>())
                        .add(event.id()));
        assertThat(leads).allSatisfy(lead -> assertThat(published.get(lead.toString()))
                .as("ids of the IncentiveIssued events of lead %s", lead)
                .hasSize(1));
        assertThat(third.isAlive()).isTrue();
    }

    private static void publishConcurrently(TestKafka kafka, List<UUID> leads) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (UUID lead : leads) {
                sent.add(threads.submit(() -> {
                    EventEnvelope captured = GoldenEvents.fresh(
                            EventType.LEAD_CAPTURED,
                            Map.of("leadId", lead, "campaign", "demo", "confirmationRequired", false));
                    kafka.publish(lead.toString(), captured);
                    kafka.publish(lead.toString(), captured);
                    kafka.publish(
                            lead.toString(),
                            GoldenEvents.fresh(
                                    EventType.LEAD_CAPTURED,
                                    Map.of("leadId", lead, "campaign", "demo", "confirmationRequired", false)));
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    /** How many lead events an instance has applied, as its Prometheus endpoint says. */
    private static double leadEventsApplied(URI instance) {
        try {
            String scrape = HTTP.send(
                            HttpRequest.newBuilder(instance.resolve("/q/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return PrometheusText.sum(
                    scrape, "faro_inbox_events_total", Map.of("type", "dev.faro.lead.captured", "outcome", "applied"));
        } catch (Exception notAnswering) {
            return 0;
        }
    }

    /** Incentive rows per lead, read from incentive-service's own database. */
    private static Map<UUID, Long> incentivesPerLead(List<UUID> leads) throws Exception {
        String database = FaroService.INCENTIVE.database();
        try (Connection db = DriverManager.getConnection(faro.jdbcUrl(FaroService.INCENTIVE), database, database);
                PreparedStatement query = db.prepareStatement(
                        "select lead_id, count(*) from incentive where lead_id = any(?) group by lead_id")) {
            query.setArray(1, db.createArrayOf("uuid", leads.toArray()));
            Map<UUID, Long> counts = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
            return counts;
        }
    }
}
