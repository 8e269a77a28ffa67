package dev.faro.email.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.email.privacy.LeadMessages;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.inbox.DeadLetterQueue;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A lead's events on faro.leads that arrive before its data key (faro.lead-keys, another channel) wait for it in the
 * database instead of holding the channel, and are handled, once, when the key arrives.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class LeadEventsAwaitingKeyTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "still exactly one email" is watched for once it arrived. */
    private static final Duration NO_SECOND_EMAIL = Duration.ofSeconds(4);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    @Inject
    LeadMessages held;

    @Test
    void aCaptureWaitingForItsKeyHoldsBackNoOtherLeadAndIsEmailedOnceTheKeyArrives() {
        LeadEvents late = LeadEvents.fresh();
        kafka.publish(late.key(), late.captured("Tardía Ruiz", "es"));
        kafka.publish(late.key(), late.incentiveIssued("LATE-0003-KEY"));
        awaitWaiting(late, 1);

        LeadEvents next = LeadEvents.fresh();
        next.captureOn(kafka, "Pronta Gil", "es");
        kafka.publish(next.key(), next.incentiveIssued("NEXT-0001-CODE"));
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(next.email()).size() == 1);
        assertThat(contactEmail(late.leadId())).as("still waiting for its key").isNull();
        assertThat(inbox.messagesTo(late.email())).isEmpty();

        kafka.publish(late.key(), late.keyIssued());

        await().atMost(DELIVERY).until(() -> inbox.messagesTo(late.email()).size() == 1);
        assertThat(inbox.messagesTo(late.email()).get(0).text()).contains("LATE-0003-KEY", "Tardía Ruiz");
        assertThat(contactEmail(late.leadId())).isEqualTo(late.email());
        assertThat(waiting(late)).isZero();
        await().during(NO_SECOND_EMAIL)
                .atMost(NO_SECOND_EMAIL.plusSeconds(5))
                .until(() -> inbox.messagesTo(late.email()).size() == 1);
    }

    @Test
    void aCaptureBeforeItsKeyIsNotRetried() {
        double retriesBefore = inboxRetries();
        LeadEvents lead = LeadEvents.fresh();

        kafka.publish(lead.key(), lead.captured("Paciente Sanz", "es"));
        awaitWaiting(lead, 1);
        kafka.publish(lead.key(), lead.keyIssued());

        await().atMost(DELIVERY).until(() -> lead.email().equals(contactEmail(lead.leadId())));
        assertThat(waiting(lead)).isZero();
        assertThat(inboxRetries()).isEqualTo(retriesBefore);
    }

    @Test
    void aLaterCaptureReplacesTheOneWaitingForTheKey() {
        LeadEvents lead = LeadEvents.fresh();
        EventEnvelope first = lead.captured("Primera Vez", "es");
        EventEnvelope second = lead.captured("Segunda Vez", "en");

        kafka.publish(lead.key(), first);
        await().atMost(DELIVERY).until(() -> waitingEventIds(lead).equals(List.of(first.id())));
        kafka.publish(lead.key(), second);
        await().atMost(DELIVERY).until(() -> waitingEventIds(lead).equals(List.of(second.id())));

        kafka.publish(lead.key(), lead.keyIssued());

        await().atMost(DELIVERY).until(() -> contactEmail(lead.leadId()) != null);
        LeadMessages.Contact contact = heldOn(lead).contact();
        assertThat(contact.name()).isEqualTo("Segunda Vez");
        assertThat(contact.locale()).isEqualTo("en");
    }

    @Test
    void erasingALeadWhoseCaptureWaitsForTheKeyLeavesNothingBehind() {
        LeadEvents lead = LeadEvents.fresh();
        kafka.publish(lead.key(), lead.captured("Borrada Pérez", "es"));
        awaitWaiting(lead, 1);
        assertThat(heldOn(lead).awaitingKey())
                .as("the export shows what waits")
                .singleElement()
                .satisfies(waiting -> assertThat(waiting.type()).isEqualTo(EventType.LEAD_CAPTURED.cloudEventType()));

        kafka.publish(lead.key(), lead.erased());

        await().atMost(DELIVERY).until(() -> heldOn(lead).erased());
        assertThat(waiting(lead)).isZero();
        assertThat(heldOn(lead).awaitingKey()).isEmpty();

        // The key that was on its way is not kept, and nothing comes back with it.
        kafka.publish(lead.key(), lead.keyIssued());
        LeadEvents marker = LeadEvents.fresh();
        kafka.publish(marker.key(), marker.keyIssued());
        await().atMost(DELIVERY).until(() -> count("select count(*) from lead_key where lead_id = :lead", marker) == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> count("select count(*) from lead_key where lead_id = :lead", lead) == 0);
        assertThat(contactEmail(lead.leadId())).isNull();
    }

    @Test
    void aDestroyedKeyAlsoForgetsWhatWaitedForIt() {
        LeadEvents lead = LeadEvents.fresh();
        kafka.publish(lead.key(), lead.captured("Olvido Sanz", "es"));
        awaitWaiting(lead, 1);

        kafka.publish(lead.key(), lead.keyDestroyed());

        await().atMost(DELIVERY).until(() -> heldOn(lead).erased());
        assertThat(waiting(lead)).isZero();
    }

    @Test
    void aConfirmationRequestWaitsBehindItsCaptureAndIsEmailedOnceTheKeyArrives() {
        LeadEvents lead = LeadEvents.fresh();
        String url = "https://leads.faro.example/api/leads/confirm?token=waiting-" + lead.leadId();
        kafka.publish(lead.key(), lead.captured("Doble Paso", "es"));
        kafka.publish(lead.key(), confirmationRequested(lead, url));
        awaitWaiting(lead, 2);

        LeadEvents next = LeadEvents.fresh();
        next.captureOn(kafka, "Pronta Gil", "es");
        await().atMost(DELIVERY).until(() -> next.email().equals(contactEmail(next.leadId())));

        kafka.publish(lead.key(), lead.keyIssued());

        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 1);
        assertThat(inbox.messagesTo(lead.email()).get(0).text()).contains(url, "Doble Paso");
        assertThat(waiting(lead)).isZero();
    }

    @Test
    void aWaitingCaptureThatDoesNotOpenWithTheKeyIsDeadLetteredAndTheKeyKept() {
        LeadEvents lead = LeadEvents.fresh();
        PersonalData forged = new PersonalData(lead.email(), "Intrusa", null, null, null, null, Map.of());
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.LEAD_CAPTURED,
                        Map.of(
                                "leadId",
                                lead.leadId(),
                                "personal",
                                LeadSeal.seal(LeadSeal.newDataKey(), lead.leadId(), forged))));
        awaitWaiting(lead, 1);

        kafka.publish(lead.key(), lead.keyIssued());

        List<ConsumerRecord<String, String>> parked = await().atMost(DELIVERY)
                .until(
                        () -> kafka.records(
                                Topics.DEAD_LETTER.name(), r -> lead.key().equals(r.key())),
                        records -> !records.isEmpty());
        assertThat(TestKafka.header(parked.get(0), DeadLetterQueue.REASON_HEADER))
                .contains("SEAL_BROKEN");
        await().atMost(DELIVERY).until(() -> count("select count(*) from lead_key where lead_id = :lead", lead) == 1);
        assertThat(waiting(lead)).isZero();
        assertThat(contactEmail(lead.leadId())).isNull();
    }

    private static EventEnvelope confirmationRequested(LeadEvents lead, String url) {
        return GoldenEvents.fresh(
                EventType.CONFIRMATION_REQUESTED,
                Map.of(
                        "leadId", lead.leadId(),
                        "locale", "es",
                        "attempt", 1,
                        "expiresAt",
                                Instant.now()
                                        .plus(Duration.ofDays(7))
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString(),
                        "link", LeadSeal.seal(lead.dataKey(), lead.leadId(), new ConfirmationLink(url))));
    }

    private double inboxRetries() {
        return meters.counter("faro.inbox.retries").count();
    }

    private void awaitWaiting(LeadEvents lead, int events) {
        await().atMost(DELIVERY).until(() -> waiting(lead) == events);
    }

    private long waiting(LeadEvents lead) {
        return count("select count(*) from lead_event_awaiting_key where lead_id = :lead", lead);
    }

    private List<UUID> waitingEventIds(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(
                        "select event_id from lead_event_awaiting_key where lead_id = :lead order by position",
                        UUID.class)
                .setParameter("lead", lead.leadId())
                .getResultList());
    }

    private LeadMessages.Held heldOn(LeadEvents lead) {
        return held.of(lead.leadId());
    }

    private String contactEmail(UUID leadId) {
        List<String> emails = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select email from contact where lead_id = :lead", String.class)
                .setParameter("lead", leadId)
                .getResultList());
        return emails.isEmpty() ? null : emails.get(0);
    }

    private long count(String sql, LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(sql)
                        .setParameter("lead", lead.leadId())
                        .getSingleResult())
                .longValue());
    }
}
