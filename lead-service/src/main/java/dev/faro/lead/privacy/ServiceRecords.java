package dev.faro.lead.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * Asks incentive-, email- and analytics-service what they hold on a lead, all at once and each within the timeout,
 * with the administrator's own token. An admin export is the one place Faro calls services synchronously; a service
 * that does not answer is reported as such in its section, never left out.
 */
@ApplicationScoped
public class ServiceRecords {

    private static final Logger LOG = Logger.getLogger(ServiceRecords.class);

    /** One service's section of the export: its answer, or why there is none. */
    public record Section(JsonNode content, boolean available) {}

    /** The three services' sections. */
    public record Sections(Section incentives, Section emails, Section analytics) {

        public boolean complete() {
            return incentives.available() && emails.available() && analytics.available();
        }
    }

    private final ObjectMapper json;
    private final Duration timeout;
    private final ServicesConfig services;
    private final HttpClient http;

    public ServiceRecords(ServicesConfig services, ObjectMapper json) {
        this.json = json;
        this.services = services;
        this.timeout = services.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Asks the three at once, so the export waits about one timeout at most, not three. */
    public Sections of(UUID leadId, String authorization) {
        CompletableFuture<Section> incentives = ask(services.incentiveUrl(), leadId, authorization);
        CompletableFuture<Section> emails = ask(services.emailUrl(), leadId, authorization);
        CompletableFuture<Section> analytics = ask(services.analyticsUrl(), leadId, authorization);
        return new Sections(incentives.join(), emails.join(), analytics.join());
    }

    private CompletableFuture<Section> ask(URI base, UUID leadId, String authorization) {
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/api/privacy/leads/" + leadId);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answer(base, response))
                .exceptionally(failure -> unavailable(reason(base, failure)));
    }

    private Section answer(URI base, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return unavailable(base + " answered HTTP " + response.statusCode());
        }
        try {
            JsonNode content = json.readTree(response.body());
            if (content != null && content.isObject()) {
                return new Section(content, true);
            }
        } catch (IOException notJson) {
            // reported as the answer below
        }
        return unavailable(base + " answered something other than a JSON object");
    }

    private String reason(URI base, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect to " + base + " within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof HttpTimeoutException) {
            return base + " did not answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "could not connect to " + base;
        }
        return "the connection to " + base + " failed";
    }

    private Section unavailable(String reason) {
        LOG.warnf("Personal data export incomplete: %s", reason);
        ObjectNode content = json.createObjectNode().put("unavailable", true).put("reason", reason);
        return new Section(content, false);
    }
}
