package dev.faro.systemtest.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of lead submissions at a fixed rate, as landing pages send them, whatever the stack is going
 * through: each is sent on time whether earlier ones have been answered or not (an open model), and each answer is
 * kept. The leads answered 202 are the independent record a fault test checks the system against.
 */
final class LeadLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** An answer other than 202: its status, how long it took, its Retry-After header and the start of its body. */
    record Refusal(int status, long millis, String retryAfter, String body) {}

    private final URI captureUrl;
    private final String campaign;
    private final String runName;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<UUID, String> accepted = new ConcurrentHashMap<>();
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();
    private final List<Refusal> refused = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private LeadLoad(URI leadService, String campaign, String runName) {
        this.captureUrl = leadService.resolve("/api/leads");
        this.campaign = campaign;
        this.runName = runName;
    }

    /** Starts submitting {@code perSecond} leads a second until {@link #close()}. */
    static LeadLoad start(URI leadService, String campaign, String runName, double perSecond) {
        LeadLoad load = new LeadLoad(leadService, campaign, runName);
        long periodMicros = Math.round(1_000_000 / perSecond);
        load.clock.scheduleAtFixedRate(
                () -> load.senders.execute(load::submitOne), 0, periodMicros, TimeUnit.MICROSECONDS);
        return load;
    }

    private void submitOne() {
        String email = runName + "-" + sequence.incrementAndGet() + "-" + UUID.randomUUID() + "@example.org";
        submitted.add(email);
        long started = System.nanoTime();
        try {
            String body = JSON.writeValueAsString(
                    Map.of("email", email, "campaign", campaign, "consent", Map.of("marketing", true), "locale", "es"));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(captureUrl)
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (response.statusCode() == 202) {
                accepted.put(
                        UUID.fromString(
                                JSON.readTree(response.body()).path("leadId").asText()),
                        email);
            } else {
                String text = response.body();
                refused.add(new Refusal(
                        response.statusCode(),
                        millis,
                        response.headers().firstValue("Retry-After").orElse(null),
                        text.length() <= 300 ? text : text.substring(0, 300)));
            }
        } catch (Exception e) {
            failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Stops sending and waits for the answers still on their way. */
    @Override
    public void close() throws InterruptedException {
        clock.shutdownNow();
        senders.shutdown();
        if (!senders.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
    }

    int sent() {
        return sequence.get();
    }

    /** Every address sent, answered 202 or not. */
    Set<String> submitted() {
        return Set.copyOf(submitted);
    }

    /** The leads answered 202, with their addresses. */
    Map<UUID, String> accepted() {
        return Map.copyOf(accepted);
    }

    List<Refusal> refused() {
        return List.copyOf(refused);
    }

    /** Requests that got no answer at all (timeouts, refused connections). */
    List<String> failures() {
        return List.copyOf(failures);
    }
}
