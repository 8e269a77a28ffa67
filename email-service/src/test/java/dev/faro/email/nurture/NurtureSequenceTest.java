package dev.faro.email.nurture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

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
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nurture sequences end to end: leads captured on Kafka, steps recorded in the ledger, emails in the SMTP inbox. The
 * test profile allows delays of a second, so a fresh campaign's whole sequence goes out within the test.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class NurtureSequenceTest {

    private static final Duration PROCESSING = Duration.ofSeconds(30);
    /** How long "nothing more happens" is watched for. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final NurtureLeads leads = new NurtureLeads(kafka);

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @TestHTTPResource("/api/unsubscribe/")
    URL unsubscribe;

    @Inject
    EntityManager entityManager;

    private NurtureLedger ledger() {
        return new NurtureLedger(entityManager);
    }

    @Test
    void theDemoSequencesFirstStepIsDueNoSoonerThanADayAfterCapture() {
        LeadEvents lead = LeadEvents.fresh();
        Instant captured = Instant.now();

        leads.capture(lead, "demo", true, false);

        List<Row> rows = await().atMost(PROCESSING).until(() -> ledger().rows(lead), found -> !found.isEmpty());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).step()).isEqualTo(1);
        assertThat(rows.get(0).status()).isEqualTo("pending");
        assertThat(rows.get(0).template()).isEqualTo(NurtureEmail.TIPS);
        assertThat(rows.get(0).nextAttemptAt()).isAfterOrEqualTo(captured.plus(Duration.ofDays(1)));
    }

    @Test
    void aLeadWithoutMarketingConsentGetsNoSequence() {
        LeadEvents lead = LeadEvents.fresh();

        leads.capture(lead, "demo", false, false);

        // The contact and the first step are written in one transaction: with the contact there, so would the step be.
        await().atMost(PROCESSING).until(() -> ledger().hasContact(lead));
        assertThat(ledger().rows(lead)).isEmpty();
    }

    @Test
    void aLeadAwaitingConfirmationStartsItsSequenceWhenItConfirms() {
        LeadEvents lead = LeadEvents.fresh();
        leads.capture(lead, "demo", true, true);
        await().atMost(PROCESSING).until(() -> ledger().hasContact(lead));
        assertThat(ledger().rows(lead)).as("before the confirmation").isEmpty();
        Instant confirmed = Instant.now();

        leads.confirm(lead, "demo");

        List<Row> rows = await().atMost(PROCESSING).until(() -> ledger().rows(lead), found -> !found.isEmpty());
        assertThat(rows).extracting(Row::step, Row::status).containsExactly(tuple(1, "pending"));
        assertThat(rows.get(0).nextAttemptAt()).isAfterOrEqualTo(confirmed.plus(Duration.ofDays(1)));
    }

    @Test
    void aSequenceSendsEachStepOnceInOrderInTheLeadsLanguage() {
        String campaign = NurtureLeads.freshCampaign();
        admin().save(
                        campaign,
                        """
                        {"steps": [
                          {"delay": "PT1S", "template": "nurture-tips", "condition": "always"},
                          {"delay": "PT2S", "template": "nurture-last-chance", "condition": "not-redeemed"}
                        ]}""");
        LeadEvents lead = LeadEvents.fresh();

        leads.capture(lead, campaign, true, false);

        List<InboxMessage> emails = await().atMost(PROCESSING)
                .until(() -> inbox.messagesTo(lead.email()), received -> received.size() == 2);
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .containsExactly(NurtureLeads.messageId(lead, 1), NurtureLeads.messageId(lead, 2));
        InboxMessage tips = emails.get(0);
        InboxMessage lastChance = emails.get(1);
        assertThat(tips.subject()).isEqualTo("¿Ya estás listo? Tres trucos pequeños para empezar");
        assertThat(lastChance.subject()).isEqualTo("¿Esperabas una señal? Tu descuento no estará aquí para siempre");
        for (InboxMessage email : emails) {
            assertThat(email.text()).contains("Hola, " + NurtureLeads.NAME + ":", "¿", "á");
            assertThat(email.html()).contains("Hola, " + NurtureLeads.NAME + ":", "¿", "á");
            assertThat(email.text()).contains("Calle Mayor 1", "/api/unsubscribe/");
            assertThat(email.header("List-Unsubscribe")).startsWith("<https://email.faro.test/api/unsubscribe/");
            assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        }
        List<Row> rows = await().atMost(PROCESSING)
                .until(() -> ledger().rows(lead), found -> found.stream().allMatch(row -> "sent".equals(row.status())));
        assertThat(rows).extracting(Row::step).containsExactly(1, 2);
        assertThat(rows.get(1).sentAt())
                .as("step 2 waits its delay after step 1 was sent")
                .isAfterOrEqualTo(rows.get(0).sentAt().plusSeconds(2));
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()).size() == 2);
    }

    @Test
    void aRedemptionCancelsTheWaitingNotRedeemedStep() {
        String campaign = NurtureLeads.freshCampaign();
        admin().save(
                        campaign,
                        "{\"steps\": [{\"delay\": \"P1D\", \"template\": \"nurture-last-chance\","
                                + " \"condition\": \"not-redeemed\"}]}");
        LeadEvents lead = LeadEvents.fresh();
        leads.capture(lead, campaign, true, false);
        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("pending")));

        leads.redeem(lead, campaign);

        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("cancelled")));
    }

    @Test
    void aRedemptionLeavesAWaitingStepForEveryLeadAlone() {
        String campaign = NurtureLeads.freshCampaign();
        admin().save(
                        campaign,
                        "{\"steps\": [{\"delay\": \"P1D\", \"template\": \"nurture-tips\","
                                + " \"condition\": \"always\"}]}");
        LeadEvents lead = LeadEvents.fresh();
        leads.capture(lead, campaign, true, false);
        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("pending")));

        leads.redeem(lead, campaign);

        await().atMost(PROCESSING).until(() -> redemptionRecorded(lead));
        assertThat(ledger().statuses(lead)).containsExactly("pending");
    }

    @Test
    void aNotRedeemedStepFallingDueAfterARedemptionIsCancelledAndNotSent() {
        String campaign = NurtureLeads.freshCampaign();
        admin().save(
                        campaign,
                        """
                        {"steps": [
                          {"delay": "PT1S", "template": "nurture-tips", "condition": "always"},
                          {"delay": "PT1S", "template": "nurture-last-chance", "condition": "not-redeemed"}
                        ]}""");
        LeadEvents lead = LeadEvents.fresh();
        // Redeemed before the last-chance step is even scheduled: only its condition, asked when due, can stop it.
        leads.redeem(lead, campaign);
        await().atMost(PROCESSING).until(() -> redemptionRecorded(lead));

        leads.capture(lead, campaign, true, false);

        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("sent", "cancelled")));
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()).size() == 1);
        assertThat(inbox.messagesTo(lead.email()).get(0).messageId()).isEqualTo(NurtureLeads.messageId(lead, 1));
    }

    @Test
    void unsubscribingFromAStepCancelsTheNextOne() {
        String campaign = NurtureLeads.freshCampaign();
        admin().save(
                        campaign,
                        """
                        {"steps": [
                          {"delay": "PT1S", "template": "nurture-tips", "condition": "always"},
                          {"delay": "P1D", "template": "nurture-last-chance", "condition": "always"}
                        ]}""");
        LeadEvents lead = LeadEvents.fresh();
        leads.capture(lead, campaign, true, false);
        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("sent", "pending")));
        String link = inbox.messagesTo(lead.email()).get(0).header("List-Unsubscribe");
        String token = link.substring(link.lastIndexOf('/') + 1, link.length() - 1);

        HttpResponse<String> unsubscribed = oneClick(unsubscribe + token);

        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("sent", "cancelled")));
    }

    @Test
    void erasingTheLeadRemovesItsWaitingSteps() {
        LeadEvents lead = LeadEvents.fresh();
        leads.capture(lead, "demo", true, false);
        await().atMost(PROCESSING).until(() -> ledger().statuses(lead).equals(List.of("pending")));

        kafka.publish(lead.key(), lead.keyDestroyed());
        kafka.publish(lead.key(), lead.erased());

        await().atMost(PROCESSING).until(() -> ledger().rows(lead).isEmpty());
        assertThat(ledger().hasContact(lead)).isFalse();
    }

    private NurtureAdmin admin() {
        return new NurtureAdmin(campaigns.toString());
    }

    private boolean redemptionRecorded(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from reminder_incentive where lead_id = :lead and redeemed_at is not null")
                .setParameter("lead", lead.leadId())
                .getResultList()
                .isEmpty());
    }

    /** What a mail client's one-click unsubscribe (RFC 8058) posts. */
    private static HttpResponse<String> oneClick(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept", "*/*")
                                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
