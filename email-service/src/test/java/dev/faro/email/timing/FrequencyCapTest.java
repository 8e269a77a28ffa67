package dev.faro.email.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.email.nurture.NurtureAdmin;
import dev.faro.email.sending.SendLedger;
import dev.faro.email.timing.TimingLeads.LedgerRow;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default cap: at most 3 marketing emails per address in any 7 days, however many leads share it. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class FrequencyCapTest {

    private static final int CAP = 3;
    /** Sign-ups with one address in the burst: more than the cap, and enough for every sender thread to get some. */
    private static final int BURST = 12;
    /** A nurture sequence whose one marketing email is due a second after the sign-up. */
    private static final String ONE_STEP_AT_ONCE =
            "{\"steps\": [{\"delay\": \"PT1S\", \"template\": \"nurture-tips\", \"condition\": \"always\"}]}";

    private static final Duration WINDOW = Duration.ofDays(7);
    /** How long "no further email" is watched for. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Inject
    SendLedger ledger;

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    private TimingLeads leads;

    @BeforeEach
    void fixture() {
        leads = new TimingLeads(kafka, entityManager, ledger);
    }

    @Test
    void theFourthMarketingEmailInAWeekWaitsUntilTheFirstIsAWeekOld() {
        LeadEvents lead = leads.captured("Europe/Madrid");
        leads.remind(lead, CAP + 1);

        List<LedgerRow> reminders = awaitCapped(lead);
        Instant oldestSent = reminders.stream()
                .filter(LedgerRow::sent)
                .map(LedgerRow::sentAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        LedgerRow held =
                reminders.stream().filter(LedgerRow::pending).findFirst().orElseThrow();
        assertThat(held.nextAttemptAt()).isCloseTo(oldestSent.plus(WINDOW), within(1, ChronoUnit.MILLIS));
        assertThat(held.lastError()).startsWith("frequency-cap: ");
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()).size() == CAP);
        assertThat(inbox.messagesTo(lead.email()))
                .extracting(InboxMessage::messageId)
                .allMatch(id -> id.startsWith("<expiry-reminder."))
                .doesNotContain(messageId(held.step(), lead.leadId()));
    }

    @Test
    void anIncentiveEmailToALeadAtTheCapGoesAtOnce() {
        LeadEvents lead = leads.captured("Europe/Madrid");
        leads.remind(lead, CAP + 1);
        awaitCapped(lead);

        kafka.publish(lead.key(), lead.incentiveIssued("CAPD-0001-CODE"));

        List<InboxMessage> emails = await().atMost(TimingLeads.PROCESSING)
                .until(() -> inbox.messagesTo(lead.email()), received -> received.size() == CAP + 1);
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .contains("<incentive.0." + lead.leadId() + "@faro.local>");
        assertThat(leads.reminders(lead)).filteredOn(LedgerRow::pending).hasSize(1);
    }

    @Test
    void marketingEmailsToOtherLeadsDoNotCountTowardsALeadsCap() {
        LeadEvents busy = leads.captured("Europe/Madrid");
        leads.remind(busy, CAP + 1);
        awaitCapped(busy);
        LeadEvents other = leads.captured("Europe/Madrid");

        leads.remind(other, 1);

        await().atMost(TimingLeads.PROCESSING)
                .until(() -> inbox.messagesTo(other.email()).size() == 1);
        // The server has the email a moment before the ledger records it sent.
        await().atMost(TimingLeads.PROCESSING)
                .until(() -> leads.reminders(other).stream().allMatch(LedgerRow::sent));
    }

    @Test
    void marketingEmailsOfOtherLeadsWithTheSameAddressCountTowardsItsCap() {
        LeadEvents first = leads.captured("Europe/Madrid");
        leads.remind(first, CAP - 1);
        await().atMost(TimingLeads.PROCESSING)
                .until(() -> leads.reminders(first).stream().allMatch(LedgerRow::sent));
        LeadEvents second = sameAddressAs(first);
        leads.capture(second, "Europe/Madrid", "demo");

        leads.remind(second, 2);

        await().atMost(TimingLeads.PROCESSING)
                .until(
                        () -> leads.reminders(second),
                        rows -> rows.stream().filter(LedgerRow::sent).count() == 1
                                && rows.stream().anyMatch(row -> row.pending() && isCapped(row)));
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(first.email()).size() == CAP);
    }

    /**
     * A bot submits one person's address to the forms of many campaigns: each sign-up is a lead of its own, with
     * marketing consent and a nurture step due a second later. The inbox still gets no more marketing than the cap,
     * although the steps are due together and the sender's threads take them side by side.
     */
    @Test
    void aBurstOfSignUpsWithOneAddressGetsNoMoreMarketingEmailsThanTheCap() {
        NurtureAdmin nurture = new NurtureAdmin(campaigns.toString());
        String victim = "victim-" + UUID.randomUUID() + "@example.org";
        List<String> burstCampaigns = IntStream.range(0, BURST)
                .mapToObj(i -> "burst-" + UUID.randomUUID().toString().substring(0, 8))
                .toList();
        burstCampaigns.forEach(campaign -> nurture.save(campaign, ONE_STEP_AT_ONCE));
        List<LeadEvents> burst = burstCampaigns.stream()
                .map(campaign -> {
                    LeadEvents lead = new LeadEvents(UUID.randomUUID(), victim, LeadSeal.newDataKey());
                    leads.signUp(lead, "Europe/Madrid", campaign);
                    return lead;
                })
                .toList();

        List<LedgerRow> steps = await().atMost(TimingLeads.PROCESSING)
                .until(
                        () -> burst.stream()
                                .flatMap(lead -> leads.rows(lead).stream())
                                .toList(),
                        rows -> rows.size() == BURST
                                && rows.stream().filter(LedgerRow::sent).count() == CAP
                                && rows.stream()
                                        .filter(row -> !row.sent())
                                        .allMatch(row -> row.pending() && isCapped(row)));

        assertThat(steps).extracting(LedgerRow::kind).containsOnly("nurture");
        List<InboxMessage> received = await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(victim), emails -> emails.size() == CAP);
        assertThat(received).extracting(InboxMessage::messageId).allMatch(id -> id.startsWith("<nurture.1."));
    }

    private static boolean isCapped(LedgerRow row) {
        return row.lastError() != null && row.lastError().startsWith("frequency-cap: ");
    }

    /** A new lead (new id, new data key) that signed up with {@code lead}'s address. */
    private static LeadEvents sameAddressAs(LeadEvents lead) {
        return new LeadEvents(UUID.randomUUID(), lead.email(), LeadSeal.newDataKey());
    }

    /** Waits until three of the lead's reminders are sent and the fourth is held back by the cap. */
    private List<LedgerRow> awaitCapped(LeadEvents lead) {
        return await().atMost(TimingLeads.PROCESSING)
                .until(
                        () -> leads.reminders(lead),
                        rows -> rows.stream().filter(LedgerRow::sent).count() == CAP
                                && rows.stream()
                                        .filter(LedgerRow::pending)
                                        .anyMatch(row -> row.lastError() != null
                                                && row.lastError().startsWith("frequency-cap")));
    }

    private static String messageId(int step, UUID leadId) {
        return "<expiry-reminder." + step + "." + leadId + "@faro.local>";
    }
}
