package dev.faro.lead.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class AbuseOpenApiTest {

    @Test
    void leadCaptureDocumentsTheSizeAndRateLimitProblems() throws Exception {
        JsonNode document = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        JsonNode responses =
                document.path("paths").path("/api/leads").path("post").path("responses");

        assertThat(responses.has("413")).isTrue();
        assertThat(responses.path("429").path("headers").has("Retry-After")).isTrue();
        String problem = responses
                .path("429")
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asText();
        assertThat(problem).isEqualTo("#/components/schemas/Problem");
        assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
    }
}
