package dev.faro.local.testing;

import dev.faro.local.infra.ExternalEndpoints;
import dev.faro.local.infra.JdbcUrls;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL, Kafka and GreenMail standalone in Docker. The images can be overridden with FARO_TEST_POSTGRES_IMAGE,
 * FARO_TEST_KAFKA_IMAGE and FARO_TEST_GREENMAIL_IMAGE (e.g. to use a registry mirror).
 */
final class ContainerBackend {

    private static final int GREENMAIL_SMTP = 3025;
    private static final int GREENMAIL_API = 8080;

    private ContainerBackend() {}

    static StartedInfrastructure start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(image("FARO_TEST_POSTGRES_IMAGE", "postgres:17-alpine"));
        KafkaContainer kafka = new KafkaContainer(image("FARO_TEST_KAFKA_IMAGE", "apache/kafka-native:4.1.2"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        // The image's default options already disable authentication and open SMTP on 3025 and the API on 8080.
        GenericContainer<?> greenMail = new GenericContainer<>(
                        image("FARO_TEST_GREENMAIL_IMAGE", "greenmail/standalone:2.1.13"))
                .withExposedPorts(GREENMAIL_SMTP, GREENMAIL_API)
                .waitingFor(Wait.forHttp("/api/service/readiness").forPort(GREENMAIL_API));
        try {
            Startables.deepStart(postgres, kafka, greenMail).join();
        } catch (RuntimeException e) {
            Closing.all(postgres::stop, kafka::stop, greenMail::stop);
            throw e;
        }
        ExternalEndpoints endpoints = new ExternalEndpoints(
                JdbcUrls.withDatabase(postgres.getJdbcUrl(), "postgres"),
                postgres.getUsername(),
                postgres.getPassword(),
                kafka.getBootstrapServers(),
                greenMail.getHost(),
                greenMail.getMappedPort(GREENMAIL_SMTP),
                "http://" + greenMail.getHost() + ":" + greenMail.getMappedPort(GREENMAIL_API));
        AutoCloseable resources = () -> Closing.all(postgres::stop, kafka::stop, greenMail::stop);
        return new StartedInfrastructure(endpoints, StartedInfrastructure.GREENMAIL_INBOX, resources);
    }

    private static DockerImageName image(String variable, String defaultImage) {
        String configured = System.getenv(variable);
        return DockerImageName.parse(configured == null || configured.isBlank() ? defaultImage : configured.trim());
    }
}
