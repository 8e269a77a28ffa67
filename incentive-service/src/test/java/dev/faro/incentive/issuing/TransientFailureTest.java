package dev.faro.incentive.issuing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.local.testing.CapturedLog;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.PrometheusText;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.inbox.EventInbox;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database failure while issuing is transient: the inbox keeps retrying the event, parks nothing on the
 * dead-letter topic and stays live, and the incentive appears once the database is whole again.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class TransientFailureTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);
    /** Retries back off up to faro.inbox.max-backoff (10 s), so recovery may wait that long for the next attempt. */
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    IncentiveRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void leadCapturedWhileTheOfferTableIsMissingIsRetriedNotDeadLetteredAndIssuedOnceItIsBack() {
        UUID leadId = UUID.randomUUID();
        EventEnvelope captured = leadCaptured(leadId);
        kafka().publish("demo", GoldenEvents.campaign("demo"));

        try (CapturedLog inboxLog = CapturedLog.of(EventInbox.class)) {
            try {
                onSeparateConnection("alter table offer rename to offer_unavailable");
                kafka().publish(leadId.toString(), captured);

                // Proves the consumer really met the failure: without it, "no incentive yet" would prove nothing.
                await("inbox retries the event")
                        .atMost(EVENT_TIMEOUT)
                        .until(() -> retriesOf(inboxLog, captured).size() >= 2);

                await("nothing issued, nothing dead-lettered, still live")
                        .during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> {
                            assertThat(rows.countFor(leadId)).isZero();
                            assertThat(deadLettered(leadId)).isEmpty();
                            given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
                            // At least this event; a lead event redelivered from an earlier test's consumer meets
                            // the missing table too.
                            assertThat(inboxRetrying())
                                    .as("faro_inbox_retrying")
                                    .isGreaterThanOrEqualTo(1);
                        });
            } finally {
                onSeparateConnection("alter table if exists offer_unavailable rename to offer");
            }

            await("incentive issued after recovery")
                    .atMost(RECOVERY_TIMEOUT)
                    .untilAsserted(() -> assertThat(issuedEvents(leadId)).hasSize(1));
            await("still exactly one incentive, nothing dead-lettered")
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(rows.countFor(leadId)).isEqualTo(1);
                        assertThat(issuedEvents(leadId)).hasSize(1);
                        assertThat(deadLettered(leadId)).isEmpty();
                        assertThat(inboxRetrying()).as("faro_inbox_retrying").isZero();
                    });
        }
    }

    /** How many events the inbox is retrying now, as an operator's dashboard reads it. */
    private static double inboxRetrying() {
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusText.value(scrape, "faro_inbox_retrying").orElseThrow();
    }

    private static EventEnvelope leadCaptured(UUID leadId) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED, Map.of("leadId", leadId, "campaign", "demo", "confirmationRequired", false));
    }

    private static List<String> retriesOf(CapturedLog inboxLog, EventEnvelope event) {
        return inboxLog.entriesContaining(event.id().toString()).stream()
                .filter(m -> m.contains("retrying in"))
                .toList();
    }

    private List<ConsumerRecord<String, String>> deadLettered(UUID leadId) {
        return kafka().records(Topics.DEAD_LETTER.name(), r -> leadId.toString().equals(r.key()));
    }

    private List<EventEnvelope> issuedEvents(UUID leadId) {
        return kafka().events(Topics.INCENTIVES.name(), leadId.toString()).stream()
                .filter(e -> e.eventType() == EventType.INCENTIVE_ISSUED)
                .toList();
    }

    /** Runs DDL outside the service's pool, as an operator or a failed migration would. */
    private void onSeparateConnection(String sql) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(dbUser);
        dataSource.setPassword(dbPassword);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // A consumer transaction holding the table must not hang the test: fail fast instead.
            statement.execute("set lock_timeout = '5s'");
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
