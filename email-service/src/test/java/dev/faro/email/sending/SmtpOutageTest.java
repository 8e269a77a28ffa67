package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.FreePorts;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An SMTP server that is down holds nothing up: the message waits in the ledger, is retried with backoff while
 * the service stays ready, and once the server is back it is delivered exactly once (counted by Message-ID).
 */
@QuarkusTest
@TestProfile(SmtpOutageTest.OwnSmtpServer.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class SmtpOutageTest {

    /** A port nobody listens on until the test starts its own server there. */
    private static final int SMTP_PORT = FreePorts.find();

    private static GreenMail smtp;

    public static class OwnSmtpServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(SMTP_PORT),
                    "faro.email.sending.initial-backoff", "200ms",
                    "faro.email.sending.max-backoff", "1s",
                    "faro.email.sending.max-attempts", "1000");
        }
    }

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/q/health/ready")
    URI readinessUrl;

    @AfterAll
    static void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anEmailWaitingThroughAnSmtpOutageIsDeliveredOnceWhenTheServerIsBack() throws Exception {
        LeadEvents lead = LeadEvents.fresh();

        lead.captureOn(kafka, "Paciencia Gómez", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("WAIT-0001-CODE"));

        await("the sender retries while the SMTP server is down")
                .atMost(Duration.ofSeconds(30))
                .until(() -> attempts(lead) >= 3);
        assertThat(status(lead)).isIn("pending", "attempting");
        HttpResponse<String> readiness = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(readinessUrl).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).as("readiness during the outage").isEqualTo(200);

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        await("delivery once the server is back")
                .atMost(Duration.ofSeconds(30))
                .until(() -> messageIdsTo(lead).size() == 1);
        await("no second copy")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> messageIdsTo(lead).size() == 1 && "sent".equals(status(lead)));
        assertThat(messageIdsTo(lead)).containsExactly("<incentive.0." + lead.leadId() + "@faro.local>");
    }

    private List<String> messageIdsTo(LeadEvents lead) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isTo(message, lead.email()))
                .map(SmtpOutageTest::messageId)
                .toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().contains(address));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int attempts(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<?>) entityManager
                        .createNativeQuery(
                                "select attempts from send_ledger where lead_id = :lead and message_kind = 'incentive'")
                        .setParameter("lead", lead.leadId())
                        .getResultList())
                .stream()
                        .mapToInt(value -> ((Number) value).intValue())
                        .findFirst()
                        .orElse(0));
    }

    private String status(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<?>) entityManager
                        .createNativeQuery(
                                "select status from send_ledger where lead_id = :lead and message_kind = 'incentive'")
                        .setParameter("lead", lead.leadId())
                        .getResultList())
                .stream().map(String::valueOf).findFirst().orElse(""));
    }
}
