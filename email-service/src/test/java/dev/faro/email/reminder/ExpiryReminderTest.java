package dev.faro.email.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventEnvelope;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class ExpiryReminderTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "no further email" is watched for. */
    private static final Duration QUIET = Duration.ofSeconds(4);
    /** 10:15 in Madrid on 26 December 2026. */
    private static final Instant EXPIRES_AT = Instant.parse("2026-12-26T09:15:31Z");

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Test
    void anUnusedCodeAboutToExpireIsRecalledOnceInSpanish() {
        LeadEvents lead = LeadEvents.fresh();
        UUID incentive = UUID.randomUUID();
        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued(incentive, "RECU-0001-CODE", "demo"));
        awaitEmails(lead, 1);

        EventEnvelope expiring = lead.incentiveExpiring(incentive, EXPIRES_AT);
        kafka.publish(lead.key(), expiring);
        kafka.publish(lead.key(), expiring);
        kafka.publish(lead.key(), lead.incentiveExpiring(incentive, EXPIRES_AT));

        InboxMessage reminder = reminderIn(awaitEmails(lead, 2));
        assertThat(reminder.subject()).isEqualTo("Tu código de descuento caduca pronto");
        assertThat(reminder.messageId()).isEqualTo("<expiry-reminder.0." + lead.leadId() + "@faro.local>");
        assertThat(reminder.text())
                .contains("Hola, Begoña Sáenz:")
                .contains("RECU-0001-CODE")
                .contains("caduca el 26 de diciembre de 2026");
        assertThat(reminder.html())
                .contains("Hola, Begoña Sáenz:")
                .contains("RECU-0001-CODE")
                .contains("26 de diciembre de 2026");
        // Marketing mail: the sender adds the unsubscribe header and footer.
        assertThat(reminder.header("List-Unsubscribe")).isNotNull();
        assertThat(reminder.text()).contains("Para darte de baja: ");
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()).size() == 2);
    }

    @Test
    void anEnglishLeadIsRemindedInEnglishWithItsNameEscaped() {
        LeadEvents lead = LeadEvents.fresh();
        UUID incentive = UUID.randomUUID();
        lead.captureOn(kafka, "<i>Ada</i>", "en-GB");
        kafka.publish(lead.key(), lead.incentiveIssued(incentive, "RECU-0002-CODE", "demo"));
        awaitEmails(lead, 1);

        kafka.publish(lead.key(), lead.incentiveExpiring(incentive, EXPIRES_AT));

        InboxMessage reminder = reminderIn(awaitEmails(lead, 2));
        assertThat(reminder.subject()).isEqualTo("Your discount code expires soon");
        assertThat(reminder.text()).contains("expires on 26 December 2026").contains("RECU-0002-CODE");
        assertThat(reminder.html()).contains("Hi &lt;i&gt;Ada&lt;/i&gt;,").doesNotContain("<i>Ada</i>");
    }

    @Test
    void aRedeemedCodeIsNotRecalled() {
        LeadEvents lead = LeadEvents.fresh();
        UUID incentive = UUID.randomUUID();
        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued(incentive, "USED-0001-CODE", "demo"));
        awaitEmails(lead, 1);

        kafka.publish(lead.key(), lead.incentiveRedeemed(incentive));
        EventEnvelope expiring = lead.incentiveExpiring(incentive, EXPIRES_AT);
        kafka.publish(lead.key(), expiring);

        assertNoReminderAfter(lead, expiring);
    }

    @Test
    void aLeadWithoutMarketingConsentIsNotReminded() {
        LeadEvents lead = LeadEvents.fresh();
        UUID incentive = UUID.randomUUID();
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(lead.key(), lead.capturedWithoutMarketingConsent("Nora Sin Consentimiento", "es"));
        kafka.publish(lead.key(), lead.incentiveIssued(incentive, "NOCO-0002-CODE", "demo"));
        awaitEmails(lead, 1);

        EventEnvelope expiring = lead.incentiveExpiring(incentive, EXPIRES_AT);
        kafka.publish(lead.key(), expiring);

        assertNoReminderAfter(lead, expiring);
    }

    @Test
    void anErasedLeadIsNotReminded() {
        LeadEvents lead = LeadEvents.fresh();
        UUID incentive = UUID.randomUUID();
        lead.captureOn(kafka, "Olvido Ruiz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued(incentive, "GONE-0003-CODE", "demo"));
        awaitEmails(lead, 1);
        kafka.publish(lead.key(), lead.erased());
        await().atMost(DELIVERY)
                .until(() -> count("select count(*) from erased_lead where lead_id = :lead", lead) == 1);

        EventEnvelope expiring = lead.incentiveExpiring(incentive, EXPIRES_AT);
        kafka.publish(lead.key(), expiring);

        assertNoReminderAfter(lead, expiring);
    }

    /** Once {@code expiring} was processed, no reminder is in the ledger and none arrives. */
    private void assertNoReminderAfter(LeadEvents lead, EventEnvelope expiring) {
        await().atMost(DELIVERY).until(() -> processed(expiring));
        assertThat(count(
                        "select count(*) from send_ledger where lead_id = :lead and message_kind = 'expiry-reminder'",
                        lead))
                .isZero();
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()).size() == 1);
    }

    private List<InboxMessage> awaitEmails(LeadEvents lead, int count) {
        return await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()), emails -> emails.size() >= count);
    }

    private static InboxMessage reminderIn(List<InboxMessage> emails) {
        return emails.stream()
                .filter(email -> email.messageId().startsWith("<expiry-reminder."))
                .findFirst()
                .orElseThrow();
    }

    private boolean processed(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from processed_event where event_id = :id")
                .setParameter("id", event.id())
                .getResultList()
                .isEmpty());
    }

    private long count(String sql, LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(sql)
                        .setParameter("lead", lead.leadId())
                        .getSingleResult())
                .longValue());
    }
}
