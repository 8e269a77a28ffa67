package dev.faro.email.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.testing.FaroInfrastructure;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class CampaignEngagementAdminTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Test
    void trackingIsOffUntilAMarketerOrAnAdminTurnsItOn() throws Exception {
        String campaign = freshCampaign();

        assertThat(setting(get(campaign, TestTokens.bearer(Roles.MARKETER)))).isFalse();
        assertThat(setting(put(campaign, "{\"tracking\": true}", TestTokens.bearer(Roles.MARKETER))))
                .isTrue();
        assertThat(setting(get(campaign, TestTokens.bearer(Roles.ADMIN)))).isTrue();
        assertThat(setting(put(campaign, "{\"tracking\": false}", TestTokens.bearer(Roles.ADMIN))))
                .isFalse();
        assertThat(setting(get(campaign, TestTokens.bearer(Roles.MARKETER)))).isFalse();
    }

    @Test
    void onlyMarketersAndAdminsMayReadOrChangeTheSetting() throws Exception {
        String campaign = freshCampaign();

        assertProblem(get(campaign, null), 401);
        assertProblem(put(campaign, "{\"tracking\": true}", null), 401);
        assertProblem(get(campaign, TestTokens.bearer(Roles.SHOP)), 403);
        assertProblem(put(campaign, "{\"tracking\": true}", TestTokens.bearer(Roles.SHOP)), 403);
        assertThat(setting(get(campaign, TestTokens.bearer(Roles.MARKETER)))).isFalse();
    }

    @Test
    void aBodyThatIsNotATrackingBooleanIsRefusedNamingTheField() throws Exception {
        String campaign = freshCampaign();
        String marketer = TestTokens.bearer(Roles.MARKETER);

        assertThat(field(put(campaign, "{}", marketer))).isEqualTo("tracking");
        assertThat(field(put(campaign, "{\"tracking\": \"true\"}", marketer))).isEqualTo("tracking");
        assertThat(field(put(campaign, "{\"tracking\": 1}", marketer))).isEqualTo("tracking");
        assertThat(field(put(campaign, "{\"tracking\": null}", marketer))).isEqualTo("tracking");
        assertThat(field(put(campaign, "[true]", marketer))).isEqualTo("tracking");
        assertThat(field(put(campaign, "{\"tracking\": true, \"pixel\": true}", marketer)))
                .isEqualTo("pixel");
        assertProblem(put(campaign, "{\"tracking\": tru", marketer), 400);
        assertThat(setting(get(campaign, marketer))).isFalse();
    }

    @Test
    void aMalformedCampaignIdIsRefusedNamingTheField() throws Exception {
        String marketer = TestTokens.bearer(Roles.MARKETER);

        assertThat(field(put("Not_A_Campaign", "{\"tracking\": true}", marketer)))
                .isEqualTo("campaign");
        assertThat(field(get("Not_A_Campaign", marketer))).isEqualTo("campaign");
    }

    private static String freshCampaign() {
        return "engage-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean setting(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("tracking").isBoolean()).as(response.body()).isTrue();
        return body.path("tracking").booleanValue();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    /** The one field a 400 problem names. */
    private static String field(HttpResponse<String> response) throws IOException {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors")).as(response.body()).hasSize(1);
        return problem.at("/errors/0/field").asText();
    }

    private HttpResponse<String> get(String campaign, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(uri(campaign)).GET(), authorization);
    }

    private HttpResponse<String> put(String campaign, String body, String authorization) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(campaign))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                authorization);
    }

    private URI uri(String campaign) {
        return URI.create(campaigns + campaign + "/engagement");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
