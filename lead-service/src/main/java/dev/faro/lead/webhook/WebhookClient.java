package dev.faro.lead.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Makes one attempt at a delivery: a signed POST with short timeouts. Redirects are not followed (a receiver
 * answering 3xx has not taken the delivery, and a redirect could lead anywhere), and the answer's body is never
 * read.
 */
@ApplicationScoped
class WebhookClient {

    static final String EVENT_HEADER = "Faro-Event";
    static final String DELIVERY_HEADER = "Faro-Delivery";

    private final WebhookTargets targets;
    private final Duration requestTimeout;
    private final HttpClient http;

    WebhookClient(WebhookTargets targets, WebhookConfig config) {
        this.targets = targets;
        this.requestTimeout = config.dispatch().requestTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.dispatch().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    AttemptResult post(ClaimedDelivery delivery, byte[] body) throws InterruptedException {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        try {
            URI target = URI.create(delivery.url());
            requirePublic(target.getHost());
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Faro-Webhooks/1")
                    .header(EVENT_HEADER, delivery.event().wireName())
                    .header(DELIVERY_HEADER, delivery.id().toString())
                    .header(
                            WebhookSignature.HEADER,
                            WebhookSignature.header(
                                    delivery.secret(), Instant.now().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // Closing the unread body drops the connection rather than waiting for whatever the receiver sends.
            response.body().close();
            return AttemptResult.answered(startedAt, response.statusCode(), since(start));
        } catch (IOException | RuntimeException e) {
            return AttemptResult.unanswered(startedAt, reason(e), since(start));
        }
    }

    /** The name is resolved again before each attempt: it may have been pointed at an internal address since. */
    private void requirePublic(String host) throws UnknownHostException {
        if (!Arrays.stream(InetAddress.getAllByName(host)).allMatch(targets::mayConnectTo)) {
            throw new RefusedTarget(host);
        }
    }

    private String reason(Exception e) {
        if (e instanceof RefusedTarget) {
            return e.getMessage();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout.toMillis() + " ms";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static final class RefusedTarget extends RuntimeException {
        RefusedTarget(String host) {
            super(host + " resolves to an address Faro does not send to (private, loopback or link-local)");
        }
    }
}
