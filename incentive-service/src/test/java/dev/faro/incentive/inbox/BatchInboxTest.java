package dev.faro.incentive.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.UndeliverableEventException;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.inbox.EventHandlers;
import dev.faro.support.inbox.EventInbox;
import dev.faro.support.inbox.InboxConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What a batch channel's poll goes through ({@link EventInbox#receiveAll}), against this service's PostgreSQL and
 * Kafka. The records are handed to the inbox directly, as the connector would, with handlers that note what ran in
 * which transaction.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class BatchInboxTest {

    private static final AtomicLong OFFSETS = new AtomicLong();

    /** One handler call: the event, its lead and the transaction it ran in. */
    record Call(UUID eventId, UUID leadId, long transaction) {}

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Inject
    InboxConfig config;

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Test
    void aPollIsAppliedInOneTransactionKeepingEachKeysOrderAndEachEventOnce() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        // Two events of each of two leads, interleaved as a partition holds them, and a redelivered duplicate.
        EventEnvelope firstA = captured(first);
        EventEnvelope firstB = captured(first);
        poll.add(record(first, firstA));
        poll.add(record(second, captured(second)));
        poll.add(record(first, firstB));
        poll.add(record(second, captured(second)));
        poll.add(record(first, firstA));

        inbox.receiveAll(poll, noting(event -> false));

        assertThat(calls).hasSize(4);
        assertThat(calls.stream().map(Call::transaction).distinct())
                .as("transactions")
                .hasSize(1);
        assertThat(calls.stream().filter(call -> call.leadId().equals(first)).map(Call::eventId))
                .as("the first lead's events, in their order, the duplicate once")
                .containsExactly(firstA.id(), firstB.id());
        assertThat(processed(poll)).as("event ids recorded as processed").hasSize(4);
        assertThat(calls.stream().map(Call::leadId).toList())
                .as("each lead's events together, in ascending key order")
                .isEqualTo(
                        first.toString().compareTo(second.toString()) < 0
                                ? List.of(first, first, second, second)
                                : List.of(second, second, first, first));
    }

    @Test
    void aRedeliveredPollChangesNothing() {
        UUID lead = UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = List.of(record(lead, captured(lead)), record(lead, captured(lead)));
        inbox.receiveAll(poll, noting(event -> false));

        inbox.receiveAll(poll, noting(event -> false));

        assertThat(calls).hasSize(2);
    }

    @Test
    void aPollLargerThanTheBatchLimitTakesOneTransactionPerBatch() {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        for (int i = 0; i < config.maxBatch() + config.maxBatch() / 2; i++) {
            UUID lead = UUID.randomUUID();
            poll.add(record(lead, captured(lead)));
        }

        inbox.receiveAll(poll, noting(event -> false));

        assertThat(calls).hasSize(poll.size());
        Map<Long, Long> perTransaction =
                calls.stream().collect(Collectors.groupingBy(Call::transaction, Collectors.counting()));
        assertThat(perTransaction.values())
                .containsExactlyInAnyOrder((long) config.maxBatch(), (long) (config.maxBatch() / 2));
    }

    @Test
    void anEventItsHandlerCannotProcessIsDeadLetteredAndTheRestOfThePollIsApplied() {
        UUID good = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID alsoGood = UUID.randomUUID();
        List<ConsumerRecord<String, String>> poll = List.of(
                record(good, captured(good)), record(poison, captured(poison)), record(alsoGood, captured(alsoGood)));

        inbox.receiveAll(poll, noting(leadId -> leadId.equals(poison)));

        assertThat(processed(poll))
                .as("events recorded as processed")
                .containsExactlyInAnyOrder(idOf(poll.get(0)), idOf(poll.get(2)));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> new TestKafka(kafkaBootstrap).records(Topics.DEAD_LETTER.name(), r -> poison.toString()
                                .equals(r.key())),
                        parked -> parked.size() == 1);
    }

    /** Handlers that note each LeadCaptured with its transaction; those {@code refused} are undeliverable. */
    private EventHandlers noting(Predicate<UUID> refused) {
        return EventHandlers.builder()
                .on(LeadCaptured.class, (event, lead) -> {
                    if (refused.test(lead.leadId())) {
                        throw new UndeliverableEventException(
                                UndeliverableEventException.Reason.SCHEMA_INVALID, "refused by the test");
                    }
                    calls.add(new Call(event.id(), lead.leadId(), transactionId()));
                })
                .build();
    }

    private long transactionId() {
        return ((Number)
                        entityManager.createNativeQuery("select txid_current()").getSingleResult())
                .longValue();
    }

    private static UUID idOf(ConsumerRecord<String, String> record) {
        return EventCodec.instance().decode(record.value()).id();
    }

    /** The ids of these records' events that are recorded as processed. */
    @SuppressWarnings("unchecked")
    private List<UUID> processed(List<ConsumerRecord<String, String>> records) {
        List<UUID> ids = records.stream().map(BatchInboxTest::idOf).distinct().toList();
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select event_id from processed_event where event_id in (:ids)")
                .setParameter("ids", ids)
                .getResultList());
    }

    private static EventEnvelope captured(UUID leadId) {
        return GoldenEvents.fresh(
                EventType.LEAD_CAPTURED, Map.of("leadId", leadId, "campaign", "demo", "confirmationRequired", true));
    }

    private static ConsumerRecord<String, String> record(UUID key, EventEnvelope event) {
        return new ConsumerRecord<>(
                Topics.LEADS.name(),
                0,
                OFFSETS.incrementAndGet(),
                key.toString(),
                EventCodec.instance().encode(event));
    }
}
