package dev.faro.bench.pipeline;

import dev.faro.contract.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the topics of some event types from their current end, outside any consumer group, and notes when each
 * event of those types arrives, with its record key and the record's timestamp. It never commits offsets, so the
 * services' consumers are not affected. Positions are resolved in the constructor: nothing published after it
 * returns is missed.
 */
public final class EventListener implements AutoCloseable {

    /**
     * One event as it arrived here.
     *
     * @param type its event type
     * @param eventId its CloudEvents id ({@code ce_id}), also the outbox row's {@code event_id}
     * @param key the record key (the lead id for lead and incentive events), or null
     * @param recordTimestampMicros the record's timestamp: when the publishing relay handed it to its producer
     * @param seenMicros when this listener received it
     */
    public record Arrival(EventType type, UUID eventId, String key, long recordTimestampMicros, long seenMicros) {}

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, EventType> typesByCloudEventType;
    private final Map<UUID, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param name names the client and the thread ("publication-lag") */
    public EventListener(String bootstrap, String name, Collection<EventType> types) {
        this.typesByCloudEventType = types.stream()
                .collect(Collectors.toMap(EventType::cloudEventType, type -> type, (a, b) -> a, LinkedHashMap::new));
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "faro-bench-" + name);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Hand each record over as soon as the broker has it.
        settings.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        types.stream().map(type -> type.topic().name()).distinct().forEach(topic -> consumer.partitionsFor(topic)
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before the caller sends anything, so nothing is missed.
        partitions.forEach(consumer::position);
        thread = new Thread(this::pollUntilClosed, name + "-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every event of the listened types received so far, one per event id. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals.values());
    }

    public int received() {
        return arrivals.size();
    }

    private void pollUntilClosed() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                long seen = epochMicros(Instant.now());
                arrival(record, typesByCloudEventType, seen)
                        .ifPresent(arrival -> arrivals.putIfAbsent(arrival.eventId(), arrival));
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /** The arrival a record stands for, if it carries an event of one of {@code types} (by its ce_type header). */
    static Optional<Arrival> arrival(
            ConsumerRecord<byte[], byte[]> record, Map<String, EventType> types, long seenMicros) {
        String cloudEventType = header(record, "ce_type");
        EventType type = cloudEventType == null ? null : types.get(cloudEventType);
        String id = header(record, "ce_id");
        if (type == null || id == null) {
            return Optional.empty();
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return Optional.of(new Arrival(type, UUID.fromString(id), key, record.timestamp() * 1000, seenMicros));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
