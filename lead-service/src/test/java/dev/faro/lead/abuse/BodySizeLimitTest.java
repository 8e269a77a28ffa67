package dev.faro.lead.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs with the shared test limits: 64 KB bodies, as every service has, and generous rate limits. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class BodySizeLimitTest {

    // Just over 64 KB: enough to pass the limit, small enough that the client has sent it all before the
    // server answers and closes the connection.
    private static final String OVERSIZED = Submissions.leadBody(Submissions.uniqueEmail(), "demo")
            .replace("\"demo\"", "\"" + "x".repeat(70_000) + "\"");

    @TestHTTPResource("/api/leads")
    URI leads;

    @Test
    void aBodyDeclaredTooLargeIsRefusedWithAProblem() {
        given().contentType(ContentType.JSON)
                .body(OVERSIZED)
                .post("/api/leads")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", endsWith("/payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString("65536 bytes"));
    }

    @Test
    void aChunkedBodyThatGrowsTooLargeIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> response = postChunked(OVERSIZED);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith("/payload-too-large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsCaptured() throws Exception {
        HttpResponse<String> response = postChunked(Submissions.leadBody(Submissions.uniqueEmail(), "demo"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(new ObjectMapper().readTree(response.body()).path("leadId").asText())
                .isNotEmpty();
    }

    @Test
    void anHttp2BodyOfUndeclaredLengthWithinTheLimitIsCaptured() throws Exception {
        // Read to its end by the size check, such a request once left Quarkus REST unable to go on: a 500.
        HttpResponse<String> response = postOverHttp2(Submissions.leadBody(Submissions.uniqueEmail(), "demo"));

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void anHttp2BodyOfUndeclaredLengthThatGrowsTooLargeIsNeverAccepted() throws Exception {
        // Quarkus's own limit ends an HTTP/2 stream that passes it (GOAWAY) rather than answering 413.
        try {
            HttpResponse<String> response = postOverHttp2(OVERSIZED);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        } catch (IOException refused) {
            assertThat(refused).hasMessageContaining("GOAWAY");
        }
    }

    /** The JDK client upgrades its first request to HTTP/2 (h2c); the POST after it is a stream of unknown length. */
    private HttpResponse<String> postOverHttp2(String body) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        client.send(
                HttpRequest.newBuilder(leads.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(leads)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(leads)
                .header("Content-Type", "application/json")
                // A body of unknown length goes out chunked, with no Content-Length to judge it by.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
