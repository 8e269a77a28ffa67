package dev.faro.bench.drain;

import dev.faro.local.testing.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Counters of finished work a service exposes on {@code /q/metrics}. */
final class ServiceCounters {

    /** Events a consumer handled (duplicates and skipped types excluded), all types summed. */
    static final String APPLIED_EVENTS = "faro_inbox_events_total";

    static final String EMAIL_ATTEMPTS = "faro_email_attempts_total";

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newHttpClient();

    static double appliedEvents(String scrape) {
        return PrometheusText.sum(scrape, APPLIED_EVENTS, Map.of("outcome", "applied"));
    }

    static double incentiveEmailsSent(String scrape) {
        return PrometheusText.sum(scrape, EMAIL_ATTEMPTS, Map.of("kind", "incentive", "outcome", "sent"));
    }

    String scrape(URI service) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/q/metrics"))
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(service + "/q/metrics answered " + response.statusCode());
        }
        return response.body();
    }
}
