package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.TopicSpec;
import dev.faro.contract.Topics;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL, Kafka and the SMTP sink with its web inbox, all started in this JVM as the tests' embedded mode does. */
class EmbeddedInfrastructureTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static LocalPostgres postgres;
    private static InProcessKafka kafka;
    private static SmtpSink smtp;
    private static InboxHttpServer inbox;

    @BeforeAll
    static void start() {
        List<Integer> ports = FreePorts.find(5);
        postgres = LocalPostgres.start(
                new PostgresSettings(work.resolve("postgres"), ports.get(0), false, work.resolve("postgres.log")));
        kafka = InProcessKafka.start(new KafkaSettings(work.resolve("kafka"), ports.get(1), ports.get(2)));
        KafkaAdmin.createTopics(kafka.bootstrapServers());
        smtp = SmtpSink.start(ports.get(3));
        inbox = InboxHttpServer.start(smtp, ports.get(4));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {inbox, smtp, kafka, postgres}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                System.err.println("could not stop " + resource + ": " + e);
            }
        }
    }

    @Test
    void ensureDatabaseCreatesADatabaseItsOwnRoleOwnsAndCanBeRepeated() throws Exception {
        postgres.ensureDatabase("faro_sample", "faro_sample", "first");
        postgres.ensureDatabase("faro_sample", "faro_sample", "s3cret'quote");

        try (Connection connection =
                        DriverManager.getConnection(postgres.jdbcUrl("faro_sample"), "faro_sample", "s3cret'quote");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE lead (id text PRIMARY KEY)");
            statement.execute("INSERT INTO lead VALUES ('l-1')");
            ResultSet owner = statement.executeQuery(
                    "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()");
            owner.next();
            assertThat(owner.getString(1)).isEqualTo("faro_sample");
        }
    }

    @Test
    void everyContractTopicExistsWithItsPartitionsAndConfig() throws Exception {
        KafkaAdmin.createTopics(kafka.bootstrapServers()); // a second time: existing topics are fine

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Set<String> names = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
            Map<String, TopicDescription> topics =
                    admin.describeTopics(names).allTopicNames().get();
            for (TopicSpec spec : Topics.all()) {
                assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions());
            }
            ConfigResource campaigns = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CAMPAIGNS.name());
            assertThat(admin.describeConfigs(List.of(campaigns))
                            .all()
                            .get()
                            .get(campaigns)
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
    }

    @Test
    void aRecordProducedToACreatedTopicIsConsumedWithKeyAndHeaders() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> common = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.LEADS.name(), key, "{\"n\":1}");
            record.headers().add("ce_type", "LeadCaptured".getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }

        Map<String, Object> consumerConfig = Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "group.id",
                "test-" + key,
                "auto.offset.reset",
                "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.LEADS.name()));
            ConsumerRecord<String, String> received =
                    await().atMost(Duration.ofSeconds(30)).until(() -> find(consumer, key), r -> r != null);
            assertThat(received.value()).isEqualTo("{\"n\":1}");
            assertThat(new String(received.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("LeadCaptured");
        }
    }

    private static ConsumerRecord<String, String> find(KafkaConsumer<String, String> consumer, String key) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (key.equals(record.key())) {
                return record;
            }
        }
        return null;
    }

    @Test
    void mailSentOverSmtpIsServedDecodedByTheInboxApi() throws Exception {
        delete("/api/messages");
        String subject = "¿Te gustó? Año nuevo, señal y acción";

        send(subject, List.of("lucia@example.org", "copia@example.org"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> json(get("/api/messages")).size() == 1);
        HttpResponse<String> response = get("/api/messages");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode message = json(response).get(0);
        assertThat(message.path("subject").asText()).isEqualTo(subject);
        assertThat(message.path("to"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("lucia@example.org", "copia@example.org");
        assertThat(message.path("from").asText()).isEqualTo("Faro España <hola@faro.test>");
        assertThat(message.path("text").asText()).isEqualTo("Hola Lucía, tu código es AB12-CD34-EF56");
        assertThat(message.path("html").asText()).isEqualTo("<p>Hola <b>Lucía</b></p>");
        assertThat(message.path("headers").path("Subject").asText()).isEqualTo(subject);
        assertThat(message.path("messageId").asText()).startsWith("<");
        assertThat(message.path("receivedAt").asText()).endsWith("Z");
        assertThat(smtp.messagesTo("lucia@example.org")).singleElement().satisfies(m -> assertThat(m.subject())
                .isEqualTo(subject));
    }

    @Test
    void inboxPageListsMessagesEscapedAndShowsEachOne() throws Exception {
        delete("/api/messages");
        send("<script>alert('x')</script> & más", List.of("ana@example.org"));
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 1);

        String page = get("/").body();
        assertThat(page)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; más")
                .doesNotContain("<script>alert")
                .contains("http-equiv=\"refresh\"")
                .contains("href=\"/messages/1\"");
        String detail = get("/messages/1").body();
        assertThat(detail).contains("Hola Lucía, tu código es AB12-CD34-EF56").doesNotContain("<script>alert");
        assertThat(get("/messages/2").statusCode()).isEqualTo(404);

        assertThat(delete("/api/messages").statusCode()).isEqualTo(204);
        assertThat(json(get("/api/messages"))).isEmpty();
    }

    @Test
    void inboxApiSkipsTheMessagesAClientHasAlreadyRead() throws Exception {
        delete("/api/messages");
        send("primero", List.of("uno@example.org"));
        send("segundo", List.of("dos@example.org"));
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 2);

        assertThat(json(get("/api/messages?from=1"))).singleElement().satisfies(message -> assertThat(
                        message.get("subject").asText())
                .isEqualTo("segundo"));
        assertThat(json(get("/api/messages?from=2"))).isEmpty();
        assertThat(json(get("/api/messages?from=99"))).isEmpty();
        assertThat(json(get("/api/messages"))).hasSize(2);
        assertThat(smtp.messagesAfter(1)).extracting(InboxMessage::subject).containsExactly("segundo");
        assertThat(smtp.messagesAfter(0)).extracting(InboxMessage::subject).containsExactly("primero", "segundo");
        assertThat(get("/api/messages?from=-1").statusCode()).isEqualTo(400);
        assertThat(get("/api/messages?from=dos").statusCode()).isEqualTo(400);
    }

    private static void send(String subject, List<String> recipients) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("hola@faro.test", "Faro España", "UTF-8"));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hola Lucía, tu código es AB12-CD34-EF56", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Hola <b>Lucía</b></p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(inboxUri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(inboxUri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI inboxUri(String path) {
        return URI.create("http://127.0.0.1:" + inbox.port() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
