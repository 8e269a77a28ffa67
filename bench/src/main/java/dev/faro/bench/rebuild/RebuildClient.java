package dev.faro.bench.rebuild;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** analytics-service's rebuild endpoint, with the admin token. */
final class RebuildClient {

    static final String PATH = "/api/admin/analytics/rebuild";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final URI uri;
    private final String token;

    RebuildClient(URI analytics, String token) {
        this.uri = analytics.resolve(PATH);
        this.token = token;
    }

    RebuildSnapshot start() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request().POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409) {
            throw new IllegalStateException("a rebuild is already under way; wait for it and run again");
        }
        return snapshot("POST", response, 202);
    }

    RebuildSnapshot latest() throws IOException, InterruptedException {
        return snapshot("GET", http.send(request().GET().build(), HttpResponse.BodyHandlers.ofString()), 200);
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private static RebuildSnapshot snapshot(String method, HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + PATH + " answered " + response.statusCode() + ": " + response.body());
        }
        return RebuildSnapshot.parse(response.body());
    }
}
