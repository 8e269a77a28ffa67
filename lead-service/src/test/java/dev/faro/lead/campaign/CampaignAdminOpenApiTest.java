package dev.faro.lead.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CampaignAdminOpenApiTest {

    @Test
    void adminEndpointsAreDocumentedAsBearerProtectedWithTheirProblems() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/admin/campaigns'.post.security[0]", hasKey("bearer"))
                .body("paths.'/api/admin/campaigns'.post.responses", hasKey("201"))
                .body("paths.'/api/admin/campaigns'.post.responses", hasKey("409"))
                .body("paths.'/api/admin/campaigns'.get.responses", hasKey("403"))
                .body("paths.'/api/admin/campaigns/{id}'.put.responses", hasKey("409"))
                .body("paths.'/api/admin/campaigns/{id}/archive'.post.summary", notNullValue())
                .body("components.schemas.CampaignRequest.properties", hasKey("allowedOrigins"));
    }
}
