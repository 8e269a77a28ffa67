package dev.faro.bench.pipeline;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one consumer group is behind on the partitions it has committed offsets for: end offset − committed
 * offset per partition. A partition the group never committed is left out, since nothing tells whether its records
 * are to be read (earliest) or were skipped (latest).
 *
 * @param group the consumer group id
 * @param lagByPartition records not yet committed, per "topic-partition"; zero entries included
 */
public record GroupLag(String group, SortedMap<String, Long> lagByPartition) {

    public GroupLag {
        lagByPartition = Collections.unmodifiableSortedMap(new TreeMap<>(lagByPartition));
    }

    /**
     * The lag of every partition in {@code committed}; a partition without an end offset is counted as not behind
     * (it has no records the broker told of). A committed offset past the end (a truncated log) counts as zero.
     */
    public static GroupLag of(String group, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> endOffsets) {
        SortedMap<String, Long> lag = new TreeMap<>();
        committed.forEach((partition, offset) -> {
            Long end = endOffsets.get(partition);
            lag.put(partition.toString(), end == null ? 0 : Math.max(0, end - offset));
        });
        return new GroupLag(group, lag);
    }

    public long total() {
        return lagByPartition.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "email-service: faro.incentives-3 12, faro.leads-0 4": only the partitions behind. */
    public String describeBehind() {
        StringJoiner behind = new StringJoiner(", ", group + ": ", "");
        lagByPartition.forEach((partition, lag) -> {
            if (lag > 0) {
                behind.add(partition + " " + lag);
            }
        });
        return behind.toString();
    }
}
