package dev.faro.analytics.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The rebuild's read of the log, against the real broker: every partition, in time order, up to its limit. */
class TimeOrderedLogTest {

    private final String bootstrap = TestInfrastructure.current().kafkaBootstrap();
    private final TestKafka kafka = new TestKafka(bootstrap);
    private final String leads = "order-test-leads-" + UUID.randomUUID();
    private final String emails = "order-test-emails-" + UUID.randomUUID();

    @Test
    void recordsOfEveryPartitionAndTopicComeInTimestampOrderWithTiesToTheTopicListedFirst() throws Exception {
        createTopics(3);
        // Spread over partitions and topics, each partition in its own time order as a producer appends.
        send(emails, 0, 1_000, "e-1000");
        send(emails, 0, 5_000, "e-5000");
        send(emails, 2, 3_000, "e-3000");
        send(leads, 1, 2_000, "l-2000");
        send(leads, 1, 3_000, "l-3000");
        send(leads, 0, 4_000, "l-4000");
        send(leads, 2, 500, "l-500");
        send(emails, 1, 6_000, "e-6000");

        try (TimeOrderedLog log = open()) {
            assertThat(log.extendToEnd()).isEqualTo(8);

            assertThat(readAll(log, 3))
                    .containsExactly("l-500", "e-1000", "l-2000", "l-3000", "e-3000", "l-4000", "e-5000", "e-6000");
        }
    }

    @Test
    void readingStopsAtTheLimitAndGoesOnOnlyOnceTheLimitMovesToTheNewEnd() throws Exception {
        createTopics(2);
        send(leads, 0, 1_000, "first");
        send(emails, 1, 2_000, "second");

        try (TimeOrderedLog log = open()) {
            log.extendToEnd();
            assertThat(readAll(log, 10)).containsExactly("first", "second");

            send(leads, 1, 3_000, "third");
            send(emails, 0, 4_000, "fourth");
            assertThat(log.next(10)).as("beyond the limit").isEmpty();
            assertThat(log.behindEnd()).isEqualTo(2);

            assertThat(log.extendToEnd()).isEqualTo(2);
            assertThat(readAll(log, 10)).containsExactly("third", "fourth");
            assertThat(log.behindEnd()).isZero();
        }
    }

    @Test
    void emptyTopicsGiveNothingAtOnce() throws Exception {
        createTopics(3);
        try (TimeOrderedLog log = open()) {
            assertThat(log.extendToEnd()).isZero();
            assertThat(log.next(10)).isEmpty();
        }
    }

    private TimeOrderedLog open() {
        return new TimeOrderedLog(
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                // Small fetches, so the read needs many polls and partitions run dry often.
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                2),
                        new StringDeserializer(),
                        new StringDeserializer()),
                List.of(leads, emails),
                Duration.ofSeconds(30));
    }

    private static List<String> readAll(TimeOrderedLog log, int batchSize) {
        List<String> values = new ArrayList<>();
        for (var batch = log.next(batchSize); !batch.isEmpty(); batch = log.next(batchSize)) {
            assertThat(batch).hasSizeLessThanOrEqualTo(batchSize);
            batch.stream().map(ConsumerRecord::value).forEach(values::add);
        }
        return values;
    }

    private void send(String topic, int partition, long timestamp, String value) {
        kafka.send(new ProducerRecord<>(topic, partition, timestamp, value, value));
    }

    private void createTopics(int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(leads, partitions, (short) 1), new NewTopic(emails, partitions, (short) 1)))
                    .all()
                    .get();
        }
    }
}
