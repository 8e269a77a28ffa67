package dev.faro.analytics.goal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.faro.analytics.abtest.SeededCampaign;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.problem.Problem;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class GoalApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aSteadyPaceThatReachesTheTargetInTimeIsOnTrack() {
        // Deadline at midnight UTC 15 days from now: the last day counted is today + 14.
        SeededCampaign campaign = withGoal(100, TODAY.plusDays(15));
        seedSteadyLeads(campaign);

        // 30 + 7 × 5 = 65 leads, 65 %; pace 35 / 7 = 5 a day; 35 remaining / 5 = 7 days.
        goalAs("marketer", campaign.id())
                .statusCode(200)
                .contentType("application/json")
                .body("campaign", equalTo(campaign.id()))
                .body("status", equalTo("on-track"))
                .body("targetLeads", equalTo(100))
                .body("leadsSoFar", equalTo(65))
                .body("percentOfTarget", equalTo(65.0f))
                .body("leadsPerDay", equalTo(5.0f))
                .body("paceDays", equalTo(7))
                .body("projectedDate", equalTo(TODAY.plusDays(7).toString()))
                .body("deadlineDay", equalTo(TODAY.plusDays(14).toString()))
                .body("daysLeft", equalTo(14))
                .body("atRisk", equalTo(false))
                .body("timeZone", equalTo("UTC"));
    }

    @Test
    void aPaceTooSlowForTheDeadlineIsAtRisk() {
        SeededCampaign campaign = withGoal(200, TODAY.plusDays(15));
        seedSteadyLeads(campaign);

        // 135 remaining at 5 a day: 27 days, after the deadline day (today + 14).
        goalAs("marketer", campaign.id())
                .statusCode(200)
                .body("status", equalTo("at-risk"))
                .body("percentOfTarget", equalTo(32.5f))
                .body("projectedDate", equalTo(TODAY.plusDays(27).toString()))
                .body("atRisk", equalTo(true));
    }

    @Test
    void aCampaignWithoutGoalShowsItsLeadsAndNoTarget() {
        Map<String, Object> noGoal = new HashMap<>();
        noGoal.put("goal", null);
        SeededCampaign campaign =
                SeededCampaign.publish(SeededCampaign.uniqueId(), noGoal).facts("home", "a", "ads", TODAY, 100, 4);

        goalAs("admin", campaign.id())
                .statusCode(200)
                .body("status", equalTo("no-goal"))
                .body("targetLeads", nullValue())
                .body("leadsSoFar", equalTo(4))
                .body("atRisk", equalTo(false));
    }

    @Test
    void aCampaignAnalyticsNeverHeardOfIsNotFound() {
        goalAs("marketer", SeededCampaign.uniqueId()).statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aCampaignThatIsNotASlugIsRejected() {
        goalAs("marketer", "Not_A_Slug")
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("campaign"));
    }

    @Test
    void readingWithoutATokenIsUnauthorized() {
        given().when()
                .get("/api/campaigns/{campaign}/goal", "demo")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void theShopRoleMayNotReadGoals() {
        goalAs("shop", "demo").statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    private static SeededCampaign withGoal(long targetLeads, LocalDate deadlineMidnightUtc) {
        return SeededCampaign.publish(
                SeededCampaign.uniqueId(),
                Map.of(
                        "goal",
                        Map.of(
                                "targetLeads",
                                targetLeads,
                                "leadType",
                                "newsletter",
                                "deadline",
                                deadlineMidnightUtc
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .toString())));
    }

    /** 30 leads 16 days ago, then 5 a day (3 from one source and page, 2 from another) for the last 7 days. */
    private static void seedSteadyLeads(SeededCampaign campaign) {
        campaign.facts("home", "a", "newsletter", TODAY.minusDays(16), 900, 30);
        for (int daysAgo = 0; daysAgo < 7; daysAgo++) {
            campaign.facts("home", "a", "newsletter", TODAY.minusDays(daysAgo), 60, 3)
                    .facts("promo", "", "ads", TODAY.minusDays(daysAgo), 40, 2);
        }
    }

    private static ValidatableResponse goalAs(String role, String campaign) {
        return given().header("Authorization", TestTokens.bearer(role))
                .when()
                .get("/api/campaigns/{campaign}/goal", campaign)
                .then();
    }
}
