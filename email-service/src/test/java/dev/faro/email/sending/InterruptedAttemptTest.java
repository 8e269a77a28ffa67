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
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class InterruptedAttemptTest {

    @Inject
    EntityManager entityManager;

    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void attemptLeftUnfinishedByACrashIsSentAgainWithTheSameMessageId() {
        LeadEvents lead = LeadEvents.fresh();
        String messageId = "<incentive.0." + lead.leadId() + "@faro.local>";
        // What a sender that died between claiming and recording leaves behind, its claim already run out.
        QuarkusTransaction.requiringNew().run(() -> {
            LedgerRows.contact(entityManager, lead);
            entityManager
                    .createNativeQuery(
                            """
                            insert into send_ledger (lead_id, message_kind, step, campaign, params, status,
                                                     message_id, attempts, next_attempt_at)
                            values (:leadId, 'incentive', 0, 'demo',
                                    cast('{"code": "CRASH-0001-CODE", "discountPercent": 15}' as jsonb),
                                    'attempting', :messageId, 1, now() - interval '1 second')
                            """)
                    .setParameter("leadId", lead.leadId())
                    .setParameter("messageId", messageId)
                    .executeUpdate();
        });

        InboxMessage email = await().atMost(Duration.ofSeconds(30))
                .until(() -> inbox.messagesTo(lead.email()), received -> !received.isEmpty())
                .get(0);
        assertThat(email.messageId()).isEqualTo(messageId);
        assertThat(email.subject()).isEqualTo("Tu código de descuento del 15 %");
        assertThat(email.text()).contains("CRASH-0001-CODE");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(statusOf(lead)));
    }

    private String statusOf(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select status from send_ledger where lead_id = :leadId")
                .setParameter("leadId", lead.leadId())
                .getSingleResult());
    }
}
