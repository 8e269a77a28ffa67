package dev.faro.incentive.issuing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.Topics;
import dev.faro.contract.events.IncentiveExpiring;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.support.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Consumers rely on seeing one lead's events in the order they happened. IncentiveExpiring travels on a topic
 * this service does not consume, so the events have no effect beyond the topic.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class OutboxOrderTest {

    private static final int EVENTS = 30;
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void eventsAppendedForOneKeyInSuccessiveTransactionsArePublishedOnceEachInAppendOrderOnOnePartition() {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        Instant expiresAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);

        List<UUID> appended = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            // Each commit wakes the relay, so the events usually leave in several batches rather than one.
            EventEnvelope event = QuarkusTransaction.requiringNew()
                    .call(() ->
                            outbox.append(key, new IncentiveExpiring(UUID.randomUUID(), leadId, "demo", expiresAt)));
            appended.add(event.id());
        }

        await("all appended events on " + Topics.INCENTIVES.name())
                .atMost(EVENT_TIMEOUT)
                .untilAsserted(() -> assertThat(published(key)).hasSize(EVENTS));
        // The relay may still be running a batch: a duplicate would show up after the last original.
        await("no event published twice")
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(published(key)).hasSize(EVENTS));

        List<ConsumerRecord<String, String>> records = published(key);
        assertThat(records)
                .extracting(ConsumerRecord::partition)
                .containsOnly(records.get(0).partition());
        assertThat(records)
                .extracting(
                        r -> TestKafka.header(r, "ce_id").map(UUID::fromString).orElseThrow())
                .containsExactlyElementsOf(appended);
        assertThat(records)
                .extracting(r -> EventCodec.instance().decode(r.value()).id())
                .containsExactlyElementsOf(appended);
    }

    private List<ConsumerRecord<String, String>> published(String key) {
        return new TestKafka(kafkaBootstrap).records(Topics.INCENTIVES.name(), r -> key.equals(r.key()));
    }
}
