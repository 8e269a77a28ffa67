package dev.faro.analytics.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.EventType;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one thing analytics keeps about a lead, where it came from, is in its export until the lead is erased. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class LeadAttributionPrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());

    @Test
    void aCapturedLeadsAttributionIsExportedUntilTheLeadIsErased() {
        UUID leadId = UUID.randomUUID();
        kafka.publish(leadId.toString(), GoldenEvents.fresh(EventType.LEAD_CAPTURED, Map.of("leadId", leadId)));

        JsonNode held = await().atMost(Duration.ofSeconds(30))
                .until(() -> held(leadId), body -> body.path("holdsPersonalData")
                        .asBoolean());
        assertThat(held.at("/attribution/campaign").asText()).isEqualTo("demo");
        assertThat(held.at("/attribution/landingPage").asText()).isEqualTo("redes-sociales");
        assertThat(held.at("/attribution/variant").asText()).isEqualTo("a");
        assertThat(held.at("/attribution/source").asText()).isEqualTo("newsletter");
        assertThat(held.at("/attribution/medium").asText()).isEqualTo("email");
        assertThat(held.at("/counted/leads").asLong())
                .as("the capture counted for the lead")
                .isEqualTo(1);

        kafka.publish(
                leadId.toString(),
                GoldenEvents.fresh(
                        EventType.LEAD_ERASED,
                        Map.of("leadId", leadId, "campaign", "demo", "reason", "admin-request")));

        JsonNode erased = await().atMost(Duration.ofSeconds(30))
                .until(() -> held(leadId), body -> !body.path("holdsPersonalData")
                        .asBoolean(true));
        assertThat(erased.path("attribution").isNull()).isTrue();
        assertThat(erased.path("counted").isEmpty())
                .as("counts per lead after erasure")
                .isTrue();
    }

    private static JsonNode held(UUID leadId) throws Exception {
        String body = RestAssured.given()
                .header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/api/privacy/leads/{id}", leadId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return JSON.readTree(body);
    }
}
