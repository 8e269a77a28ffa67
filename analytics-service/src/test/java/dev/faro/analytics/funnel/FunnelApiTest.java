package dev.faro.analytics.funnel;

import static dev.faro.analytics.funnel.FunnelClient.countsOf;
import static dev.faro.analytics.funnel.FunnelClient.funnelAs;
import static dev.faro.analytics.funnel.FunnelClient.uniqueCampaign;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunnelApiTest {

    private String campaign;

    /** A campaign with one lead counted, so the API has something to show; set up once for all tests. */
    @BeforeEach
    void countOneLead() {
        if (campaign != null) {
            return;
        }
        campaign = uniqueCampaign();
        LeadJourney.of(campaign)
                .publishTo(new TestKafka(TestInfrastructure.current().kafkaBootstrap()));
        await("funnel of " + campaign).atMost(Duration.ofSeconds(30)).until(() -> countsOf(campaign), equalTo("1/1/1"));
    }

    @Test
    void marketerReadsTheFunnelAsJson() {
        funnelAs("marketer", campaign)
                .statusCode(200)
                .contentType("application/json")
                .body("campaign", equalTo(campaign))
                .body("leads", equalTo(1))
                .body("incentivesIssued", equalTo(1))
                .body("emailsSent", equalTo(1));
    }

    @Test
    void adminReadsTheFunnelToo() {
        funnelAs("admin", campaign).statusCode(200).body("leads", equalTo(1));
    }

    @Test
    void readingTheFunnelWithoutATokenIsUnauthorized() {
        given().when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void expiredOrForgedTokensAreUnauthorizedWithAProblem() {
        for (String token : List.of(TestTokens.expiredToken("marketer"), TestTokens.token("marketer") + "x")) {
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get("/api/campaigns/{campaign}/funnel", campaign)
                    .then()
                    .statusCode(401)
                    .contentType(Problem.MEDIA_TYPE)
                    .header("WWW-Authenticate", "Bearer");
        }
    }

    @Test
    void shopRoleMayNotReadTheFunnel() {
        funnelAs("shop", campaign).statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void campaignAnalyticsNeverSawIsNotFound() {
        funnelAs("marketer", uniqueCampaign()).statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void campaignThatIsNotASlugIsRejected() {
        funnelAs("marketer", "Not_A_Slug")
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("campaign"));
    }

    @Test
    void fromThatIsNotAnIsoDateIsRejected() {
        asMarketer()
                .queryParam("from", "26/11/2026")
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void rangeEndingBeforeItStartsIsRejected() {
        asMarketer()
                .queryParam("from", "2026-11-02")
                .queryParam("to", "2026-11-01")
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("to"));
    }

    @Test
    void aDateWithSqlOrOutsideTheCalendarIsRejectedNamingItsParameter() {
        List<String> hostile = List.of(
                "2026-11-01' OR '1'='1",
                "2026-11-01; drop table funnel_fact; --",
                "<script>alert(1)</script>",
                "2026-11-01\u0000",
                // ISO years beyond 9999 and before 1, some past the dates PostgreSQL can hold.
                "+999999999-12-31",
                "-999999999-01-01",
                "+5874898-01-01",
                "-4714-01-01",
                "+10000-01-01");
        for (String parameter : List.of("from", "to")) {
            for (String value : hostile) {
                asMarketer()
                        .queryParam(parameter, value)
                        .queryParam("groupBy", "day")
                        .when()
                        .get("/api/campaigns/{campaign}/funnel", campaign)
                        .then()
                        .statusCode(400)
                        .contentType(Problem.MEDIA_TYPE)
                        .body("errors.field", contains(parameter));
            }
        }
    }

    @Test
    void aGroupByOrFormatWithSqlIsRejectedNamingIt() {
        for (String groupBy : List.of("day; drop table funnel_fact; --", "variant) --", "landing_page", "day\u0000")) {
            asMarketer()
                    .queryParam("groupBy", groupBy)
                    .when()
                    .get("/api/campaigns/{campaign}/funnel", campaign)
                    .then()
                    .statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", contains("groupBy"));
        }
        for (String format : List.of("csv' --", "csv\u0000", "<script>")) {
            asMarketer()
                    .queryParam("format", format)
                    .when()
                    .get("/api/campaigns/{campaign}/funnel", campaign)
                    .then()
                    .statusCode(400)
                    .contentType(Problem.MEDIA_TYPE)
                    .body("errors.field", contains("format"));
        }
    }

    @Test
    void aCampaignWithSqlOrPathCharactersIsRejectedNamingIt() {
        for (String hostile :
                List.of(campaign + "' OR '1'='1", "../../q/health", campaign + "\u0000", "<script>alert(1)</script>")) {
            for (String resource : List.of("funnel", "goal", "ab")) {
                asMarketer()
                        .when()
                        .get("/api/campaigns/{campaign}/" + resource, hostile)
                        .then()
                        .statusCode(400)
                        .contentType(Problem.MEDIA_TYPE)
                        .body("errors.field", contains("campaign"));
            }
        }
    }

    @Test
    void onlyDaysInsideTheRequestedRangeAreSummed() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // The lead was counted today (UTC); a range that ends yesterday has none of it, one that covers today has it.
        asMarketer()
                .queryParam("to", today.minusDays(1).toString())
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200)
                .body("leads", equalTo(0));
        asMarketer()
                .queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString())
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .statusCode(200)
                .body("leads", equalTo(1));
    }

    private static RequestSpecification asMarketer() {
        return given().header("Authorization", TestTokens.bearer("marketer"));
    }
}
