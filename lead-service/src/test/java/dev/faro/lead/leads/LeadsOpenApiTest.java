package dev.faro.lead.leads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class LeadsOpenApiTest {

    private static final String LEADS = "paths.'/api/admin/campaigns/{campaign}/leads'";
    private static final String CSV = "paths.'/api/admin/campaigns/{campaign}/leads.csv'";
    private static final String WEBHOOKS = "paths.'/api/admin/campaigns/{campaign}/webhooks'";

    @Test
    void leadListExportAndWebhooksAreDocumentedAsBearerProtectedWithTheirProblems() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(LEADS + ".get.security[0]", hasKey("bearer"))
                .body(LEADS + ".get.responses", hasKey("400"))
                .body(LEADS + ".get.responses", hasKey("404"))
                .body(LEADS + ".get.parameters.name", hasItem("cursor"))
                .body(LEADS + ".get.parameters.find { it.name == 'from' }.description", containsString("UTC day"))
                .body(LEADS + ".get.parameters.find { it.name == 'to' }.description", containsString("instant"))
                .body(CSV + ".get.responses.'200'.content", hasKey("text/csv"))
                .body(CSV + ".get.responses", hasKey("403"))
                .body(WEBHOOKS + ".post.responses", hasKey("201"))
                .body(WEBHOOKS + ".post.responses", hasKey("400"))
                .body(WEBHOOKS + ".get.security[0]", hasKey("bearer"))
                .body("paths.'/api/admin/campaigns/{campaign}/webhooks/{id}/deliveries'.get.responses", hasKey("200"))
                .body("components.schemas.CreatedWebhook.properties", hasKey("secret"))
                .body("components.schemas.Webhook.properties", not(hasKey("secret")))
                .body("components.schemas.Lead.properties", hasKey("utm"));
    }
}
