package dev.faro.email.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.faro.email.LeadEvents;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class PrivacyEndpointTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @TestHTTPResource("/api/privacy/leads/")
    URL privacy;

    @Test
    void adminSeesTheContactAndTheMessagesSentToALead() {
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, "Lucía García", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("SEEN-0001-CODE"));

        JsonNode held = await().atMost(DELIVERY).until(() -> held(lead.leadId()), body -> "sent"
                .equals(message(body, "incentive").path("status").asText()));

        assertThat(held.path("leadId").asText()).isEqualTo(lead.key());
        assertThat(held.path("erased").asBoolean()).isFalse();
        assertThat(held.at("/contact/email").asText()).isEqualTo(lead.email());
        assertThat(held.at("/contact/name").asText()).isEqualTo("Lucía García");
        assertThat(held.at("/contact/locale").asText()).isEqualTo("es");
        // The demo campaign's nurture sequence has its first step waiting, a day after capture.
        assertThat(held.path("messages")).hasSize(2);
        assertThat(message(held, "nurture").path("status").asText()).isEqualTo("pending");
        JsonNode message = message(held, "incentive");
        assertThat(message.path("step").asInt()).isZero();
        assertThat(message.path("messageId").asText()).isEqualTo("<incentive.0." + lead.leadId() + "@faro.local>");
        assertThat(message.path("sentAt").isTextual()).isTrue();
    }

    @Test
    void afterErasureTheContactIsGoneAndOnlyTheFactOfASendRemains() {
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, "Olvido Ruiz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("GONE-0002-CODE"));
        await().atMost(DELIVERY).until(() -> held(lead.leadId()), body -> "sent"
                .equals(message(body, "incentive").path("status").asText()));

        kafka.publish(lead.key(), lead.erased());

        JsonNode held = await().atMost(Duration.ofSeconds(10))
                .until(() -> held(lead.leadId()), body -> body.path("erased").asBoolean());
        assertThat(held.path("contact").isNull()).isTrue();
        // The nurture step that was still waiting is gone with the contact.
        assertThat(held.path("messages")).hasSize(1);
        assertThat(message(held, "incentive").path("status").asText()).isEqualTo("sent");
    }

    @Test
    void onlyAnAdminMayReadWhatIsHeldOnALead() throws Exception {
        UUID leadId = UUID.randomUUID();

        HttpResponse<String> anonymous = get(leadId, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(get(leadId, TestTokens.bearer(Roles.MARKETER)).statusCode()).isEqualTo(403);
        JsonNode nothing = held(leadId);
        assertThat(nothing.path("contact").isNull()).isTrue();
        assertThat(nothing.path("messages")).isEmpty();
    }

    /** The held message of {@code kind}, or a missing node. */
    private static JsonNode message(JsonNode held, String kind) {
        for (JsonNode message : held.path("messages")) {
            if (kind.equals(message.path("kind").asText())) {
                return message;
            }
        }
        return MissingNode.getInstance();
    }

    private JsonNode held(UUID leadId) throws IOException, InterruptedException {
        HttpResponse<String> response = get(leadId, TestTokens.bearer(Roles.ADMIN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(UUID leadId, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(privacy + leadId.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
