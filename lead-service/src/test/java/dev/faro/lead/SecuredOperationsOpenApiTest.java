package dev.faro.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.AuthorizationMatrix;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.OpenApiDocument;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's endpoints as its OpenAPI document lists them: every one that needs a token refuses the wrong ones,
 * and the ones that need none are exactly those meant for the public, so a new endpoint cannot slip through either way.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class SecuredOperationsOpenApiTest {

    /** Open without a token on purpose; an operation that forgot its roles would appear here and fail the test. */
    private static final List<String> PUBLIC_OPERATIONS = List.of(
            "POST /api/leads",
            "POST /api/visits",
            "GET /api/leads/confirm",
            "GET /api/privacy/erase",
            "POST /api/privacy/erase",
            "POST /api/privacy/erasure-requests");

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationThatNeedsATokenDocumentsItsUnauthorizedAndForbiddenProblems() {
        OpenApiDocument openApi = OpenApiDocument.fetch(root);

        assertThat(openApi.securedOperations()).as("secured operations").isNotEmpty();
        assertThat(openApi.securedOperationsWithoutAuthProblems()).isEmpty();
    }

    @Test
    void everySecuredOperationRefusesNoTokenAnExpiredOneAnAlteredOneAndOneWithoutAKnownRole() {
        assertThat(AuthorizationMatrix.violations(OpenApiDocument.fetch(root), root))
                .isEmpty();
    }

    @Test
    void theOperationsOpenWithoutATokenAreExactlyThePublicOnes() {
        assertThat(OpenApiDocument.fetch(root).publicOperations())
                .containsExactlyInAnyOrderElementsOf(PUBLIC_OPERATIONS);
    }
}
