package dev.faro.email.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.inbox.DeadLetterQueue;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A DigestReady from analytics-service reaches each of its recipients as one email: Faro's frame around the
 * report, the chart inline, in the recipient's language, once however often the event is delivered.
 */
@QuarkusTest
@TestProfile(DigestEmailTest.OwnSmtpServer.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class DigestEmailTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "still exactly one" is watched for after the first email arrived. */
    private static final Duration NO_SECOND_EMAIL = Duration.ofSeconds(4);

    private static final String CHART_CID = "digest-chart@faro.local";
    private static final String SPANISH_SUBJECT = "¿Qué tal va la campaña? Año de señales: 42 leads";

    public static class OwnSmtpServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(DigestSmtpServer.port()));
        }
    }

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/api/admin/campaigns/demo/templates/digest/es")
    URI digestTemplateUrl;

    @Test
    void goldenDigestArrivesAsOneSpanishEmailWithItsChartInlineAndATextPart() throws Exception {
        UUID digestId = UUID.randomUUID();
        String marketer = address(digestId, "ana");
        byte[] png = TestCharts.png();

        kafka.publish("demo", digest(digestId, List.of(recipient(marketer, "es")), SPANISH_SUBJECT, png, null));

        MimeMessage email = theOnlyEmailTo(marketer);
        assertThat(email.getSubject()).isEqualTo(SPANISH_SUBJECT);
        assertThat(email.getMessageID()).isEqualTo(messageId(digestId, marketer));
        assertThat(email.getHeader("List-Unsubscribe")).isNull();
        Part related = MimeParts.ofType(email, "multipart/related").get(0);
        List<Part> relatedParts = MimeParts.children(related);
        assertThat(relatedParts).hasSize(2);
        Part html = relatedParts.get(0);
        Part chart = relatedParts.get(1);
        assertThat(MimeParts.is(html, "text/html")).isTrue();
        assertThat(MimeParts.text(html))
                .contains("Faro · Campaña demo")
                .contains("Resumen del 19 al 25 de noviembre de 2026")
                .contains("<p>Leads: 42</p>")
                .contains("<img src=\"cid:" + CHART_CID + "\"")
                .contains("Recibes este resumen porque figuras entre los destinatarios");
        assertThat(MimeParts.is(chart, "image/png")).isTrue();
        assertThat(MimeParts.header(chart, "Content-ID")).isEqualTo("<" + CHART_CID + ">");
        assertThat(MimeParts.bytes(chart)).isEqualTo(png);
        List<Part> texts = MimeParts.ofType(email, "text/plain");
        assertThat(texts).hasSize(1);
        assertThat(MimeParts.text(texts.get(0)))
                .contains("Resumen del 19 al 25 de noviembre de 2026")
                .contains("Leads: 42")
                .contains("El gráfico está en la versión HTML de este correo.");
    }

    @Test
    void redeliveredDigestSendsNothingMore() throws Exception {
        UUID digestId = UUID.randomUUID();
        String marketer = address(digestId, "ana");
        EventEnvelope event = digest(digestId, List.of(recipient(marketer, "es")), "Resumen semanal: demo", null, null);

        kafka.publish("demo", event);
        kafka.publish("demo", event);
        // The same digest again under a new event id, as a producer retrying after a crash would publish it.
        kafka.publish(
                "demo", digest(digestId, List.of(recipient(marketer, "es")), "Resumen semanal: demo", null, null));

        assertThat(theOnlyEmailTo(marketer).getMessageID()).isEqualTo(messageId(digestId, marketer));
        await().during(NO_SECOND_EMAIL).atMost(NO_SECOND_EMAIL.plusSeconds(5)).until(() -> messageIds(marketer)
                .equals(List.of(messageId(digestId, marketer))));
    }

    @Test
    void twoRecipientsGetOneEmailEachInTheirOwnLanguage() throws Exception {
        UUID digestId = UUID.randomUUID();
        String spanish = address(digestId, "ana");
        String english = address(digestId, "ben");

        kafka.publish(
                "demo",
                digest(
                        digestId,
                        List.of(recipient(spanish, "es"), recipient(english, "en-GB")),
                        "Resumen semanal: demo",
                        null,
                        null));

        MimeMessage es = theOnlyEmailTo(spanish);
        MimeMessage en = theOnlyEmailTo(english);
        assertThat(es.getAllRecipients()).hasSize(1);
        assertThat(en.getAllRecipients()).hasSize(1);
        assertThat(es.getMessageID()).isNotEqualTo(en.getMessageID());
        assertThat(html(es)).contains("Resumen del 19 al 25 de noviembre de 2026");
        assertThat(html(en))
                .contains("Summary for 19–25 November 2026")
                .contains("You get this summary because you are one of the digest recipients");
    }

    @Test
    void scriptInTheAnalyticsHtmlDoesNotReachTheEmail() throws Exception {
        UUID digestId = UUID.randomUUID();
        String marketer = address(digestId, "ana");
        String hostile = "<p onclick=\"steal()\">Leads: 42</p><script>alert('digest')</script>"
                + "<a href=\"javascript:alert(1)\">panel</a>";

        kafka.publish("demo", digest(digestId, List.of(recipient(marketer, "es")), "Resumen", null, hostile));

        String html = html(theOnlyEmailTo(marketer));
        assertThat(html)
                .contains("<p>Leads: 42</p>")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("alert")
                .doesNotContain("onclick")
                .doesNotContain("javascript:");
    }

    @Test
    void chartThatIsNotAPngIsDroppedAndTheDigestArrivesWithoutIt() throws Exception {
        UUID digestId = UUID.randomUUID();
        String marketer = address(digestId, "ana");

        kafka.publish("demo", digest(digestId, List.of(recipient(marketer, "es")), "Resumen", TestCharts.gif(), null));

        MimeMessage email = theOnlyEmailTo(marketer);
        assertThat(MimeParts.ofType(email, "image/*")).isEmpty();
        assertThat(MimeParts.ofType(email, "multipart/related")).isEmpty();
        assertThat(html(email)).contains("<p>Leads: 42</p>").doesNotContain("cid:");
    }

    @Test
    void digestIsNotReportedAsEmailSent() throws Exception {
        UUID digestId = UUID.randomUUID();
        String marketer = address(digestId, "ana");
        UUID ledgerKey = DigestAddresses.ledgerKey(digestId, marketer);

        kafka.publish("demo", digest(digestId, List.of(recipient(marketer, "es")), "Resumen", null, null));

        theOnlyEmailTo(marketer);
        await().atMost(DELIVERY).until(() -> "sent".equals(ledgerStatus(ledgerKey)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> kafka.records(
                        Topics.EMAILS.name(), r -> ledgerKey.toString().equals(r.key()))
                .isEmpty());
    }

    @Test
    void recipientWithoutAUsableAddressIsLeftOutAndTheOthersStillGetIt() throws Exception {
        UUID digestId = UUID.randomUUID();
        String marketer = address(digestId, "ana");
        String dotless = "ops-" + digestId + "@localhost";

        kafka.publish(
                "demo",
                digest(digestId, List.of(recipient(dotless, "es"), recipient(marketer, "es")), "Resumen", null, null));

        theOnlyEmailTo(marketer);
        assertThat(DigestSmtpServer.messagesTo(dotless)).isEmpty();
        assertThat(ledgerStatus(DigestAddresses.ledgerKey(digestId, dotless))).isNull();
    }

    @Test
    void digestWithNoUsableAddressIsDeadLettered() {
        UUID digestId = UUID.randomUUID();
        String dotless = "ops-" + digestId + "@localhost";

        kafka.publish("demo", digest(digestId, List.of(recipient(dotless, "es")), "Resumen", null, null));

        assertThat(deadLettered(digestId))
                .satisfies(parked -> assertThat(TestKafka.header(parked, DeadLetterQueue.REASON_HEADER))
                        .contains("SCHEMA_INVALID"))
                .satisfies(parked -> assertThat(TestKafka.header(parked, DeadLetterQueue.DETAIL_HEADER))
                        .hasValueSatisfying(detail -> assertThat(detail).contains("no recipient has a valid address")));
        assertThat(ledgerStatus(DigestAddresses.ledgerKey(digestId, dotless))).isNull();
    }

    @Test
    void digestForMoreThanFiftyRecipientsIsDeadLetteredAndNobodyGetsIt() {
        UUID digestId = UUID.randomUUID();
        List<Map<String, String>> recipients = IntStream.range(0, 51)
                .mapToObj(i -> recipient(address(digestId, "m" + i), "es"))
                .toList();

        kafka.publish("demo", digest(digestId, recipients, "Resumen", null, null));

        assertThat(TestKafka.header(deadLettered(digestId), DeadLetterQueue.DETAIL_HEADER))
                .hasValueSatisfying(detail -> assertThat(detail).contains("51 recipients, at most 50"));
        assertThat(DigestSmtpServer.messagesTo(address(digestId, "m0"))).isEmpty();
        assertThat(ledgerStatus(DigestAddresses.ledgerKey(digestId, address(digestId, "m0"))))
                .isNull();
    }

    @Test
    void campaignsCannotOverrideTheDigestFrame() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(digestTemplateUrl)
                                .header("Authorization", TestTokens.bearer(Roles.MARKETER))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(
                                        "{\"subject\": \"Otro\", \"html\": \"<p>{digest.heading}</p>\","
                                                + " \"text\": \"{digest.heading}\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no template named digest");
    }

    /** The golden DigestReady with this digest's id, recipients and subject, a chart, and optionally other HTML. */
    private static EventEnvelope digest(
            UUID digestId, List<Map<String, String>> recipients, String subject, byte[] chart, String html) {
        Map<String, Object> data = new HashMap<>();
        data.put("digestId", digestId);
        data.put("recipients", recipients);
        data.put("subject", subject);
        if (chart != null) {
            data.put("chartPngBase64", Base64.getEncoder().encodeToString(chart));
        }
        if (html != null) {
            data.put("html", html);
        }
        return GoldenEvents.fresh(EventType.DIGEST_READY, data);
    }

    private static Map<String, String> recipient(String address, String locale) {
        return Map.of("email", address, "locale", locale, "timeZone", "Europe/Madrid");
    }

    /** An address only this digest's mail goes to. */
    private static String address(UUID digestId, String who) {
        return who + "-" + digestId + "@example.org";
    }

    private static String messageId(UUID digestId, String address) {
        return "<digest.0." + DigestAddresses.ledgerKey(digestId, address) + "@faro.local>";
    }

    /** Waits for the address's email, then checks no second one follows. */
    private static MimeMessage theOnlyEmailTo(String address) {
        await().atMost(DELIVERY)
                .until(() -> !DigestSmtpServer.messagesTo(address).isEmpty());
        return await().during(NO_SECOND_EMAIL)
                .atMost(NO_SECOND_EMAIL.plusSeconds(5))
                .until(() -> DigestSmtpServer.messagesTo(address), received -> received.size() == 1)
                .get(0);
    }

    private static List<String> messageIds(String address) {
        return DigestSmtpServer.messagesTo(address).stream()
                .map(message -> {
                    try {
                        return message.getMessageID();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String html(MimeMessage email) {
        List<Part> html = MimeParts.ofType(email, "text/html");
        assertThat(html).hasSize(1);
        return MimeParts.text(html.get(0));
    }

    private ConsumerRecord<String, String> deadLettered(UUID digestId) {
        List<ConsumerRecord<String, String>> parked = await().atMost(DELIVERY)
                .until(
                        () -> kafka.records(
                                Topics.DEAD_LETTER.name(), r -> r.value().contains(digestId.toString())),
                        records -> !records.isEmpty());
        assertThat(parked).hasSize(1);
        return parked.get(0);
    }

    /** The status of the ledger row with this key, or null when there is none. */
    private String ledgerStatus(UUID ledgerKey) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<?>) entityManager
                        .createNativeQuery(
                                "select status from send_ledger where lead_id = :key and message_kind = 'digest'")
                        .setParameter("key", ledgerKey)
                        .getResultList())
                .stream().map(String::valueOf).findFirst().orElse(null));
    }
}
