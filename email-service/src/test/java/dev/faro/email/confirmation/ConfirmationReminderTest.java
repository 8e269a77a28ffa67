package dev.faro.email.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ConfirmationReminderTest.ShortReminderDelay.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class ConfirmationReminderTest {

    private static final Duration REMINDER_DELAY = Duration.ofSeconds(6);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Long enough to see a reminder that should not come: its delay and then some. */
    private static final Duration NO_REMINDER = REMINDER_DELAY.plusSeconds(4);
    /** Sign-ups with one address in the burst test. */
    private static final int BURST = 4;

    public static class ShortReminderDelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.email.confirmation.reminder-delay", REMINDER_DELAY.toString());
        }
    }

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Test
    void unconfirmedLeadGetsExactlyOneReminderWithTheFirstLinkWhateverLaterAttemptsAndRedeliveriesArrive() {
        LeadEvents lead = LeadEvents.fresh();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));
        String firstLink = linkOf(lead, 1);

        captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
        EventEnvelope first = confirmationRequested(lead, firstLink, 1, expiresAt);
        kafka.publish(lead.key(), first);
        kafka.publish(lead.key(), first);
        for (int attempt = 2; attempt <= 3; attempt++) {
            EventEnvelope again = confirmationRequested(lead, linkOf(lead, attempt), attempt, expiresAt);
            kafka.publish(lead.key(), again);
            kafka.publish(lead.key(), again);
        }
        kafka.publish(lead.key(), confirmationRequested(lead, firstLink, 1, expiresAt));

        List<InboxMessage> emails = emailsTo(lead, 4, DELIVERY.plus(REMINDER_DELAY));
        List<InboxMessage> reminders = emails.stream()
                .filter(email -> email.messageId().startsWith("<confirmation-reminder."))
                .toList();
        assertThat(reminders).hasSize(1);
        InboxMessage reminder = reminders.get(0);
        assertThat(reminder.messageId()).isEqualTo("<confirmation-reminder.0." + lead.leadId() + "@faro.local>");
        assertThat(reminder.subject()).isEqualTo("¿Se te pasó? Confirma tu dirección de correo");
        assertThat(reminder.text())
                .contains("Hola, Begoña Sáenz:")
                .contains(firstLink)
                .doesNotContain(linkOf(lead, 2))
                .contains("El enlace caduca el");
        assertThat(reminder.html()).contains("<html lang=\"es\">").contains("<a href=\"" + firstLink + "\"");
        assertThat(reminder.header("List-Unsubscribe")).isNull();
        InboxMessage firstConfirmation = emails.stream()
                .filter(email -> email.messageId().equals("<confirmation.1." + lead.leadId() + "@faro.local>"))
                .findFirst()
                .orElseThrow();
        assertThat(reminder.receivedAt()).isAfter(firstConfirmation.receivedAt());
        assertThat(reminderStatus(lead)).isEqualTo("sent");
    }

    @Test
    void markupInTheNameAndTheLinkIsShownAsTextInTheReminder() {
        LeadEvents lead = LeadEvents.fresh();
        String hostile = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";
        String link = linkOf(lead, 1) + hostile;

        captureAwaitingConfirmation(lead, hostile, "es");
        kafka.publish(
                lead.key(), confirmationRequested(lead, link, 1, Instant.now().plus(Duration.ofDays(7))));

        InboxMessage reminder = emailsTo(lead, 2, DELIVERY.plus(REMINDER_DELAY)).stream()
                .filter(email -> email.messageId().startsWith("<confirmation-reminder."))
                .findFirst()
                .orElseThrow();
        Document html = Jsoup.parse(reminder.html());
        assertThat(html.select("script, img, [onerror]")).isEmpty();
        assertThat(html.select("a[href]").eachAttr("href")).containsOnly(link);
        assertThat(html.body().text()).contains("Hola, " + hostile + ":");
        assertThat(reminder.html()).doesNotContain(hostile);
        assertThat(reminder.text()).contains("Hola, " + hostile + ":").contains(link);
    }

    /**
     * One address submitted to the double opt-in forms of several campaigns at once (a bot, or a person in a hurry):
     * each sign-up is a lead asked to confirm, and each is sent its confirmation, but the address is reminded once,
     * as the reminder promises ("the only reminder we send"), not once per sign-up.
     */
    @Test
    void aBurstOfSignUpsWithOneAddressIsRemindedOnce() {
        LeadEvents first = LeadEvents.fresh();
        List<LeadEvents> burst = IntStream.range(0, BURST)
                .mapToObj(i -> i == 0 ? first : new LeadEvents(UUID.randomUUID(), first.email(), LeadSeal.newDataKey()))
                .toList();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));

        for (LeadEvents lead : burst) {
            captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
            kafka.publish(lead.key(), confirmationRequested(lead, linkOf(lead, 1), 1, expiresAt));
        }

        List<InboxMessage> emails = emailsTo(first, BURST + 1, DELIVERY.plus(REMINDER_DELAY));
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .filteredOn(id -> id.startsWith("<confirmation.1."))
                .hasSize(BURST);
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .filteredOn(id -> id.startsWith("<confirmation-reminder."))
                .hasSize(1);
        assertThat(burst.stream().map(this::reminderStatus).toList())
                .containsOnly("sent", "")
                .containsOnlyOnce("sent");
    }

    @Test
    void englishReminderIsWrittenInEnglish() {
        LeadEvents lead = LeadEvents.fresh();

        captureAwaitingConfirmation(lead, "Ada", "en");
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, linkOf(lead, 1), 1, Instant.now().plus(Duration.ofDays(7)), "en"));

        InboxMessage reminder = emailsTo(lead, 2, DELIVERY.plus(REMINDER_DELAY)).get(1);
        assertThat(reminder.subject()).isEqualTo("Did you miss it? Please confirm your email address");
        assertThat(reminder.text())
                .contains("Hi Ada,")
                .contains(linkOf(lead, 1))
                .contains("The link expires on");
    }

    @Test
    void leadWhoConfirmsBeforeTheReminderIsDueGetsNoReminder() {
        LeadEvents lead = LeadEvents.fresh();

        captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, linkOf(lead, 1), 1, Instant.now().plus(Duration.ofDays(7))));
        kafka.publish(lead.key(), confirmed(lead));

        await("the waiting reminder is cancelled").atMost(DELIVERY).until(() -> "cancelled"
                .equals(reminderStatus(lead)));
        assertThat(reminderOutcome(lead)).isEqualTo("confirmed");
        assertThat(reminderColumn(lead, "attempts"))
                .as("cancelled while waiting, never claimed")
                .isEqualTo("0");
        List<InboxMessage> emails = emailsTo(lead, 1, DELIVERY.plus(NO_REMINDER));
        assertThat(emails.get(0).messageId()).isEqualTo("<confirmation.1." + lead.leadId() + "@faro.local>");
    }

    @Test
    void reminderOfALeadAlreadyKnownConfirmedIsCancelledWhenItComesDue() {
        LeadEvents lead = LeadEvents.fresh();

        captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, linkOf(lead, 1), 1, Instant.now().plus(Duration.ofDays(7))));
        await().atMost(DELIVERY).until(() -> "pending".equals(reminderStatus(lead)));
        // As if the LeadConfirmed had been handled while a sender held the reminder: remembered, not cancelled.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("insert into confirmed_lead (lead_id) values (:lead)")
                .setParameter("lead", lead.leadId())
                .executeUpdate());

        await("the sender's gate cancels it when due")
                .atMost(DELIVERY.plus(REMINDER_DELAY))
                .until(() -> "cancelled".equals(reminderStatus(lead)));
        assertThat(reminderColumn(lead, "attempts"))
                .as("claimed, then stopped by the gate")
                .isEqualTo("1");
        assertThat(reminderOutcome(lead)).isEqualTo("confirmed");
        assertThat(emailsTo(lead, 1, DELIVERY)).hasSize(1);
    }

    @Test
    void linkExpiringWithinTwoHoursGetsNoReminder() {
        LeadEvents lead = LeadEvents.fresh();

        captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, linkOf(lead, 1), 1, Instant.now().plus(Duration.ofMinutes(90))));

        List<InboxMessage> emails = emailsTo(lead, 1, DELIVERY.plus(NO_REMINDER));
        assertThat(emails.get(0).messageId()).isEqualTo("<confirmation.1." + lead.leadId() + "@faro.local>");
        assertThat(reminderStatus(lead)).isEmpty();
    }

    /** Publishes what lead-service publishes for a lead of a double opt-in campaign with no marketing consent. */
    private void captureAwaitingConfirmation(LeadEvents lead, String name, String locale) {
        PersonalData personal = new PersonalData(lead.email(), name, null, null, null, null, Map.of());
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.LEAD_CAPTURED,
                        Map.of(
                                "leadId",
                                lead.leadId(),
                                "personal",
                                LeadSeal.seal(lead.dataKey(), lead.leadId(), personal),
                                "locale",
                                locale,
                                "consent",
                                Map.of(
                                        "marketing",
                                        false,
                                        "textVersion",
                                        "sha256:9f2c5a0e",
                                        "givenAt",
                                        Instant.now()
                                                .truncatedTo(ChronoUnit.SECONDS)
                                                .toString()),
                                "confirmationRequired",
                                true)));
    }

    private static EventEnvelope confirmationRequested(LeadEvents lead, String url, int attempt, Instant expiresAt) {
        return confirmationRequested(lead, url, attempt, expiresAt, "es");
    }

    private static EventEnvelope confirmationRequested(
            LeadEvents lead, String url, int attempt, Instant expiresAt, String locale) {
        return GoldenEvents.fresh(
                EventType.CONFIRMATION_REQUESTED,
                Map.of(
                        "leadId", lead.leadId(),
                        "locale", locale,
                        "attempt", attempt,
                        "expiresAt", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                        "link", LeadSeal.seal(lead.dataKey(), lead.leadId(), new ConfirmationLink(url))));
    }

    private static EventEnvelope confirmed(LeadEvents lead) {
        return GoldenEvents.fresh(EventType.LEAD_CONFIRMED, Map.of("leadId", lead.leadId()));
    }

    private static String linkOf(LeadEvents lead, int attempt) {
        return "https://leads.faro.example/api/leads/confirm?token=attempt-" + attempt + "-" + lead.leadId();
    }

    /** Waits up to {@code within} for {@code count} emails to the lead, then checks no more follow for a while. */
    private List<InboxMessage> emailsTo(LeadEvents lead, int count, Duration within) {
        await().atMost(within).until(() -> inbox.messagesTo(lead.email()).size() >= count);
        return await().during(NO_REMINDER)
                .atMost(NO_REMINDER.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()), emails -> emails.size() == count);
    }

    /** The reminder's ledger status, or "" when there is no reminder. */
    private String reminderStatus(LeadEvents lead) {
        return reminderColumn(lead, "status");
    }

    private String reminderOutcome(LeadEvents lead) {
        return reminderColumn(lead, "last_error");
    }

    private String reminderColumn(LeadEvents lead, String column) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<?>) entityManager
                        .createNativeQuery("select " + column + " from send_ledger where lead_id = :lead"
                                + " and message_kind = 'confirmation-reminder'")
                        .setParameter("lead", lead.leadId())
                        .getResultList())
                .stream().map(String::valueOf).findFirst().orElse(""));
    }
}
