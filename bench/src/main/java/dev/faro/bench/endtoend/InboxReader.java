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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the local SMTP sink's web inbox ({@code GET /api/messages}). Each message carries {@code receivedAt}, set by
 * the sink when it accepted the message, so how often it is polled does not change what is measured; it is read
 * every couple of seconds, since the whole inbox comes back each time.
 */
final class InboxReader {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI messages;

    InboxReader(int inboxPort) {
        this.messages = URI.create("http://127.0.0.1:" + inboxPort + "/api/messages");
    }

    List<InboxMessage> read() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(messages)
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
