package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventType;
import dev.faro.contract.events.EmailFailed;
import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class SuppressedMessageTest {

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @Inject
    SuppressionList suppressions;

    @Inject
    EntityManager entityManager;

    @Test
    void incentiveForASuppressedAddressEndsSuppressedWithAPermanentEmailFailedAndNoMail() {
        LeadEvents lead = LeadEvents.fresh();
        suppressions.add(lead.email(), Unsubscribed.SCOPE_ALL, SuppressionReason.COMPLAINED);

        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        await().atMost(Duration.ofSeconds(30)).until(() -> "suppressed".equals(status(lead)));
        EmailFailed failed = EventCodec.instance()
                .data(
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> leads.emailEvents(lead, EventType.EMAIL_FAILED), e -> !e.isEmpty())
                                .get(0),
                        EmailFailed.class);
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("suppressed: complained");
        assertThat(inbox.messagesTo(lead.email())).isEmpty();
    }

    private String status(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager
                    .createNativeQuery(
                            "select status from send_ledger where lead_id = :lead and message_kind = 'incentive'")
                    .setParameter("lead", lead.leadId())
                    .getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }
}
