package dev.faro.email.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A redemption that arrives while the reminder still waits for the sender withdraws it. The sender is stopped
 * so the reminder is certain to be waiting; the incentive email's delivery is recorded by hand instead.
 */
@QuarkusTest
@TestProfile(ReminderCancellationTest.SenderStopped.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class ReminderCancellationTest {

    public static class SenderStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.email.sending.enabled", "false");
        }
    }

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @Inject
    EntityManager entityManager;

    @Test
    void aRedemptionWithdrawsTheReminderNotSentYet() {
        LeadEvents lead = LeadEvents.fresh();
        UUID incentive = UUID.randomUUID();
        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued(incentive, "LATE-0001-CODE", "demo"));
        // The contact says whether the lead consents to marketing; it comes on another topic, so may come later.
        await().atMost(PROCESSING).until(() -> !statuses(lead, "incentive").isEmpty() && hasContact(lead));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update send_ledger set status = 'sent', sent_at = now()"
                        + " where lead_id = :lead and message_kind = 'incentive'")
                .setParameter("lead", lead.leadId())
                .executeUpdate());

        kafka.publish(
                lead.key(), lead.incentiveExpiring(incentive, Instant.now().plus(Duration.ofDays(2))));
        await().atMost(PROCESSING).until(() -> statuses(lead, "expiry-reminder").equals(List.of("pending")));

        kafka.publish(lead.key(), lead.incentiveRedeemed(incentive));

        await().atMost(PROCESSING).until(() -> statuses(lead, "expiry-reminder").isEmpty());
        assertThat(statuses(lead, "incentive")).containsExactly("sent");
    }

    private boolean hasContact(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact where lead_id = :lead")
                .setParameter("lead", lead.leadId())
                .getResultList()
                .isEmpty());
    }

    private List<String> statuses(LeadEvents lead, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select status from send_ledger where lead_id = :lead and message_kind = :kind")
                .setParameter("lead", lead.leadId())
                .setParameter("kind", kind)
                .getResultList()
                .stream()
                .map(String.class::cast)
                .toList());
    }
}
