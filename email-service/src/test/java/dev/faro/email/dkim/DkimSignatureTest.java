package dev.faro.email.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faro.email.LeadEvents;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signs with a key made for the test, configured the way production is (FARO_DKIM_*), and checks the mail that
 * reaches the SMTP server with Apache James jDKIM, an implementation independent of the mailer's, whose key lookup
 * answers with the test's public key instead of asking DNS.
 */
@QuarkusTest
@TestProfile(DkimSignatureTest.DkimSigning.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class DkimSignatureTest {

    private static final String DOMAIN = "faro.example.org";
    private static final String SELECTOR = "faro2026";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    public static class DkimSigning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.host",
                    "127.0.0.1",
                    "quarkus.mailer.port",
                    String.valueOf(DkimTestKey.smtpPort()),
                    "FARO_DKIM_ENABLED",
                    "true",
                    "FARO_DKIM_DOMAIN",
                    DOMAIN,
                    "FARO_DKIM_SELECTOR",
                    SELECTOR,
                    "FARO_DKIM_PRIVATE_KEY",
                    DkimTestKey.privateKey());
        }
    }

    private static GreenMail smtp;

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @BeforeAll
    static void startServer() {
        smtp = new GreenMail(new ServerSetup(DkimTestKey.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Test
    void incentiveEmailCarriesASignatureOfTheConfiguredDomainAndSelectorOverItsUnsubscribeHeaders() {
        byte[] raw = incentiveEmailTo(LeadEvents.fresh());

        Map<String, String> signature = tags(header(raw, "DKIM-Signature").orElseThrow());
        assertThat(signature).containsEntry("d", DOMAIN).containsEntry("s", SELECTOR);
        assertThat(signature.get("c")).isEqualTo("relaxed/relaxed");
        assertThat(Arrays.stream(signature.get("h").split(":"))
                        .map(name -> name.trim().toLowerCase(Locale.ROOT))
                        .toList())
                .contains("from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post");
        assertThat(header(raw, "List-Unsubscribe").orElseThrow())
                .as("without faro.email.unsubscribe-mailto, the HTTPS link alone")
                .matches("<https://email\\.faro\\.test/api/unsubscribe/[^>]+>");
    }

    @Test
    void signatureVerifiesWithTheDomainsPublishedKey() throws Exception {
        byte[] raw = incentiveEmailTo(LeadEvents.fresh());

        List<SignatureRecord> verified = verify(raw);

        assertThat(verified).hasSize(1);
        assertThat(verified.get(0).getDToken().toString()).isEqualTo(DOMAIN);
        assertThat(verified.get(0).getSelector().toString()).isEqualTo(SELECTOR);
    }

    @Test
    void bodyChangedAfterSigningFailsVerification() {
        byte[] raw = incentiveEmailTo(LeadEvents.fresh());
        String message = new String(raw, StandardCharsets.US_ASCII);
        String tampered = message.replace("SIGN-0001-CODE", "FAKE-9999-CODE");
        assertThat(tampered).isNotEqualTo(message);

        assertThat(verificationFailure(tampered.getBytes(StandardCharsets.US_ASCII)))
                .hasValueSatisfying(reason -> assertThat(reason).containsIgnoringCase("body"));
    }

    @Test
    void swappedUnsubscribeLinkFailsVerification() {
        byte[] raw = incentiveEmailTo(LeadEvents.fresh());
        String message = new String(raw, StandardCharsets.US_ASCII);
        String tampered = message.replace(
                "List-Unsubscribe: <https://email.faro.test/", "List-Unsubscribe: <https://evil.example/");
        assertThat(tampered).isNotEqualTo(message);

        assertThat(verificationFailure(tampered.getBytes(StandardCharsets.US_ASCII)))
                .isPresent();
    }

    /** Publishes a lead and its incentive, and returns the email as the SMTP server received it, byte for byte. */
    private byte[] incentiveEmailTo(LeadEvents lead) {
        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("SIGN-0001-CODE"));
        MimeMessage received = await().atMost(DELIVERY)
                .until(() -> receivedBy(lead.email()), Optional::isPresent)
                .orElseThrow();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            received.writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<MimeMessage> receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(recipient -> recipient.toString().contains(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst();
    }

    private static List<SignatureRecord> verify(byte[] raw) throws IOException, FailException {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> {
            if (SELECTOR.contentEquals(selector) && DOMAIN.contentEquals(domain)) {
                return List.of("v=DKIM1; k=rsa; p=" + DkimTestKey.publicKey());
            }
            return List.of();
        });
        List<SignatureRecord> verified = verifier.verify(new ByteArrayInputStream(raw));
        return verified == null ? List.of() : verified;
    }

    /** Why the message fails verification, or empty when it passes. */
    private static Optional<String> verificationFailure(byte[] raw) {
        try {
            List<SignatureRecord> verified = verify(raw);
            return verified.isEmpty() ? Optional.of("no valid signature") : Optional.empty();
        } catch (FailException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The unfolded value of the first header so named. */
    private static Optional<String> header(byte[] raw, String name) {
        String headers = new String(raw, StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        String unfolded = headers.replaceAll("\r\n[ \t]+", " ");
        return Arrays.stream(unfolded.split("\r\n"))
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst();
    }

    /** The tag=value pairs of a DKIM-Signature, whitespace removed as RFC 6376 allows. */
    private static Map<String, String> tags(String signature) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : signature.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                tags.put(
                        pair.substring(0, equals).trim(),
                        pair.substring(equals + 1).replaceAll("\\s+", ""));
            }
        }
        return tags;
    }
}
