package dev.faro.bench.publication;

import dev.faro.contract.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its current end, outside any consumer group, and notes when each event of one type arrives.
 * It never commits offsets, so the services' consumers are not affected.
 */
final class LeadCapturedListener implements AutoCloseable {

    /** When a record arrived here, and the record's own timestamp, both in epoch microseconds. */
    record Arrival(long seenMicros, long recordTimestampMicros) {}

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String eventType;
    private final Map<UUID, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    LeadCapturedListener(String bootstrap, String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "faro-bench-publication-lag");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Hand each record over as soon as the broker has it.
        settings.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.eventType = EventType.LEAD_CAPTURED.cloudEventType();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before any lead is sent, so none is missed.
        partitions.forEach(consumer::position);
        thread = new Thread(this::pollUntilClosed, "publication-lag-listener");
        thread.setDaemon(true);
        thread.start();
    }

    Map<UUID, Arrival> arrivals() {
        return Map.copyOf(arrivals);
    }

    int received() {
        return arrivals.size();
    }

    private void pollUntilClosed() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                long seen = epochMicros(Instant.now());
                if (eventType.equals(header(record, "ce_type"))) {
                    String id = header(record, "ce_id");
                    if (id != null) {
                        arrivals.putIfAbsent(UUID.fromString(id), new Arrival(seen, record.timestamp() * 1000));
                    }
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
