package dev.faro.analytics.funnel;

import static dev.faro.analytics.funnel.ExpectedFigures.group;
import static dev.faro.analytics.funnel.FunnelClient.uniqueCampaign;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Landing pages, variants and UTM values come from whoever writes a link or posts a form: analytics counts them as
 * they came, markup and SQL included, hands them back verbatim in JSON, defuses those a spreadsheet would run in its
 * CSV, and a NUL, which PostgreSQL cannot store, neither stalls the consumer nor loses the events behind it.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileDimensionsTest {

    private static final Duration CONSUMED = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MARKUP_SOURCE = "<img src=x onerror=alert(1)>";
    static final String SQL_MEDIUM = "'; drop table funnel_fact; --";
    static final String FORMULA_PAGE = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String FORMULA_VARIANT = "-2+3+cmd|' /C calc'!A0";
    static final String NUL_SOURCE = "before\u0000after";

    private String campaign;

    @BeforeEach
    void countHostileVisitsAndALeadOnce() {
        if (campaign != null) {
            return;
        }
        campaign = uniqueCampaign();
        TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
        TimedEvents events = new TimedEvents(campaign);
        Instant now = Instant.now();
        UUID lead = UUID.randomUUID();
        // One key, so one partition: the visit after the NUL is counted only if the NUL did not stall it.
        kafka.publish("v1", events.visit(now, "v1", FORMULA_PAGE, FORMULA_VARIANT, MARKUP_SOURCE, SQL_MEDIUM));
        kafka.publish("v1", events.visit(now, "v1", "a", NUL_SOURCE, "email"));
        kafka.publish("v1", events.visit(now, "v1", "a", "after-the-nul", "email"));
        kafka.publish(
                lead.toString(), events.captured(now, lead, FORMULA_PAGE, FORMULA_VARIANT, MARKUP_SOURCE, SQL_MEDIUM));

        await("the hostile visits and lead of " + campaign).atMost(CONSUMED).untilAsserted(() -> {
            JsonNode totals = funnel(Map.of());
            assertThat(totals.path("visitors").asLong()).isEqualTo(3);
            assertThat(totals.path("leads").asLong()).isEqualTo(1);
        });
    }

    @Test
    void markupAndSqlAreCountedAndReturnedVerbatim() {
        JsonNode bySource = funnel(Map.of("groupBy", "source"));
        assertThat(group(bySource, MARKUP_SOURCE)).as("group %s", MARKUP_SOURCE).isNotNull();
        assertThat(group(bySource, MARKUP_SOURCE).path("visitors").asLong()).isEqualTo(1);
        assertThat(group(bySource, MARKUP_SOURCE).path("leads").asLong()).isEqualTo(1);

        JsonNode byVariant = funnel(Map.of("groupBy", "variant"));
        assertThat(group(byVariant, FORMULA_VARIANT).path("landingPage").asText())
                .isEqualTo(FORMULA_PAGE);
        assertThat(group(funnel(Map.of("groupBy", "page")), FORMULA_PAGE)).isNotNull();
    }

    @Test
    void aNulNeitherStallsTheConsumerNorLosesTheVisit() {
        JsonNode bySource = funnel(Map.of("groupBy", "source"));

        assertThat(group(bySource, "before\uFFFDafter").path("visitors").asLong())
                .isEqualTo(1);
        assertThat(group(bySource, "after-the-nul").path("visitors").asLong()).isEqualTo(1);
    }

    @Test
    void csvDefusesAPageAndAVariantThatASpreadsheetWouldRunAsFormulas() {
        String csv = given().header("Authorization", TestTokens.bearer("marketer"))
                .queryParam("groupBy", "variant")
                .queryParam("format", "csv")
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(List.of(csv.split("\r\n"))).anySatisfy(line -> assertThat(line)
                .startsWith(campaign + ",variant,'" + FORMULA_VARIANT + ",'" + FORMULA_PAGE + ",,1,1,"));
    }

    private JsonNode funnel(Map<String, String> query) {
        String body = given().header("Authorization", TestTokens.bearer("marketer"))
                .queryParams(query)
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }
}
