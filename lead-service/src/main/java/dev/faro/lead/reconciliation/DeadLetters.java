package dev.faro.lead.reconciliation;

import dev.faro.contract.Topics;
import dev.faro.support.inbox.DeadLetterQueue;
import dev.faro.support.kafka.KafkaConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records parked in the dead-letter topic since an instant, read with a consumer of its own outside any group
 * (nothing is committed), from the offset of that instant to the end as it was when the reading began. Only the
 * headers and the key are kept: the value may hold a lead's sealed personal data, and the detail header a fragment
 * of what failed to parse.
 */
@ApplicationScoped
class DeadLetters {

    /** Read by an administrator's request: long enough for a topic of 30 days, short enough to answer. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(20);

    /** One parked record: where it came from and why no consumer could process it. */
    record Parked(String key, String reason, String origin, String consumer, Instant parkedAt) {}

    private final KafkaConnection kafka;

    DeadLetters(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    /** Every record parked at or after {@code since}; throws {@link KafkaException} if the topic cannot be read. */
    List<Parked> since(Instant since) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(Topics.DEAD_LETTER.name(), READ_LIMIT)) {
                partitions.add(new TopicPartition(partition.topic(), partition.partition()));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_LIMIT);
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, READ_LIMIT);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            Map<TopicPartition, Long> firsts = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                long end = ends.getOrDefault(partition, 0L);
                if (start != null && start.offset() < end) {
                    firsts.put(partition, start.offset());
                    remaining.put(partition, end);
                }
            }
            consumer.assign(remaining.keySet());
            firsts.forEach(consumer::seek);
            List<Parked> parked = new ArrayList<>();
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (!remaining.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new KafkaException(
                            "the dead-letter topic was not read to its end within " + READ_LIMIT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end != null && record.offset() < end) {
                        parked.add(parked(record));
                    }
                }
                remaining.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
            }
            return parked;
        }
    }

    private static Parked parked(ConsumerRecord<String, String> record) {
        return new Parked(
                record.key(),
                header(record, DeadLetterQueue.REASON_HEADER),
                header(record, DeadLetterQueue.ORIGIN_HEADER),
                header(record, DeadLetterQueue.CONSUMER_HEADER),
                Instant.ofEpochMilli(record.timestamp()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> settings = kafka.settings();
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "lead-service-reconciliation");
        // Kafka's own timeout to reach the cluster when it is away: fail within the read limit, not after minutes.
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_LIMIT.toMillis());
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }
}
