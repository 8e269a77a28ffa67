package dev.faro.analytics.funnel;

import static io.restassured.RestAssured.given;

import dev.faro.local.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Reads funnels over HTTP the way a marketer's dashboard does. */
final class FunnelClient {

    private FunnelClient() {}

    /** A campaign slug no other test uses: the tests share one broker and one database. */
    static String uniqueCampaign() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static ValidatableResponse funnelAs(String role, String campaign) {
        return given().header("Authorization", TestTokens.bearer(role))
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then();
    }

    /** The funnel as {@code leads/incentivesIssued/emailsSent}, or the HTTP status when there is none. */
    static String countsOf(String campaign) {
        var response = given().header("Authorization", TestTokens.bearer("marketer"))
                .when()
                .get("/api/campaigns/{campaign}/funnel", campaign)
                .then()
                .extract();
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        return response.path("leads") + "/" + response.path("incentivesIssued") + "/" + response.path("emailsSent");
    }
}
