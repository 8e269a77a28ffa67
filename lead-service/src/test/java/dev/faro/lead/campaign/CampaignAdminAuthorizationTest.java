package dev.faro.lead.campaign;

import static dev.faro.lead.campaign.CampaignBodies.uniqueId;
import static dev.faro.lead.campaign.CampaignBodies.update;
import static dev.faro.lead.campaign.CampaignBodies.valid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CampaignAdminAuthorizationTest {

    private static final String CAMPAIGNS = "/api/admin/campaigns";

    @Test
    void everyEndpointAnswers401WithoutAToken() {
        String id = uniqueId();
        forEveryEndpoint(id, request -> request, 401);
        given().get(CAMPAIGNS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void everyEndpointAnswers401WithAnExpiredToken() {
        String id = uniqueId();
        forEveryEndpoint(
                id,
                request -> request.header("Authorization", "Bearer " + TestTokens.expiredToken(Roles.MARKETER)),
                401);
    }

    @Test
    void everyEndpointAnswers403ToAShop() {
        String id = uniqueId();
        forEveryEndpoint(id, request -> request.header("Authorization", TestTokens.bearer(Roles.SHOP)), 403);
        given().header("Authorization", TestTokens.bearer(Roles.SHOP))
                .get(CAMPAIGNS)
                .then()
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get(CAMPAIGNS + "/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void marketerManagesCampaigns() {
        manageCampaignAs(Roles.MARKETER);
    }

    @Test
    void adminManagesCampaignsAsAMarketerDoes() {
        manageCampaignAs(Roles.ADMIN);
    }

    private static void manageCampaignAs(String role) {
        String id = uniqueId();
        as(role).body(valid(id)).post(CAMPAIGNS).then().statusCode(201);
        as(role).body(update(id, 1)).put(CAMPAIGNS + "/" + id).then().statusCode(200);
        as(role).get(CAMPAIGNS + "/" + id).then().statusCode(200).body("revision", equalTo(2));
        as(role).get(CAMPAIGNS).then().statusCode(200);
        as(role).post(CAMPAIGNS + "/" + id + "/archive").then().statusCode(200);
    }

    private static void forEveryEndpoint(
            String id, Function<RequestSpecification, RequestSpecification> auth, int status) {
        unauthenticated(auth).body(valid(id)).post(CAMPAIGNS).then().statusCode(status);
        unauthenticated(auth)
                .body(update(id, 1))
                .put(CAMPAIGNS + "/" + id)
                .then()
                .statusCode(status);
        unauthenticated(auth).get(CAMPAIGNS).then().statusCode(status);
        unauthenticated(auth).get(CAMPAIGNS + "/" + id).then().statusCode(status);
        unauthenticated(auth).post(CAMPAIGNS + "/" + id + "/archive").then().statusCode(status);
    }

    private static RequestSpecification unauthenticated(Function<RequestSpecification, RequestSpecification> auth) {
        return auth.apply(given().contentType(ContentType.JSON));
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }
}
