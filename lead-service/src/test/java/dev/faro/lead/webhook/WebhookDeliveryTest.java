package dev.faro.lead.webhook;

import static dev.faro.lead.webhook.Webhooks.capture;
import static dev.faro.lead.webhook.Webhooks.create;
import static dev.faro.lead.webhook.Webhooks.deliveries;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.lead.leads.TestLeads;
import dev.faro.lead.webhook.WebhookReceiver.Received;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern SIGNATURE = Pattern.compile("^t=(\\d+),v1=([0-9a-f]{64})$");

    @Inject
    TestLeads leads;

    @Inject
    LeadWebhooks leadWebhooks;

    @Inject
    WebhookConfig config;

    @Inject
    EntityManager entityManager;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void capturedLeadReachesTheReceiverSignedAndTheDeliveryLogShowsIt() throws Exception {
        String campaign = leads.campaign();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath webhook = create(campaign, receiver.url(), "lead.captured");

            String leadId = capture(
                    campaign,
                    Map.of("name", "Lucía", "company", "Acme", "variant", "b", "utm", Map.of("source", "newsletter")));

            Received request = awaitRequests(receiver, 1).get(0);
            assertSignedWith(webhook.getString("secret"), request);
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("Faro-Event")).isEqualTo("lead.captured");
            String deliveryId = request.header("Faro-Delivery");
            JsonNode body = json.readTree(request.body());
            assertThat(body.path("event").asText()).isEqualTo("lead.captured");
            assertThat(body.path("deliveryId").asText()).isEqualTo(deliveryId);
            assertThat(Instant.parse(body.path("occurredAt").asText())).isCloseTo(Instant.now(), within(PATIENCE));
            JsonNode lead = body.path("lead");
            assertThat(lead.path("id").asText()).isEqualTo(leadId);
            assertThat(lead.path("campaign").asText()).isEqualTo(campaign);
            assertThat(lead.path("email").asText()).startsWith("lead-");
            assertThat(lead.path("name").asText()).isEqualTo("Lucía");
            assertThat(lead.path("company").asText()).isEqualTo("Acme");
            assertThat(lead.path("locale").asText()).isEqualTo("es");
            assertThat(lead.path("timeZone").asText()).isEqualTo("Europe/Madrid");
            assertThat(lead.path("status").asText()).isEqualTo("confirmed");
            assertThat(lead.path("consent").path("marketing").asBoolean()).isTrue();
            assertThat(lead.path("attribution").path("variant").asText()).isEqualTo("b");
            assertThat(lead.path("utm").path("source").asText()).isEqualTo("newsletter");

            JsonPath log = awaitDelivery(campaign, webhook.getString("id"), "delivered");
            assertThat(log.getString("[0].id")).isEqualTo(deliveryId);
            assertThat(log.getString("[0].event")).isEqualTo("lead.captured");
            assertThat(log.getString("[0].leadId")).isEqualTo(leadId);
            assertThat(log.getInt("[0].attempts")).isEqualTo(1);
            assertThat(log.getString("[0].completedAt")).isNotNull();
            assertThat(log.getInt("[0].attemptLog[0].attempt")).isEqualTo(1);
            assertThat(log.getInt("[0].attemptLog[0].statusCode")).isEqualTo(200);
            assertThat(log.getString("[0].attemptLog[0].attemptedAt")).isNotNull();
            assertThat(log.getLong("[0].attemptLog[0].durationMs")).isNotNegative();
        }
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("faro_webhook_deliveries_total\\{[^}]*outcome=\"delivered\"[^}]*\\} [1-9]");
    }

    @Test
    void receiverFailingTwiceGetsTheDeliveryOnTheThirdAttemptWithTheSameDeliveryId() throws Exception {
        String campaign = leads.campaign();
        try (WebhookReceiver receiver = new WebhookReceiver().answering(500, 503)) {
            JsonPath webhook = create(campaign, receiver.url(), "lead.captured");

            String leadId = capture(campaign, Map.of());

            List<Received> requests = awaitRequests(receiver, 3);
            assertThat(requests)
                    .extracting(r -> r.header("Faro-Delivery"))
                    .containsOnly(requests.get(0).header("Faro-Delivery"));
            requests.forEach(request -> assertSignedWith(webhook.getString("secret"), request));
            assertThat(requests).allSatisfy(r -> assertThat(r.body()).contains(leadId));
            JsonPath log = awaitDelivery(campaign, webhook.getString("id"), "delivered");
            assertThat(log.getList("[0].attemptLog.statusCode", Integer.class)).containsExactly(500, 503, 200);
            assertThat(log.getInt("[0].attempts")).isEqualTo(3);
        }
    }

    @Test
    void deliveryToAReceiverThatIsDownIsRetriedThenFailsAfterTheLastAttempt() throws Exception {
        String campaign = leads.campaign();
        WebhookReceiver receiver = new WebhookReceiver();
        JsonPath webhook = create(campaign, receiver.url(), "lead.captured");
        receiver.close();

        capture(campaign, Map.of());

        int maxAttempts = config.dispatch().maxAttempts();
        JsonPath log = awaitDelivery(campaign, webhook.getString("id"), "failed");
        assertThat(log.getInt("[0].attempts")).isEqualTo(maxAttempts);
        assertThat(log.getList("[0].attemptLog.attempt", Integer.class))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, maxAttempts).boxed().toList());
        assertThat(log.getList("[0].attemptLog.error", String.class)).containsOnly("connection refused");
        assertThat(log.getList("[0].attemptLog.statusCode")).containsOnlyNulls();
        assertThat(log.getString("[0].nextAttemptAt")).isNull();
    }

    @Test
    void receiverTooSlowToAnswerIsTriedAgain() throws Exception {
        String campaign = leads.campaign();
        Duration timeout = config.dispatch().requestTimeout();
        try (WebhookReceiver receiver = new WebhookReceiver().delayingNextAnswerBy(timeout.plusSeconds(1))) {
            JsonPath webhook = create(campaign, receiver.url(), "lead.captured");

            capture(campaign, Map.of());

            JsonPath log = awaitDelivery(campaign, webhook.getString("id"), "delivered");
            assertThat(log.getString("[0].attemptLog[0].error"))
                    .isEqualTo("no answer within " + timeout.toMillis() + " ms");
            assertThat(log.getLong("[0].attemptLog[0].durationMs")).isGreaterThanOrEqualTo(timeout.toMillis());
            assertThat(log.getInt("[0].attemptLog[1].statusCode")).isEqualTo(200);
        }
    }

    @Test
    void leadErasedBeforeItsDeliveryIsNeverSent() throws Exception {
        String campaign = leads.campaign();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath webhook = create(campaign, receiver.url(), "lead.captured");
            // The dispatcher works one delivery at a time: while the receiver holds the first, the second waits.
            receiver.hold();
            String first = capture(campaign, Map.of());
            awaitRequests(receiver, 1);

            String erased = capture(campaign, Map.of());
            assertThat(deliveries(campaign, webhook.getString("id")).getList("leadId", String.class))
                    .as("queued, waiting behind the held one")
                    .contains(erased);
            leads.erase(UUID.fromString(erased));
            receiver.release();
            String last = capture(campaign, Map.of());

            await("the delivery after the erased lead's").atMost(PATIENCE).until(() -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains(last)));
            assertThat(receiver.received()).noneMatch(r -> r.body().contains(erased));
            assertThat(receiver.received()).anyMatch(r -> r.body().contains(first));
            assertThat(deliveries(campaign, webhook.getString("id")).getList("leadId", String.class))
                    .doesNotContain(erased)
                    .contains(first, last);
        }
    }

    @Test
    void confirmationReachesOnlyTheWebhooksSubscribedToItOnce() throws Exception {
        String campaign = leads.campaign();
        try (WebhookReceiver confirmations = new WebhookReceiver();
                WebhookReceiver captures = new WebhookReceiver()) {
            JsonPath confirmed = create(campaign, confirmations.url(), "lead.confirmed");
            JsonPath captured = create(campaign, captures.url(), "lead.captured");
            UUID lead = leads.insert(campaign, Map.of("status", "pending"));
            Instant at = Instant.parse("2026-11-26T10:00:00Z");

            int queued = QuarkusTransaction.requiringNew().call(() -> {
                entityManager
                        .createNativeQuery("update lead set status = 'confirmed', confirmed_at = :at where id = :id")
                        .setParameter("at", at)
                        .setParameter("id", lead)
                        .executeUpdate();
                return leadWebhooks.leadConfirmed(lead, campaign, at);
            });
            int queuedAgain =
                    QuarkusTransaction.requiringNew().call(() -> leadWebhooks.leadConfirmed(lead, campaign, at));

            assertThat(queued).isEqualTo(1);
            assertThat(queuedAgain).isZero();
            Received request = awaitRequests(confirmations, 1).get(0);
            assertSignedWith(confirmed.getString("secret"), request);
            assertThat(request.header("Faro-Event")).isEqualTo("lead.confirmed");
            JsonNode body = json.readTree(request.body());
            assertThat(body.path("event").asText()).isEqualTo("lead.confirmed");
            assertThat(body.path("occurredAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
            assertThat(body.path("lead").path("status").asText()).isEqualTo("confirmed");
            assertThat(body.path("lead").path("confirmedAt").asText()).isEqualTo("2026-11-26T10:00:00Z");
            awaitDelivery(campaign, confirmed.getString("id"), "delivered");
            assertThat(deliveries(campaign, captured.getString("id")).getList("$"))
                    .isEmpty();
            assertThat(captures.received()).isEmpty();
        }
    }

    private static List<Received> awaitRequests(WebhookReceiver receiver, int count) {
        await("%d requests at the receiver".formatted(count))
                .atMost(PATIENCE)
                .until(() -> receiver.received().size() >= count);
        return receiver.received();
    }

    /** Waits until the webhook's latest delivery has this status; returns the delivery log. */
    private static JsonPath awaitDelivery(String campaign, String webhookId, String status) {
        await("a delivery " + status)
                .atMost(PATIENCE)
                .until(() -> status.equals(deliveries(campaign, webhookId).getString("[0].status")));
        return deliveries(campaign, webhookId);
    }

    /** Verifies Faro-Signature as a receiver would, from the documented scheme rather than Faro's own code. */
    private static void assertSignedWith(String secret, Received request) {
        Matcher signature = SIGNATURE.matcher(request.header("Faro-Signature"));
        assertThat(signature.matches())
                .as("Faro-Signature %s", request.header("Faro-Signature"))
                .isTrue();
        long timestamp = Long.parseLong(signature.group(1));
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), within(300L));
        byte[] expected = hmacSha256(secret, timestamp + "." + request.body());
        assertThat(MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.group(2))))
                .as("signature matches the body")
                .isTrue();
    }

    private static byte[] hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
