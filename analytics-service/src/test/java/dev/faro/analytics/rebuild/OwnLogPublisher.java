package dev.faro.analytics.rebuild;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes funnel events as the producers' relays do, but on {@link OwnEventLog}'s topics; campaigns go to the
 * real campaign topic, which the tests share. One producer for many events, so a steady stream is cheap.
 */
final class OwnLogPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.current().kafkaBootstrap(),
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true),
            new StringSerializer(),
            new StringSerializer());
    private int published;

    void publish(String key, EventEnvelope event) {
        if (event.eventType() == EventType.CAMPAIGN_CHANGED) {
            new TestKafka(TestInfrastructure.current().kafkaBootstrap()).publish(key, event);
            return;
        }
        String channel = event.eventType().topic().name().substring("faro.".length());
        ProducerRecord<String, String> record = new ProducerRecord<>(
                OwnEventLog.topic(channel), key, EventCodec.instance().encode(event));
        record.headers().add("ce_id", event.id().toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
            published++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish " + event.type(), e.getCause());
        }
    }

    /** A record value as it stands, readable or not, to a channel's topic; not counted as published. */
    void publishRaw(String channel, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(OwnEventLog.topic(channel), key, value))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + channel, e.getCause());
        }
    }

    /** Funnel events published through this publisher (campaigns not included). */
    int published() {
        return published;
    }

    @Override
    public void close() {
        producer.close();
    }
}
