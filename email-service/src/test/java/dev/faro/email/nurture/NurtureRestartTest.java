package dev.faro.email.nurture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventEnvelope;
import dev.faro.email.LeadEvents;
import dev.faro.email.nurture.NurtureLedger.Row;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sequence survives a crash or restart in the middle: the ledger is its only schedule. A test cannot restart the
 * application, so it leaves what a dying sender leaves (a claimed row whose claim ran out, as in
 * {@code sending/InterruptedAttemptTest}) and replays the events a restarted consumer would see again.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class NurtureRestartTest {

    private static final Duration PROCESSING = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final NurtureLeads leads = new NurtureLeads(kafka);

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Inject
    EntityManager entityManager;

    @Test
    void aCrashWhileSendingAStepNeitherLosesNorRepeatsAnyStep() {
        String campaign = NurtureLeads.freshCampaign();
        new NurtureAdmin(campaigns.toString())
                .save(
                        campaign,
                        """
                        {"steps": [
                          {"delay": "PT1S", "template": "nurture-tips", "condition": "always"},
                          {"delay": "P1D", "template": "nurture-last-chance", "condition": "always"}
                        ]}""");
        LeadEvents lead = LeadEvents.fresh();
        EventEnvelope captured = leads.captured(lead, campaign, true, false);
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), captured);
        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("sent", "pending")));
        Row firstSent = ledger().rows(lead).get(0);
        Instant contactWritten = ledger().contactUpdatedAt(lead);

        // After a restart the consumers see the lead's events again: redelivered as they were, or published anew.
        // They share a partition, so once the second has rewritten the contact, both were consumed.
        kafka.publish(lead.key(), captured);
        kafka.publish(lead.key(), leads.captured(lead, campaign, true, false));
        await().atMost(PROCESSING).until(() -> ledger().contactUpdatedAt(lead).isAfter(contactWritten));
        assertThat(ledger().statuses(lead)).containsExactly("sent", "pending");
        // A sender claimed step 2 when it fell due and died, perhaps after the SMTP server took it; its claim ran out.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        update send_ledger
                        set status = 'attempting', attempts = 1, message_id = :messageId,
                            next_attempt_at = now() - interval '1 second'
                        where lead_id = :lead and message_kind = 'nurture' and step = 2 and status = 'pending'
                        """)
                .setParameter("lead", lead.leadId())
                .setParameter("messageId", NurtureLeads.messageId(lead, 2))
                .executeUpdate());

        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("sent", "sent")));
        List<InboxMessage> emails = await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()), received -> received.size() == 2);
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .containsExactly(NurtureLeads.messageId(lead, 1), NurtureLeads.messageId(lead, 2));
        assertThat(ledger().rows(lead).get(0))
                .as("step 1 untouched by the replay")
                .isEqualTo(firstSent);
    }

    @Test
    void aStepLeftUnfinishedByACrashIsSentAgainAndItsSuccessorScheduledOnce() {
        String campaign = NurtureLeads.freshCampaign();
        new NurtureAdmin(campaigns.toString())
                .save(
                        campaign,
                        """
                        {"steps": [
                          {"delay": "PT1H", "template": "nurture-tips", "condition": "always"},
                          {"delay": "PT1S", "template": "nurture-last-chance", "condition": "not-redeemed"}
                        ]}""");
        LeadEvents lead = LeadEvents.fresh();
        // What a sender that died between handing step 1 to SMTP and recording it leaves behind, its claim run out.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery(
                            """
                            insert into contact (lead_id, campaign, email, name, locale, marketing_consent)
                            values (:lead, :campaign, :email, 'Begoña', 'es', true)
                            """)
                    .setParameter("lead", lead.leadId())
                    .setParameter("campaign", campaign)
                    .setParameter("email", lead.email())
                    .executeUpdate();
            entityManager
                    .createNativeQuery(
                            """
                            insert into send_ledger (lead_id, message_kind, step, campaign, params, status,
                                                     message_id, attempts, next_attempt_at)
                            values (:lead, 'nurture', 1, :campaign,
                                    cast('{"template": "nurture-tips", "step": 1, "condition": "always"}' as jsonb),
                                    'attempting', :messageId, 1, now() - interval '1 second')
                            """)
                    .setParameter("lead", lead.leadId())
                    .setParameter("campaign", campaign)
                    .setParameter("messageId", NurtureLeads.messageId(lead, 1))
                    .executeUpdate();
        });

        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("sent", "sent")));
        List<InboxMessage> emails = await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()), received -> received.size() == 2);
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .containsExactly(NurtureLeads.messageId(lead, 1), NurtureLeads.messageId(lead, 2));
        assertThat(emails.get(1).subject()).isEqualTo("¿Esperabas una señal? Tu descuento no estará aquí para siempre");
    }

    private NurtureLedger ledger() {
        return new NurtureLedger(entityManager);
    }
}
