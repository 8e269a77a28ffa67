package dev.faro.lead.leads;

import static dev.faro.lead.leads.LeadListTest.csvOf;
import static dev.faro.lead.leads.LeadListTest.leadsOf;
import static io.restassured.RestAssured.given;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class LeadListAuthorizationTest {

    @Inject
    TestLeads leads;

    @ParameterizedTest
    @ValueSource(strings = {"", ".csv"})
    void withoutATokenTheAnswerIs401(String suffix) {
        given().get(leadsOf(leads.campaign()) + suffix)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".csv"})
    void aTokenWithoutTheMarketerOrAdminRoleIs403(String suffix) {
        given().header("Authorization", TestTokens.bearer(Roles.SHOP))
                .get(leadsOf(leads.campaign()) + suffix)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.MARKETER, Roles.ADMIN})
    void marketersAndAdminsReadLeadsAndExportThem(String role) {
        String campaign = leads.campaign();
        given().header("Authorization", TestTokens.bearer(role))
                .get(leadsOf(campaign))
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.bearer(role))
                .get(csvOf(campaign))
                .then()
                .statusCode(200);
    }
}
