package dev.faro.email.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.email.sending.SendLedger;
import dev.faro.email.timing.TimingLeads.LedgerRow;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default cap: at most 3 marketing emails per lead in any 7 days. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class FrequencyCapTest {

    private static final int CAP = 3;
    private static final Duration WINDOW = Duration.ofDays(7);
    /** How long "no further email" is watched for. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Inject
    SendLedger ledger;

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
        assertThat(leads.reminders(other)).allMatch(LedgerRow::sent);
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
