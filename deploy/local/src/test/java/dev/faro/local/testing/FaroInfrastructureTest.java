package dev.faro.local.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.TopicSpec;
import dev.faro.contract.Topics;
import dev.faro.local.auth.JwtVerifier;
import dev.faro.local.auth.RsaKeys;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class FaroInfrastructureTest {

    @Test
    void startHandsQuarkusAWorkingDatabaseKafkaAndSmtpWithoutFixedPorts() throws Exception {
        Map<String, String> config = start("faro_sample");

        // This module has no quarkus-mailer, so no mailer keys: Quarkus would warn about them.
        assertThat(config)
                .containsOnlyKeys(
                        "quarkus.datasource.jdbc.url",
                        "quarkus.datasource.username",
                        "quarkus.datasource.password",
                        "kafka.bootstrap.servers",
                        "mp.jwt.verify.publickey.location",
                        "mp.jwt.verify.publickey",
                        "mp.jwt.verify.issuer",
                        "quarkus.http.test-port")
                .containsEntry("quarkus.datasource.username", "faro_sample")
                .containsEntry("mp.jwt.verify.publickey", "NONE")
                .containsEntry("mp.jwt.verify.issuer", "faro-test")
                .containsEntry("quarkus.http.test-port", "0");
        try (Connection connection = DriverManager.getConnection(
                        config.get("quarkus.datasource.jdbc.url"),
                        config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"));
                ResultSet database = connection.createStatement().executeQuery("SELECT current_database()")) {
            database.next();
            assertThat(database.getString(1)).isEqualTo("faro_sample");
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
            assertThat(admin.listTopics().names().get())
                    .containsAll(Topics.all().stream().map(TopicSpec::name).toList());
        }

        String address = UUID.randomUUID() + "@example.org";
        TestInfrastructure infrastructure = TestInfrastructure.current();
        sendMail(infrastructure.smtpHost(), infrastructure.smtpPort(), address);
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        TestInfrastructure.current().inbox().messagesTo(address).size() == 1);
    }

    @Test
    void everyStartReusesTheOneInfrastructureOfThisJvm() {
        Map<String, String> lead = start("faro_reuse_a");
        Map<String, String> email = start("faro_reuse_b");

        assertThat(email.get("kafka.bootstrap.servers")).isEqualTo(lead.get("kafka.bootstrap.servers"));
        assertThat(email.get("mp.jwt.verify.publickey.location"))
                .isEqualTo(lead.get("mp.jwt.verify.publickey.location"));
        assertThat(email.get("quarkus.datasource.jdbc.url")).endsWith("/faro_reuse_b");
    }

    @Test
    void testTokensVerifyWithTheConfiguredPublicKey() {
        Map<String, String> config = start("faro_tokens");
        JwtVerifier verifier =
                new JwtVerifier(RsaKeys.readPublicKey(Path.of(config.get("mp.jwt.verify.publickey.location"))));

        assertThat(verifier.verify(TestTokens.token("admin", "marketer"))).hasValueSatisfying(claims -> {
            assertThat(claims).containsEntry("iss", "faro-test").containsEntry("sub", TestTokens.SUBJECT);
            assertThat(claims.get("groups")).asList().containsExactly("admin", "marketer");
        });
        assertThat(TestTokens.bearer("admin")).startsWith("Bearer ey");
        assertThat(verifier.isValidUntil(TestTokens.expiredToken("admin"), Instant.now()))
                .isFalse();
    }

    @Test
    void theDatabaseArgumentIsRequired() {
        assertThatThrownBy(() -> new FaroInfrastructure().init(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database");
    }

    private static Map<String, String> start(String database) {
        FaroInfrastructure resource = new FaroInfrastructure();
        resource.init(Map.of(FaroInfrastructure.DATABASE, database));
        return resource.start();
    }

    private static void sendMail(String host, int port, String to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom("faro@faro.test");
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Código", "UTF-8");
        message.setText("hola", "UTF-8");
        Transport.send(message);
    }
}
