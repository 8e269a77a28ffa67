package dev.faro.analytics.rebuild;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads several topics from their beginning, up to a limit per partition, as one stream in the order things
 * happened: by record timestamp, across every partition. The live consumers see a lead's capture before its
 * incentive because one causes the other; reading topic after topic would not, and an incentive counted before
 * its lead's capture lands under no landing page. Ties go to the topic listed first, then partition and offset.
 *
 * <p>The order can only be decided while every partition that still has records below its limit has one
 * buffered, so the log fetches just the partitions whose buffer ran dry and pauses the rest; memory stays at
 * about one poll per partition.
 */
final class TimeOrderedLog implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<TopicPartition, Buffer> buffers = new HashMap<>();
    /** The buffers holding records, by their first record's place in the order: the next record is on top. */
    private final PriorityQueue<Buffer> filled = new PriorityQueue<>(Comparator.<Buffer>comparingLong(
                    buffer -> buffer.records.peekFirst().timestamp())
            .thenComparingInt(buffer -> buffer.topicRank)
            .thenComparingInt(buffer -> buffer.partition.partition())
            .thenComparingLong(buffer -> buffer.records.peekFirst().offset()));

    private final Map<TopicPartition, Long> limits = new HashMap<>();
    private final Duration stallTimeout;

    /** Takes ownership of {@code consumer}, which must not belong to a group. */
    TimeOrderedLog(Consumer<String, String> consumer, List<String> topics, Duration stallTimeout) {
        this.consumer = consumer;
        this.stallTimeout = stallTimeout;
        for (String topic : topics) {
            consumer.partitionsFor(topic)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            buffers.put(partition, new Buffer(partition, topics.indexOf(partition.topic())));
            limits.put(partition, beginnings.get(partition));
        }
    }

    /** Reads up to the current end of every partition from now on; returns how many records that adds. */
    long extendToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long added = 0;
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition);
            long limit = limits.get(partition);
            if (end > limit) {
                added += end - limit;
                limits.put(partition, end);
            }
        }
        return added;
    }

    /** How many records lie between the current end of the log and the limits read up to so far. */
    long behindEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream()
                .mapToLong(partition -> Math.max(0, ends.get(partition) - limits.get(partition)))
                .sum();
    }

    /** The next records in time order, at most {@code max}; empty once every partition is read to its limit. */
    List<ConsumerRecord<String, String>> next(int max) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(max);
        List<TopicPartition> dry = dryPartitions();
        while (batch.size() < max) {
            if (!dry.isEmpty()) {
                fetch(dry);
                dry = dryPartitions();
                continue;
            }
            Buffer earliest = filled.poll();
            if (earliest == null) {
                break;
            }
            batch.add(earliest.records.removeFirst());
            if (!earliest.records.isEmpty()) {
                filled.add(earliest);
            } else if (consumer.position(earliest.partition) < limits.get(earliest.partition)) {
                // Between fetches only the partition just taken from can run dry: no need to ask about all of them.
                dry = List.of(earliest.partition);
            }
        }
        return batch;
    }

    /** Partitions with nothing buffered and records left below their limit: the order waits for them. */
    private List<TopicPartition> dryPartitions() {
        List<TopicPartition> dry = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (buffers.get(partition).records.isEmpty() && consumer.position(partition) < limits.get(partition)) {
                dry.add(partition);
            }
        }
        return dry;
    }

    private void fetch(Collection<TopicPartition> dry) {
        consumer.pause(partitions);
        consumer.resume(dry);
        long deadline = System.nanoTime() + stallTimeout.toNanos();
        int received = 0;
        while (received == 0) {
            Set<TopicPartition> rewound = new HashSet<>();
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < limits.get(partition)) {
                    Buffer buffer = buffers.get(partition);
                    buffer.records.addLast(record);
                    if (buffer.records.size() == 1) {
                        filled.add(buffer);
                    }
                    received++;
                } else if (rewound.add(partition)) {
                    // Fetched past the limit: resume from the first such record once the limit moves on.
                    consumer.seek(partition, record.offset());
                }
            }
            if (received == 0 && dryPartitions().isEmpty()) {
                return; // only transaction markers or compacted gaps were left below the limits
            }
            if (received == 0 && System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Kafka delivered nothing from " + dry + " for " + stallTimeout + " though records remain");
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** The records fetched from one partition and not yet taken, with what breaks ties of equal timestamps. */
    private static final class Buffer {
        private final TopicPartition partition;
        private final int topicRank;
        private final ArrayDeque<ConsumerRecord<String, String>> records = new ArrayDeque<>();

        Buffer(TopicPartition partition, int topicRank) {
            this.partition = partition;
            this.topicRank = topicRank;
        }
    }
}
