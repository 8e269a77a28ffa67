package dev.faro.email.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.EmailSent;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class ConfirmationEmailTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "still exactly this many" is watched for once the emails arrived. */
    private static final Duration NO_MORE_EMAIL = Duration.ofSeconds(4);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void confirmationRequestIsEmailedInSpanishWithTheLinkInBothPartsEvenWithoutMarketingConsent() {
        LeadEvents lead = LeadEvents.fresh();
        String url = linkOf(lead);

        captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, url, 1, "es", Instant.now().plus(Duration.ofDays(7))));

        InboxMessage email = emailsTo(lead, 1).get(0);
        assertThat(email.subject()).isEqualTo("Confirma tu dirección de correo");
        assertThat(email.messageId()).isEqualTo("<confirmation.1." + lead.leadId() + "@faro.local>");
        assertThat(email.text()).contains("Hola, Begoña Sáenz:").contains(url).contains("El enlace caduca el");
        assertThat(email.html())
                .contains("<html lang=\"es\">")
                .contains("<a href=\"" + url + "\"")
                .contains("Confirmar mi dirección");
    }

    @Test
    void englishLeadGetsTheEnglishEmailWithItsNameEscaped() {
        LeadEvents lead = LeadEvents.fresh();
        String url = linkOf(lead);

        captureAwaitingConfirmation(lead, "<b>Ada</b>", "en");
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, url, 1, "en", Instant.now().plus(Duration.ofDays(7))));

        InboxMessage email = emailsTo(lead, 1).get(0);
        assertThat(email.subject()).isEqualTo("Please confirm your email address");
        assertThat(email.text()).contains("Hi <b>Ada</b>,").contains(url).contains("The link expires on");
        assertThat(email.html())
                .contains("&lt;b&gt;Ada&lt;/b&gt;")
                .doesNotContain("<b>Ada</b>")
                .contains("<a href=\"" + url + "\"");
    }

    @Test
    void redeliveredAndRepublishedRequestStillSendsOneEmailReportedAsEmailSent() {
        LeadEvents lead = LeadEvents.fresh();
        String url = linkOf(lead);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));
        EventEnvelope request = confirmationRequested(lead, url, 1, "es", expiresAt);

        captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), request);
        kafka.publish(lead.key(), request);
        kafka.publish(lead.key(), confirmationRequested(lead, url, 1, "es", expiresAt));

        emailsTo(lead, 1);
        EmailSent sent = EventCodec.instance()
                .data(
                        await().during(Duration.ofSeconds(2))
                                .atMost(DELIVERY)
                                .until(() -> emailSent(lead), events -> events.size() == 1)
                                .get(0),
                        EmailSent.class);
        assertThat(sent.messageKind()).isEqualTo("confirmation");
        assertThat(sent.step()).isEqualTo(1);
    }

    @Test
    void eachAttemptIsEmailedOnceWithItsOwnMessageId() {
        LeadEvents lead = LeadEvents.fresh();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7));

        captureAwaitingConfirmation(lead, null, "es");
        kafka.publish(lead.key(), confirmationRequested(lead, linkOf(lead) + "-1", 1, "es", expiresAt));
        kafka.publish(lead.key(), confirmationRequested(lead, linkOf(lead) + "-2", 2, "en", expiresAt));

        List<InboxMessage> emails = emailsTo(lead, 2);
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .containsExactlyInAnyOrder(
                        "<confirmation.1." + lead.leadId() + "@faro.local>",
                        "<confirmation.2." + lead.leadId() + "@faro.local>");
        assertThat(emails)
                .extracting(InboxMessage::subject)
                .containsExactlyInAnyOrder("Confirma tu dirección de correo", "Please confirm your email address");
    }

    @Test
    void requestWhoseLinkHasAlreadyExpiredIsNotSent() {
        LeadEvents lead = LeadEvents.fresh();

        captureAwaitingConfirmation(lead, "Begoña Sáenz", "es");
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, linkOf(lead), 1, "es", Instant.now().minusSeconds(60)));
        kafka.publish(
                lead.key(),
                confirmationRequested(lead, linkOf(lead), 2, "es", Instant.now().plus(Duration.ofDays(7))));

        assertThat(emailsTo(lead, 1).get(0).messageId()).isEqualTo("<confirmation.2." + lead.leadId() + "@faro.local>");
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

    private static EventEnvelope confirmationRequested(
            LeadEvents lead, String url, int attempt, String locale, Instant expiresAt) {
        return GoldenEvents.fresh(
                EventType.CONFIRMATION_REQUESTED,
                Map.of(
                        "leadId", lead.leadId(),
                        "locale", locale,
                        "attempt", attempt,
                        "expiresAt", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString(),
                        "link", LeadSeal.seal(lead.dataKey(), lead.leadId(), new ConfirmationLink(url))));
    }

    private static String linkOf(LeadEvents lead) {
        return "https://leads.faro.example/api/leads/confirm?token=test-token-" + lead.leadId();
    }

    /** Waits for {@code count} emails to the lead, then checks no more follow. */
    private List<InboxMessage> emailsTo(LeadEvents lead, int count) {
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() >= count);
        return await().during(NO_MORE_EMAIL)
                .atMost(NO_MORE_EMAIL.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()), emails -> emails.size() == count);
    }

    private List<EventEnvelope> emailSent(LeadEvents lead) {
        return kafka.events(Topics.EMAILS.name(), lead.key()).stream()
                .filter(e -> e.eventType() == EventType.EMAIL_SENT)
                .toList();
    }
}
