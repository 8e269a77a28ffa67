package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker ./faro runs: its own JVM, on this module's classpath, data kept across restarts. */
class KafkaBrokerProcessTest {

    @TempDir
    Path work;

    @Test
    void aRecordSurvivesABrokerRestartOnTheSameDirectory() throws Exception {
        List<Integer> ports = FreePorts.find(2);
        KafkaSettings settings = new KafkaSettings(work.resolve("kafka"), ports.get(0), ports.get(1));
        Path log = work.resolve("logs/kafka.log");
        String classpath = System.getProperty("java.class.path");
        String key = UUID.randomUUID().toString();

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(settings, classpath, log, Duration.ofSeconds(90))) {
            assertThat(ProcessHandle.of(broker.pid())).isPresent();
            assertThat(ProcessHandle.current().pid()).isNotEqualTo(broker.pid());
            KafkaAdmin.createTopics(broker.bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.VISITS.name(), key, "kept"))
                        .get();
            }
        }
        assertThat(log).content().contains("Kafka Server started");

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(settings, classpath, log, Duration.ofSeconds(90));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                        Map.of("bootstrap.servers", broker.bootstrapServers()),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.VISITS.name())
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("kept");
        }
    }
}
