package dev.faro.lead.webhook;

import static dev.faro.lead.webhook.Webhooks.webhooksOf;
import static io.restassured.RestAssured.given;

import dev.faro.lead.leads.TestLeads;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class WebhookAuthorizationTest {

    private static final Map<String, Object> WEBHOOK =
            Map.of("url", "https://crm.example.org/hook", "events", List.of("lead.captured"));

    @Inject
    TestLeads leads;

    @Test
    void everyEndpointAnswers401WithoutAToken() {
        forEveryEndpoint(leads.campaign(), request -> request, 401);
        given().get(webhooksOf(leads.campaign()))
                .then()
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void everyEndpointAnswers403ToATokenWithoutTheMarketerOrAdminRole() {
        forEveryEndpoint(
                leads.campaign(), request -> request.header("Authorization", TestTokens.bearer(Roles.SHOP)), 403);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.MARKETER, Roles.ADMIN})
    void marketersAndAdminsManageWebhooks(String role) {
        String campaign = leads.campaign();
        String id = as(role).body(WEBHOOK)
                .post(webhooksOf(campaign))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(role).get(webhooksOf(campaign)).then().statusCode(200);
        as(role).get(webhooksOf(campaign) + "/" + id).then().statusCode(200);
        as(role).get(webhooksOf(campaign) + "/" + id + "/deliveries").then().statusCode(200);
        as(role).delete(webhooksOf(campaign) + "/" + id).then().statusCode(204);
    }

    private static void forEveryEndpoint(String campaign, UnaryOperator<RequestSpecification> auth, int status) {
        String webhook = webhooksOf(campaign) + "/" + UUID.randomUUID();
        auth.apply(json()).body(WEBHOOK).post(webhooksOf(campaign)).then().statusCode(status);
        auth.apply(json()).get(webhooksOf(campaign)).then().statusCode(status);
        auth.apply(json()).get(webhook).then().statusCode(status);
        auth.apply(json()).get(webhook + "/deliveries").then().statusCode(status);
        auth.apply(json()).delete(webhook).then().statusCode(status);
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String role) {
        return json().header("Authorization", TestTokens.bearer(role));
    }
}
