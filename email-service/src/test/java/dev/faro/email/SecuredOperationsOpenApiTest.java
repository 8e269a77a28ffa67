package dev.faro.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.OpenApiDocument;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class SecuredOperationsOpenApiTest {

    @TestHTTPResource("/q/openapi?format=json")
    URI openApiUrl;

    @Test
    void everyOperationThatNeedsATokenDocumentsItsUnauthorizedAndForbiddenProblems() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(openApiUrl).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        OpenApiDocument openApi = OpenApiDocument.parse(response.body());

        assertThat(openApi.securedOperations()).as("secured operations").isNotEmpty();
        assertThat(openApi.securedOperationsWithoutAuthProblems()).isEmpty();
    }
}
