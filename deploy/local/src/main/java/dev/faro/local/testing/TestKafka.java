package dev.faro.local.testing;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What a test needs from the real broker: publish a record as a producer would, and find records on a topic. */
public final class TestKafka {

    private final String bootstrap;

    public TestKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Publishes an event as the outbox relay does: structured CloudEvent value, key, ce_* headers. */
    public void publish(String key, EventEnvelope event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                event.eventType().topic().name(), key, EventCodec.instance().encode(event));
        record.headers()
                .add("content-type", EventEnvelope.CLOUDEVENTS_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))
                .add("ce_id", event.id().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /** Publishes any value (garbage included) on a topic. */
    public void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    public void send(ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e.getCause());
        }
    }

    /** Every record currently on the topic (read from the beginning, without a consumer group). */
    public List<ConsumerRecord<String, String>> records(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(15);
            while (!reached(consumer, end) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Records on the topic that match, decoded where they are Faro events. */
    public List<ConsumerRecord<String, String>> records(
            String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return records(topic).stream().filter(filter).toList();
    }

    /** The events of the given key on the topic, in order. */
    public List<EventEnvelope> events(String topic, String key) {
        return records(topic, r -> key.equals(r.key())).stream()
                .map(r -> EventCodec.instance().decode(r.value()))
                .toList();
    }

    public static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
