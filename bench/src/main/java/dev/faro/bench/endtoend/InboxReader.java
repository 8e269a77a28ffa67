package dev.faro.bench.endtoend;

import dev.faro.local.infra.InboxJson;
import dev.faro.local.infra.InboxMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the local SMTP sink's web inbox ({@code GET /api/messages}). Each message carries {@code receivedAt}, set by
 * the sink when it accepted the message, so how often it is polled does not change what is measured. After the
 * benchmarks before it the inbox holds tens of thousands of messages: each read asks only for those it has not seen
 * ({@code ?from=N}), because writing and parsing the whole inbox every poll took CPU from the stack being measured.
 */
final class InboxReader {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI messages;
    private final List<InboxMessage> seen = new ArrayList<>();
    private int skipped;

    InboxReader(int inboxPort) {
        this.messages = URI.create("http://127.0.0.1:" + inboxPort + "/api/messages");
    }

    /**
     * From now on, reads return only messages received after this call. The first call reads the inbox once, whole,
     * to count what it holds; later ones read only what arrived since the last read.
     */
    void skipWhatIsThere() throws IOException, InterruptedException {
        int known = skipped + seen.size();
        seen.clear();
        skipped = known + fetch(known).size();
    }

    /** The messages received since {@link #skipWhatIsThere} (or all of them), in the order received. */
    List<InboxMessage> read() throws IOException, InterruptedException {
        seen.addAll(fetch(skipped + seen.size()));
        return List.copyOf(seen);
    }

    private List<InboxMessage> fetch(int from) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(messages + "?from=" + from))
                .timeout(Duration.ofMinutes(1))
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(messages + " answered " + response.statusCode());
        }
        return InboxJson.read(response.body());
    }

    /** Reads until {@code done} holds for the inbox or {@code deadline} passes; returns the last reading. */
    List<InboxMessage> awaitUntil(Predicate<List<InboxMessage>> done, Instant deadline)
            throws IOException, InterruptedException {
        List<InboxMessage> inbox = read();
        while (!done.test(inbox) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            inbox = read();
        }
        return inbox;
    }

    /** Whether every address in {@code sentAt} has a message. */
    static Predicate<List<InboxMessage>> allDelivered(Map<String, Instant> sentAt) {
        return inbox -> DeliveryLatencies.of(sentAt, inbox).missing() == 0;
    }
}
