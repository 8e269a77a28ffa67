package dev.faro.systemtest.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;

/** What every answer of a public endpoint to bad input must look like. */
final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    /** Never a server error; a refusal is RFC 9457 problem+json whose {@code status} is the answer's. */
    static void assertSuccessOrProblem(HttpResponse<String> answer, int success) {
        assertThat(answer.statusCode())
                .as("%s answered %s", answer.request().uri().getPath(), answer.body())
                .isLessThan(500);
        if (answer.statusCode() != success) {
            assertProblem(answer);
        }
    }

    static void assertProblem(HttpResponse<String> answer) {
        assertThat(answer.statusCode())
                .as("%s answered %s", answer.request().uri().getPath(), answer.body())
                .isBetween(400, 499);
        if (refusedBeforeParsing(answer)) {
            return;
        }
        assertThat(answer.headers().firstValue("Content-Type"))
                .as("content type of %s %s", answer.statusCode(), answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = parsed(answer.body());
        assertThat(problem.path("status").asInt())
                .as("problem %s", answer.body())
                .isEqualTo(answer.statusCode());
        assertThat(problem.path("title").asText())
                .as("problem %s", answer.body())
                .isNotBlank();
        assertThat(problem.path("type").asText())
                .as("problem %s", answer.body())
                .isNotBlank();
    }

    /** An HTML page answering a refused link: a client error that does not echo markup from the request. */
    static void assertRefusedPage(HttpResponse<String> answer, String sent) {
        assertThat(answer.statusCode())
                .as("%s answered %s", answer.request().uri().getPath(), answer.body())
                .isBetween(400, 499);
        assertNotEchoedUnescaped(answer, sent);
    }

    /**
     * A request line or header block past the HTTP server's limits is answered by Vert.x's codec, before Quarkus
     * sees a request, with a bare 414 or 431 and no body: no application code can make it a problem (quarkusio/quarkus
     * issue 55082). It is still a refusal, and carries nothing from the request.
     */
    static boolean refusedBeforeParsing(HttpResponse<String> answer) {
        return (answer.statusCode() == 414 || answer.statusCode() == 431)
                && answer.body().isEmpty();
    }

    static void assertNotEchoedUnescaped(HttpResponse<String> answer, String sent) {
        if (sent.length() > 3 && (sent.contains("<") || sent.contains("\""))) {
            assertThat(answer.body()).as("answer to %s", sent).doesNotContain(sent);
        }
    }

    static JsonNode parsed(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
