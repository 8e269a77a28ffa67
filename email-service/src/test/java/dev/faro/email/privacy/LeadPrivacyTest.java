package dev.faro.email.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.inbox.DeadLetterQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The address reaches this service sealed; it opens it with the lead's key and forgets it on erasure. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class LeadPrivacyTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Test
    void aLeadWhoseKeyArrivesAfterItIsWaitedForNotDeadLettered() {
        LeadEvents lead = LeadEvents.fresh();

        kafka.publish(lead.key(), lead.captured("Irene Llano", "es"));
        kafka.publish(lead.key(), lead.incentiveIssued("LATE-0001-KEY"));
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()).isEmpty());
        kafka.publish(lead.key(), lead.keyIssued());

        await().atMost(DELIVERY).untilAsserted(() -> assertThat(inbox.messagesTo(lead.email()))
                .singleElement()
                .satisfies(email -> assertThat(email.text()).contains("LATE-0001-KEY", "Irene")));
        assertThat(deadLettered(lead)).isEmpty();
    }

    @Test
    void personalDataSealedWithAnotherKeyIsDeadLetteredWithItsReason() {
        LeadEvents lead = LeadEvents.fresh();
        byte[] someoneElsesKey = LeadSeal.newDataKey();
        PersonalData forged = new PersonalData(lead.email(), "Intruso", null, null, null, null, Map.of());

        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.LEAD_CAPTURED,
                        Map.of(
                                "leadId",
                                lead.leadId(),
                                "personal",
                                LeadSeal.seal(someoneElsesKey, lead.leadId(), forged))));

        List<ConsumerRecord<String, String>> parked =
                await().atMost(DELIVERY).until(() -> deadLettered(lead), records -> !records.isEmpty());
        assertThat(TestKafka.header(parked.get(0), DeadLetterQueue.REASON_HEADER))
                .contains("SEAL_BROKEN");
        assertThat(contactEmail(lead.leadId())).isNull();
    }

    @Test
    void anErasedLeadIsForgottenAndAReplayOfItsEventsDoesNotBringItBack() {
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, "Olvido Ruiz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("GONE-0001-CODE"));
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 1);
        assertThat(count("select count(*) from reminder_incentive where lead_id = :lead", lead.leadId()))
                .as("the code kept for the expiry reminder")
                .isOne();

        kafka.publish(lead.key(), lead.keyDestroyed());
        kafka.publish(lead.key(), lead.erased());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(contactEmail(lead.leadId())).isNull();
            assertThat(count("select count(*) from lead_key where lead_id = :lead", lead.leadId()))
                    .isZero();
            assertThat(count(
                            "select count(*) from send_ledger where lead_id = :lead and params <> '{}'::jsonb",
                            lead.leadId()))
                    .isZero();
            assertThat(count("select count(*) from reminder_incentive where lead_id = :lead", lead.leadId()))
                    .isZero();
        });

        lead.captureOn(kafka, "Olvido Ruiz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("BACK-0001-CODE"));
        LeadEvents marker = LeadEvents.fresh();
        marker.captureOn(kafka, "Marca", "es");
        kafka.publish(marker.key(), marker.incentiveIssued("MARK-0001-CODE"));
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(marker.email()).size() == 1);
        assertThat(contactEmail(lead.leadId())).isNull();
        assertThat(inbox.messagesTo(lead.email())).hasSize(1);
    }

    @Test
    void anIncentiveArrivingAfterTheErasureIsNotQueued() {
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, "Tarde Ruiz", "es");
        kafka.publish(lead.key(), lead.erased());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from erased_lead where lead_id = :lead", lead.leadId()) == 1);

        kafka.publish(lead.key(), lead.incentiveIssued("LATE-0002-CODE"));
        LeadEvents marker = LeadEvents.fresh();
        marker.captureOn(kafka, "Marca", "es");
        kafka.publish(marker.key(), marker.incentiveIssued("MARK-0002-CODE"));
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(marker.email()).size() == 1);

        // The marker travels on another partition, so give the erased lead's record time to be consumed too.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> count("select count(*) from send_ledger where lead_id = :lead", lead.leadId()) == 0);
    }

    private List<ConsumerRecord<String, String>> deadLettered(LeadEvents lead) {
        return kafka.records(Topics.DEAD_LETTER.name(), r -> lead.key().equals(r.key()));
    }

    private String contactEmail(UUID leadId) {
        List<String> emails = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select email from contact where lead_id = :lead", String.class)
                .setParameter("lead", leadId)
                .getResultList());
        return emails.isEmpty() ? null : emails.get(0);
    }

    private long count(String sql, UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(sql)
                        .setParameter("lead", leadId)
                        .getSingleResult())
                .longValue());
    }
}
