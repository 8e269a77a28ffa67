package dev.faro.lead.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.support.outbox.OutboxPruner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(OutboxPruningTest.RelayOff.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class OutboxPruningTest {

    /** The relay would publish the unsent row this test needs to keep. */
    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.outbox.relay-enabled", "false");
        }
    }

    @Inject
    OutboxPruner pruner;

    @Inject
    EntityManager entityManager;

    @Test
    void sentEventsPastRetentionArePrunedAndUnsentOnesAreKept() {
        UUID oldSent = insert(Instant.now().minus(Duration.ofDays(30)), true);
        UUID recentSent = insert(Instant.now(), true);
        UUID oldUnsent = insert(Instant.now().minus(Duration.ofDays(30)), false);
        try {
            pruner.pruneSentEvents();

            assertThat(exists(oldSent)).isFalse();
            assertThat(exists(recentSent)).isTrue();
            assertThat(exists(oldUnsent)).isTrue();
        } finally {
            // The database outlives this test; a row no relay can publish must not stay behind.
            delete(oldUnsent);
        }
    }

    private UUID insert(Instant at, boolean sent) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        insert into outbox_event (event_id, topic, record_key, event_type, payload, created_at, sent_at)
                        values (:id, 'faro.test-only', 'pruning', 'dev.faro.test', '{}', :at, :sentAt)
                        """)
                .setParameter("id", id)
                .setParameter("at", at)
                .setParameter("sentAt", sent ? at : null)
                .executeUpdate());
        return id;
    }

    private boolean exists(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                        .createNativeQuery("select count(*) from outbox_event where event_id = :id")
                                        .setParameter("id", id)
                                        .getSingleResult())
                                .longValue()
                        == 1);
    }

    private void delete(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_event where event_id = :id")
                .setParameter("id", id)
                .executeUpdate());
    }
}
