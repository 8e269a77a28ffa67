package dev.faro.email.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event of a lead that the outbox has not handed to Kafka is reported with the lead. */
@QuarkusTest
@TestProfile(UnsentLeadEventsTest.RelayOff.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class UnsentLeadEventsTest {

    /** The relay would publish the unsent row this test needs to keep. */
    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.outbox.relay-enabled", "false");
        }
    }

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/api/admin/reconciliation/leads")
    URI endpoint;

    @Test
    void anEventStillInTheOutboxIsReportedUnsentAndAPublishedOneIsNot() throws Exception {
        UUID lead = UUID.randomUUID();
        Instant recordedAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        UUID unsent = insert(lead, recordedAt, false);
        UUID published = insert(lead, recordedAt.plusSeconds(1), true);
        try {
            JsonNode ledger = new ReconciliationClient(endpoint).reportOn(lead);

            assertThat(ledger.path("unsent")).singleElement().satisfies(event -> {
                assertThat(event.path("type").asText()).isEqualTo(EventType.EMAIL_SENT.cloudEventType());
                assertThat(Instant.parse(event.path("recordedAt").asText())).isEqualTo(recordedAt);
            });
            assertThat(ledger.path("messages")).isEmpty();
        } finally {
            // The database outlives this test; a row a later relay would publish must not stay behind.
            delete(unsent);
            delete(published);
        }
    }

    private UUID insert(UUID lead, Instant at, boolean sent) {
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                                insert into outbox_event (event_id, topic, record_key, event_type, payload, created_at,
                                                          sent_at)
                                values (:id, :topic, :key, :type, '{}', :at, %s)
                                """
                                .formatted(sent ? ":at" : "null"))
                .setParameter("id", eventId)
                .setParameter("topic", Topics.EMAILS.name())
                .setParameter("key", lead.toString())
                .setParameter("type", EventType.EMAIL_SENT.cloudEventType())
                .setParameter("at", at)
                .executeUpdate());
        return eventId;
    }

    private void delete(UUID eventId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_event where event_id = :id")
                .setParameter("id", eventId)
                .executeUpdate());
    }
}
