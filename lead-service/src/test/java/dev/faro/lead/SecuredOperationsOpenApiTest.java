package dev.faro.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.OpenApiDocument;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class SecuredOperationsOpenApiTest {

    @Test
    void everyOperationThatNeedsATokenDocumentsItsUnauthorizedAndForbiddenProblems() {
        OpenApiDocument openApi = OpenApiDocument.parse(given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(openApi.securedOperations()).as("secured operations").isNotEmpty();
        assertThat(openApi.securedOperationsWithoutAuthProblems()).isEmpty();
    }
}
