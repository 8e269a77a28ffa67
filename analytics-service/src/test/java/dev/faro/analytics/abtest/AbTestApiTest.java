package dev.faro.analytics.abtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class AbTestApiTest {

    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final LocalDate TWO_DAYS_AGO = YESTERDAY.minusDays(1);

    @Test
    void aClearLiftIsDeclaredTheWinnerWithTheFiguresThatLedToIt() {
        SeededCampaign campaign = onePage("home", List.of("a", "b"));
        for (LocalDate day : List.of(TWO_DAYS_AGO, YESTERDAY)) {
            // Per day a: 1000 visitors / 50 leads, split over two sources; b: 1000 / 80.
            campaign.facts("home", "a", "newsletter", day, 600, 30)
                    .facts("home", "a", "ads", day, 400, 20)
                    .facts("home", "b", "newsletter", day, 1000, 80);
        }
        // Traffic without a known variant, and on another page, is not part of this test.
        campaign.facts("home", "", "ads", YESTERDAY, 5000, 5).facts("other", "a", "ads", YESTERDAY, 5000, 5);

        // Through day 1 (1000/50 vs 1000/80) the always-valid p is 0.1197: not yet. Through day 2, 2000/100 vs
        // 2000/160: s² = 0.05·0.95/2000 + 0.08·0.92/2000, τ = 0.02, ln Λ = 5.4403, p = e^−5.4403 = 0.0043 ≤ 0.05.
        abTestAs("marketer", campaign.id(), null)
                .statusCode(200)
                .contentType("application/json")
                .body("landingPage", equalTo("home"))
                .body("control", equalTo("a"))
                .body("verdict", equalTo("winner"))
                .body("winner", equalTo("b"))
                .body("decidedOn", equalTo(YESTERDAY.toString()))
                .body("variants.variant", contains("a", "b"))
                .body("variants.visitors", contains(2000, 2000))
                .body("variants.leads", contains(100, 160))
                .body("variants.conversionRate", contains(5.0f, 8.0f))
                // Wilson 95 %: 100/2000 → 4.13–6.04 %, 160/2000 → 6.89–9.27 %.
                .body("variants.conversionRateLow", contains(4.13f, 6.89f))
                .body("variants.conversionRateHigh", contains(6.04f, 9.27f))
                .body("comparisons[0].variant", equalTo("b"))
                .body("comparisons[0].difference", equalTo(3.0f))
                .body("comparisons[0].differenceLow", equalTo(0.64f))
                .body("comparisons[0].differenceHigh", equalTo(5.36f))
                .body("comparisons[0].pValue", equalTo(0.0043f))
                .body("comparisons[0].outcome", equalTo("better"))
                .body("reason", containsString("b converts best"));
    }

    @Test
    void variantsBelowTheMinimumSampleAreInconclusive() {
        SeededCampaign campaign = onePage("home", List.of("a", "b"));
        campaign.facts("home", "a", "ads", YESTERDAY, 400, 30).facts("home", "b", "ads", YESTERDAY, 90, 31);

        abTestAs("marketer", campaign.id(), "home")
                .statusCode(200)
                .body("verdict", equalTo("inconclusive"))
                .body("winner", nullValue())
                .body("comparisons", empty())
                .body("variants.conversionRate", contains(7.5f, 34.44f))
                .body("reason", containsString("b has 90 visitors and 31 leads"));
    }

    @Test
    void adminReadsTheAbTestToo() {
        SeededCampaign campaign = onePage("home", List.of("a", "b"));

        abTestAs("admin", campaign.id(), null)
                .statusCode(200)
                .body("verdict", equalTo("inconclusive"))
                .body("variants.visitors", contains(0, 0));
    }

    @Test
    void pageIsRequiredWhenTheCampaignHasSeveralLandingPages() {
        SeededCampaign campaign = SeededCampaign.publish(
                SeededCampaign.uniqueId(),
                Map.of("landingPages", List.of(page("home", List.of("a", "b")), page("promo", List.of("x", "y")))));

        abTestAs("marketer", campaign.id(), null)
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("page"));
        abTestAs("marketer", campaign.id(), "promo").statusCode(200).body("control", equalTo("x"));
    }

    @Test
    void aPageTheCampaignDoesNotHaveIsRejected() {
        SeededCampaign campaign = onePage("home", List.of("a", "b"));

        abTestAs("marketer", campaign.id(), "nowhere")
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("page"));
    }

    @Test
    void aCampaignAnalyticsNeverHeardOfIsNotFound() {
        abTestAs("marketer", SeededCampaign.uniqueId(), null).statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aCampaignThatIsNotASlugIsRejected() {
        abTestAs("marketer", "Not_A_Slug", null)
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("campaign"));
    }

    @Test
    void readingWithoutATokenIsUnauthorized() {
        given().when()
                .get("/api/campaigns/{campaign}/ab", "demo")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theShopRoleMayNotReadAbTests() {
        abTestAs("shop", "demo", null).statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    private static SeededCampaign onePage(String id, List<String> variants) {
        return SeededCampaign.publish(SeededCampaign.uniqueId(), Map.of("landingPages", List.of(page(id, variants))));
    }

    private static Map<String, Object> page(String id, List<String> variants) {
        return Map.of("id", id, "variants", variants);
    }

    static ValidatableResponse abTestAs(String role, String campaign, String page) {
        var request = given().header("Authorization", TestTokens.bearer(role));
        if (page != null) {
            request = request.queryParam("page", page);
        }
        return request.when().get("/api/campaigns/{campaign}/ab", campaign).then();
    }
}
