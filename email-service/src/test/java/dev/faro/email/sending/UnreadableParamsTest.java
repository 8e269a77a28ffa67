package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
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
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class UnreadableParamsTest {

    @Inject
    EntityManager entityManager;

    private final Inbox inbox = TestInfrastructure.current().inbox();

    /**
     * Params an older version recorded, say. Thrown from the sender, the error dropped the rest of the batch and came
     * back each time the message was claimed again, for good.
     */
    @Test
    void aMessageWhoseParamsNoLongerReadFailsForGoodWithoutHoldingUpTheOthers() {
        LeadEvents unreadable = LeadEvents.fresh();
        LeadEvents readable = LeadEvents.fresh();
        QuarkusTransaction.requiringNew().run(() -> {
            LedgerRows.contact(entityManager, unreadable);
            LedgerRows.pendingIncentive(entityManager, unreadable, "{\"discountPercent\": \"quince\"}", Instant.now());
            LedgerRows.contact(entityManager, readable);
            LedgerRows.pendingIncentive(
                    entityManager, readable, "{\"code\": \"LEIBLE-0001\", \"discountPercent\": 15}", Instant.now());
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(row(unreadable)[0]));
        assertThat(row(unreadable)[1])
                .as("the reason, which quotes nothing of the params")
                .isEqualTo("its params do not read as the incentive email's");
        await().atMost(Duration.ofSeconds(30)).until(() -> "sent".equals(row(readable)[0]));
        assertThat(inbox.messagesTo(readable.email())).hasSize(1);
        assertThat(inbox.messagesTo(unreadable.email())).isEmpty();
    }

    @Test
    void aNurtureStepWhoseConditionNoLongerReadsFailsForGood() {
        LeadEvents lead = LeadEvents.fresh();
        QuarkusTransaction.requiringNew().run(() -> {
            LedgerRows.contact(entityManager, lead);
            entityManager
                    .createNativeQuery(
                            """
                            insert into send_ledger (lead_id, message_kind, step, campaign, params, status,
                                                     next_attempt_at)
                            values (:leadId, 'nurture', 1, 'demo',
                                    cast('{"template": "tips", "step": 1, "condition": {"si": true}}' as jsonb),
                                    'pending', now())
                            """)
                    .setParameter("leadId", lead.leadId())
                    .executeUpdate();
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(row(lead)[0]));
        assertThat(row(lead)[1]).isEqualTo("its params do not read as the nurture email's");
        assertThat(inbox.messagesTo(lead.email())).isEmpty();
    }

    private Object[] row(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select status, last_error from send_ledger where lead_id = :leadId")
                .setParameter("leadId", lead.leadId())
                .getSingleResult());
    }
}
