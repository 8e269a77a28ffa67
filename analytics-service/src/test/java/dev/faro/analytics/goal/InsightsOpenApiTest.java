package dev.faro.analytics.goal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class InsightsOpenApiTest {

    @Test
    void goalAndAbTestEndpointsAreDocumentedAsBearerProtectedWithTheirProblemResponses() {
        for (String path : new String[] {"/api/campaigns/{campaign}/goal", "/api/campaigns/{campaign}/ab"}) {
            given().queryParam("format", "json")
                    .when()
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body("paths.'" + path + "'.get.security[0]", hasKey("bearer"))
                    .body("paths.'" + path + "'.get.responses.keySet()", hasItems("200", "400", "401", "403", "404"));
        }
    }
}
