package dev.faro.bench.rebuild;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Sizes of the event topics the rebuild reads, and how far a consumer group is behind on them. */
final class EventLog implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;

    EventLog(String bootstrap) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Records between the beginning and the end of every partition of {@code topics}. */
    long records(Collection<String> topics) throws Exception {
        List<TopicPartition> partitions = partitions(topics);
        Map<TopicPartition, Long> beginnings = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        return partitions.stream()
                .mapToLong(partition -> ends.get(partition) - beginnings.get(partition))
                .sum();
    }

    /** Records of {@code topics} that {@code group} has not committed yet (a partition never committed counts whole). */
    long behind(String group, Collection<String> topics) throws Exception {
        List<TopicPartition> partitions = partitions(topics);
        Map<TopicPartition, Long> beginnings = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long behind = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long position = offset == null ? beginnings.get(partition) : offset.offset();
            behind += Math.max(0, ends.get(partition) - position);
        }
        return behind;
    }

    /** Waits until {@code group} has committed everything in {@code topics}; false if it is still behind at the timeout. */
    boolean awaitCaughtUp(String group, Collection<String> topics, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (behind(group, topics) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    private List<TopicPartition> partitions(Collection<String> topics) throws Exception {
        return admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(info -> new TopicPartition(description.name(), info.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}
