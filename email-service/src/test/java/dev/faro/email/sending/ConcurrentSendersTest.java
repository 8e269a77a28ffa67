package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class ConcurrentSendersTest {

    private static final int LEADS = 100;

    @Inject
    EntityManager entityManager;

    @Inject
    EmailConfig config;

    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void severalSenderThreadsSendEveryDueMessageExactlyOnce() {
        assertThat(config.sending().concurrency()).isGreaterThan(1);
        List<LeadEvents> leads = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(LeadEvents.fresh());
        }
        // All due at once, committed together, so the senders compete for them; each share holds more than a batch.
        QuarkusTransaction.requiringNew().run(() -> leads.forEach(this::dueIncentiveEmail));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> leads.stream().allMatch(lead -> "sent".equals(statusOf(lead))));
        for (LeadEvents lead : leads) {
            List<InboxMessage> received = inbox.messagesTo(lead.email());
            assertThat(received).as("emails to %s", lead.email()).hasSize(1);
            assertThat(received.get(0).messageId()).isEqualTo("<incentive.0." + lead.leadId() + "@faro.local>");
            assertThat(received.get(0).text()).contains(code(lead));
        }
    }

    @Test
    void theClaimAndTheWakeAgreeOnEachLeadsShare() {
        for (int i = 0; i < 200; i++) {
            UUID leadId = UUID.randomUUID();
            int shares = 1 + i % SenderShare.MAX_COUNT;
            int inDatabase = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                            .createNativeQuery("select %s from (select cast(:leadId as uuid) as lead_id) l"
                                    .formatted(SenderShare.SQL))
                            .setParameter("leadId", leadId)
                            .setParameter("shares", shares)
                            .getSingleResult())
                    .intValue());
            assertThat(SenderShare.indexOf(leadId, shares))
                    .as("share of %s among %d", leadId, shares)
                    .isEqualTo(inDatabase);
        }
    }

    private void dueIncentiveEmail(LeadEvents lead) {
        LedgerRows.contact(entityManager, lead);
        LedgerRows.pendingIncentive(
                entityManager, lead, "{\"code\": \"" + code(lead) + "\", \"discountPercent\": 15}", Instant.now());
    }

    private static String code(LeadEvents lead) {
        return "PAR-" + lead.leadId().toString().substring(0, 8).toUpperCase();
    }

    private String statusOf(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select status from send_ledger where lead_id = :leadId")
                .setParameter("leadId", lead.leadId())
                .getSingleResult());
    }
}
