package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each commit that makes a message sendable wakes the one sender thread whose share holds the lead. The senders here
 * poll only once an hour, so a message is sent within the test's wait only if that wake reached the right thread.
 */
@QuarkusTest
@TestProfile(SenderWakeTest.HourlyPolling.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class SenderWakeTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    public static class HourlyPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.email.sending.poll-interval", "1h", "faro.email.sending.concurrency", "4");
        }
    }

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Test
    void anIssuedIncentiveWakesTheSenderWhoseShareHoldsTheLead() {
        List<LeadEvents> leads = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LeadEvents lead = LeadEvents.fresh();
            lead.captureOn(kafka, "Begoña Sáenz", "es");
            leads.add(lead);
        }
        await().atMost(DELIVERY).until(() -> leads.stream().allMatch(lead -> hasContact(lead.leadId())));
        for (LeadEvents lead : leads) {
            kafka.publish(
                    lead.key(),
                    lead.incentiveIssued("WAKE-" + lead.leadId().toString().substring(0, 4)));
        }

        await().atMost(DELIVERY).until(() -> leads.stream().allMatch(this::receivedItsIncentive));
    }

    @Test
    void aContactArrivingAfterItsLeadsIntentWakesTheSender() {
        LeadEvents lead = LeadEvents.fresh();
        kafka.publish(lead.key(), lead.incentiveIssued("WAKE-LATE-CONT"));
        await().atMost(DELIVERY).until(() -> "pending".equals(statusOf(lead.leadId())));

        lead.captureOn(kafka, "Begoña Sáenz", "es");

        await().atMost(DELIVERY).until(() -> receivedItsIncentive(lead));
        assertThat(statusOf(lead.leadId())).isEqualTo("sent");
    }

    private boolean receivedItsIncentive(LeadEvents lead) {
        String messageId = "<incentive.0." + lead.leadId() + "@faro.local>";
        return inbox.messagesTo(lead.email()).stream().anyMatch(mail -> messageId.equals(mail.messageId()));
    }

    private boolean hasContact(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from contact where lead_id = :leadId")
                .setParameter("leadId", leadId)
                .getResultList()
                .isEmpty());
    }

    private String statusOf(UUID leadId) {
        List<?> statuses = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(
                        "select status from send_ledger where lead_id = :leadId and message_kind = 'incentive'")
                .setParameter("leadId", leadId)
                .getResultList());
        return statuses.isEmpty() ? null : (String) statuses.get(0);
    }
}
