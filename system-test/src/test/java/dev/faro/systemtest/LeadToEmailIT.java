package dev.faro.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.Topics;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.StackConfig;
import dev.faro.local.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A lead captured on the landing page ends in one discount email and one count on the funnel, even if redelivered. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadToEmailIT {

    private static final Pattern DISCOUNT_CODE = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
    private static final Funnel ONE_OF_EACH = new Funnel(1, 1, 1);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path state;

    @RegisterExtension
    static final StackLogsOnFailure STACK_LOGS = new StackLogsOnFailure(() -> state);

    private static FaroStack faro;

    @BeforeAll
    static void startFaro() {
        // Free ports and a fresh state directory: runs next to a developer's ./faro up.
        faro = FaroStack.start(StackConfig.withFreePorts(state));
    }

    @AfterAll
    static void stopFaro() {
        if (faro != null) {
            faro.close();
        }
    }

    @Test
    @Order(1) // the demo campaign's funnel must hold this lead alone
    void aCapturedLeadGetsExactlyOneDiscountEmailEvenWhenItsEventIsDeliveredTwice() throws Exception {
        String email = "lucia-" + UUID.randomUUID() + "@example.org";

        String leadId = captureLead(email);

        List<InboxMessage> mails = await().atMost(Duration.ofSeconds(20))
                .until(() -> faro.inbox().messagesTo(email), received -> !received.isEmpty());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).text()).as("text of the email to %s", email).containsPattern(DISCOUNT_CODE);
        await().atMost(Duration.ofSeconds(30)).until(LeadToEmailIT::funnel, ONE_OF_EACH::equals);

        republishLeadCaptured(leadId);

        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(15))
                .until(() -> faro.inbox().messagesTo(email).size() == 1 && ONE_OF_EACH.equals(funnel()));
    }

    @Test
    @Order(2)
    void oneLeadsPathThroughTheServicesIsOneTrace() throws Exception {
        String email = "traza-" + UUID.randomUUID() + "@example.org";
        String leadId = captureLead(email);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !faro.inbox().messagesTo(email).isEmpty());

        TestKafka kafka = new TestKafka(faro.kafkaBootstrap());
        List<String> traceIds = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Stream.of(Topics.LEADS, Topics.INCENTIVES, Topics.EMAILS)
                                .map(topic -> traceIdOnTopic(kafka, topic.name(), leadId))
                                .toList(),
                        ids -> ids.stream().allMatch(id -> !id.isEmpty()));

        assertThat(traceIds)
                .as("trace ids of LeadCaptured, IncentiveIssued, EmailSent")
                .hasSize(3);
        assertThat(traceIds.get(0)).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(traceIds).containsOnly(traceIds.get(0));
    }

    @Test
    @Order(3)
    void everyServiceServesReadinessMetricsAndOpenApi() throws Exception {
        for (FaroService service : FaroService.values()) {
            assertThat(get(service, "/q/health/ready"))
                    .as("%s readiness", service)
                    .contains("\"UP\"");
            assertThat(get(service, "/q/metrics")).as("%s metrics", service).contains("jvm_memory_used_bytes");
            assertThat(get(service, "/q/openapi")).as("%s OpenAPI", service).contains("openapi:");
        }
        assertThat(get(FaroService.LEAD, "/q/openapi")).contains("/api/leads");
        assertThat(get(FaroService.ANALYTICS, "/q/openapi")).contains("/api/campaigns/{campaign}/funnel");
    }

    private static String get(FaroService service, String path) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(url(service, path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s on %s", path, service).isEqualTo(200);
        return response.body();
    }

    /** The trace id in the traceparent header of the lead's first record on the topic; empty if none yet. */
    private static String traceIdOnTopic(TestKafka kafka, String topic, String leadId) {
        return kafka.records(topic, record -> leadId.equals(record.key())).stream()
                .findFirst()
                .flatMap(record -> TestKafka.header(record, "traceparent"))
                .map(traceParent -> traceParent.split("-")[1])
                .orElse("");
    }

    private static String captureLead(String email) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "email", email,
                "name", "Lucía",
                "campaign", "demo",
                "consent", Map.of("marketing", true),
                "locale", "es"));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url(FaroService.LEAD, "/api/leads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST /api/leads answered %s", response.body())
                .isEqualTo(202);
        String leadId = JSON.readTree(response.body()).path("leadId").asText();
        assertThat(leadId).as("leadId in %s", response.body()).isNotBlank();
        return leadId;
    }

    private static Funnel funnel() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url(FaroService.ANALYTICS, "/api/campaigns/demo/funnel"))
                        .header("Authorization", "Bearer " + faro.adminToken())
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("funnel answered %s", response.body())
                .isEqualTo(200);
        JsonNode funnel = JSON.readTree(response.body());
        return new Funnel(
                funnel.path("leads").asLong(-1),
                funnel.path("incentivesIssued").asLong(-1),
                funnel.path("emailsSent").asLong(-1));
    }

    /** Produces the lead's LeadCaptured record again, byte for byte, as a redelivery after a crash would. */
    private static void republishLeadCaptured(String leadId) throws Exception {
        ConsumerRecord<byte[], byte[]> original = firstRecordWithKey(leadId);
        Map<String, Object> config = Map.of("bootstrap.servers", faro.kafkaBootstrap(), "acks", "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            original.topic(),
                            original.partition(),
                            original.timestamp(),
                            original.key(),
                            original.value(),
                            original.headers()))
                    .get();
        }
    }

    private static ConsumerRecord<byte[], byte[]> firstRecordWithKey(String leadId) {
        byte[] key = leadId.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> config = Map.of("bootstrap.servers", faro.kafkaBootstrap(), "enable.auto.commit", false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LEADS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> {
                                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                                    if (Arrays.equals(record.key(), key)) {
                                        return record;
                                    }
                                }
                                return null;
                            },
                            record -> record != null);
        }
    }

    private static URI url(FaroService service, String path) {
        return faro.serviceUrl(service).resolve(path);
    }

    private record Funnel(long leads, long incentivesIssued, long emailsSent) {}
}
