package dev.faro.lead.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.contract.Topics;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.RestartableKafka;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.outbox.OutboxRelay;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The promise "while Kafka is down, lead-service stays ready and keeps answering 202; nothing acknowledged is lost",
 * with a broker that really stops and comes back on the same address and data.
 */
@QuarkusTest
@WithTestResource(
        value = CaptureThroughKafkaOutageTest.WithOwnKafka.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CaptureThroughKafkaOutageTest {

    /** The name {@link WithOwnKafka} registers this test's broker under. */
    static final String BROKER = "lead-service-outage";

    private static final Logger LOG = Logger.getLogger(CaptureThroughKafkaOutageTest.class);
    private static final int LEADS_BEFORE_OUTAGE = 3;
    private static final int LEADS_DURING_OUTAGE = 20;
    /** Capture never waits for Kafka, so even on a busy two-core machine an acknowledgement takes far less. */
    private static final Duration QUICK = Duration.ofSeconds(2);

    /**
     * The shared database and SMTP server, and a broker of this test's own: stopping the JVM-wide one would break the
     * tests that run after this one.
     */
    public static class WithOwnKafka extends FaroInfrastructure {

        private RestartableKafka kafka;

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            kafka = RestartableKafka.startOnFreePorts();
            kafka.register(BROKER);
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            return config;
        }

        @Override
        public void stop() {
            if (kafka != null) {
                kafka.close();
                kafka = null;
            }
            super.stop();
        }
    }

    @Inject
    LeadRows rows;

    @Test
    void leadsAcknowledgedWhileKafkaIsDownAreAllPublishedOnceItIsBack() {
        RestartableKafka.Control broker = RestartableKafka.control(BROKER);
        TestKafka kafka = new TestKafka(broker.getBootstrapServers());

        // Not timed: the first requests after start-up pay for class loading and JIT, nothing to do with Kafka.
        List<String> beforeOutage = captureLeads("Antes", LEADS_BEFORE_OUTAGE).leadIds();
        await("leads captured before the outage are published")
                .atMost(Duration.ofSeconds(20))
                .until(() -> rows.unsentOutboxEvents(beforeOutage) == 0);

        Instant stopping = Instant.now();
        broker.stop();
        Duration stopTook = Duration.between(stopping, Instant.now());

        List<String> duringOutage;
        List<Instant> relayFailures;
        Instant outageCaptureBegan = Instant.now();
        try (RelayWarnings relayWarnings = RelayWarnings.listen()) {
            Captured captured = captureLeads("Durante", LEADS_DURING_OUTAGE);
            assertThat(captured.slowest()).isLessThan(QUICK);
            duringOutage = captured.leadIds();
            assertThat(rows.unsentOutboxEvents(duringOutage)).isEqualTo(LEADS_DURING_OUTAGE);
            // A short enough outage is bridged by the producer's own buffering and retries; waiting until the relay
            // has given up on a batch makes its rollback and re-send part of what this test proves.
            await("the relay gives up on a batch while Kafka is down, the service staying ready")
                    .atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        assertReady();
                        return !relayWarnings.times().isEmpty();
                    });
            relayFailures = List.copyOf(relayWarnings.times());
        }
        assertThat(rows.unsentOutboxEvents(duringOutage)).isEqualTo(LEADS_DURING_OUTAGE);
        await("the backlog shows in the metrics")
                .atMost(Duration.ofSeconds(15))
                .until(() -> pendingInMetrics() >= LEADS_DURING_OUTAGE);

        Instant restarting = Instant.now();
        broker.start();
        Instant brokerBack = Instant.now();
        await("every lead acknowledged during the outage is published")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> rows.unsentOutboxEvents(duringOutage) == 0);
        Instant drained = Instant.now();
        await("the drained backlog shows in the metrics")
                .atMost(Duration.ofSeconds(15))
                .until(() -> pendingInMetrics() == 0);

        List<String> acknowledged = new ArrayList<>(beforeOutage);
        acknowledged.addAll(duringOutage);
        List<ConsumerRecord<String, String>> published = kafka.records(Topics.LEADS.name());
        int copies = 0;
        for (String leadId : acknowledged) {
            List<String> eventIds = published.stream()
                    .filter(record -> leadId.equals(record.key()))
                    .map(record -> TestKafka.header(record, "ce_id").orElseThrow())
                    .toList();
            assertThat(Set.copyOf(eventIds))
                    .as("event ids published for lead %s", leadId)
                    .containsExactly(rows.outboxEventIds(leadId).get(0).toString());
            copies += eventIds.size();
        }
        assertThat(rows.unsentOutboxEvents(acknowledged)).isZero();
        assertReady();

        LOG.infof(
                "Kafka outage: broker stopped in %d ms; relay failures at %s after the first capture; broker back in"
                        + " %d ms; outbox drained %d ms after that; %d records for %d leads (%d duplicates)",
                stopTook.toMillis(),
                relayFailures.stream()
                        .map(at -> Duration.between(outageCaptureBegan, at).toMillis() + " ms")
                        .toList(),
                Duration.between(restarting, brokerBack).toMillis(),
                Duration.between(brokerBack, drained).toMillis(),
                copies,
                acknowledged.size(),
                copies - acknowledged.size());
    }

    /** Captures {@code count} new leads one after another, checking that the service stays ready after each. */
    private static Captured captureLeads(String name, int count) {
        List<String> leadIds = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        for (int i = 0; i < count; i++) {
            Response response = given().contentType(ContentType.JSON)
                    .body(LeadCaptureTest.body(LeadCaptureTest.uniqueEmail(), name + " " + i, "demo", true, "es"))
                    .post("/api/leads");
            response.then().statusCode(202);
            leadIds.add(response.path("leadId"));
            Duration took = Duration.ofMillis(response.time());
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            assertReady();
        }
        LOG.infof("Captured %d leads (%s); slowest acknowledgement %d ms", count, name, slowest.toMillis());
        assertThat(new TreeSet<>(leadIds)).hasSize(count);
        return new Captured(leadIds, slowest);
    }

    /** Leads acknowledged with 202, and the longest any of them waited for it. */
    private record Captured(List<String> leadIds, Duration slowest) {}

    /** The faro_outbox_pending gauge as Prometheus scrapes it. */
    private static double pendingInMetrics() {
        return given().get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith("faro_outbox_pending "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private static void assertReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** When the relay logged that it could not publish a batch, which it then tries again. */
    private static final class RelayWarnings extends Handler implements AutoCloseable {

        // The JBoss LogManager behind JBoss Logging is java.util.logging's manager in Quarkus tests.
        private static final java.util.logging.Logger RELAY =
                java.util.logging.Logger.getLogger(OutboxRelay.class.getName());

        private final List<Instant> times = new CopyOnWriteArrayList<>();

        static RelayWarnings listen() {
            RelayWarnings warnings = new RelayWarnings();
            RELAY.addHandler(warnings);
            return warnings;
        }

        List<Instant> times() {
            return times;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                times.add(record.getInstant());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            RELAY.removeHandler(this);
        }
    }
}
