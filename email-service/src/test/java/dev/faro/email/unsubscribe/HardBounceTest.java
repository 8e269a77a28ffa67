package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventType;
import dev.faro.contract.events.EmailFailed;
import dev.faro.email.LeadEvents;
import dev.faro.email.sending.MailCategory;
import dev.faro.local.testing.CapturedLog;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HardBounceTest.RefusingSmtp.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class HardBounceTest {

    public static class RefusingSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.host",
                    "127.0.0.1",
                    "quarkus.mailer.port",
                    String.valueOf(RefusingSmtpServer.port()));
        }
    }

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @Inject
    SuppressionList suppressions;

    @Inject
    EntityManager entityManager;

    @Test
    void permanentSmtpRefusalFailsTheMessageAndSuppressesTheAddress() {
        LeadEvents lead = LeadEvents.fresh();

        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        var failed = await().atMost(Duration.ofSeconds(30))
                .until(() -> leads.emailEvents(lead, EventType.EMAIL_FAILED), events -> !events.isEmpty())
                .get(0);
        EmailFailed failure = EventCodec.instance().data(failed, EmailFailed.class);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).contains(RefusingSmtpServer.REFUSAL);
        assertThat(suppressions.refusal(lead.leadId(), "any-campaign", lead.email(), MailCategory.REQUESTED))
                .contains("suppressed: hard-bounced");
    }

    /** The server's reply names the address (as real servers do); neither the log, the ledger nor the event keeps it. */
    @Test
    void theAddressTheServerEchoesIsMaskedInTheLogTheLedgerAndEmailFailed() {
        LeadEvents lead = LeadEvents.fresh();
        String domain = lead.email().substring(lead.email().indexOf('@'));

        EmailFailed failure;
        List<String> records;
        try (CapturedLog log = CapturedLog.everything()) {
            leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);
            var failed = await().atMost(Duration.ofSeconds(30))
                    .until(() -> leads.emailEvents(lead, EventType.EMAIL_FAILED), events -> !events.isEmpty())
                    .get(0);
            failure = EventCodec.instance().data(failed, EmailFailed.class);
            // The warning follows the commit that also appends the event: it may come after the event.
            records = await().atMost(Duration.ofSeconds(10))
                    .until(() -> log.entriesContaining(lead.leadId().toString()), found -> found.stream()
                            .anyMatch(r -> r.contains(RefusingSmtpServer.REFUSAL)));
            assertThat(log.entriesContaining(lead.email())).isEmpty();
        }

        assertThat(failure.reason())
                .contains(RefusingSmtpServer.REFUSAL + " for <***" + domain + ">")
                .doesNotContain(lead.email());
        assertThat(records).anyMatch(r -> r.contains(RefusingSmtpServer.REFUSAL + " for <***" + domain + ">"));
        assertThat(lastError(lead)).isEqualTo(failure.reason());
    }

    private String lastError(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery(
                        "select last_error from send_ledger where lead_id = :lead and message_kind = 'incentive'")
                .setParameter("lead", lead.leadId())
                .getSingleResult());
    }
}
