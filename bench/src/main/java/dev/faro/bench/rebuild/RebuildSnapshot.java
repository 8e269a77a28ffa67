package dev.faro.bench.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One answer of analytics-service's {@code GET /api/admin/analytics/rebuild}. */
record RebuildSnapshot(
        String id,
        String state,
        long eventsRead,
        long eventsTotal,
        Instant startedAt,
        Optional<Instant> finishedAt,
        Optional<String> error) {

    static final String SWAPPING = "swapping";
    static final String DONE = "done";
    static final String FAILED = "failed";

    private static final ObjectMapper JSON = new ObjectMapper();

    static RebuildSnapshot parse(String body) {
        JsonNode status;
        try {
            status = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a rebuild status: " + body, e);
        }
        if (!status.hasNonNull("state") || !status.hasNonNull("startedAt")) {
            throw new IllegalArgumentException("not a rebuild status: " + body);
        }
        return new RebuildSnapshot(
                status.path("id").asText(),
                status.get("state").asText(),
                status.path("eventsRead").asLong(),
                status.path("eventsTotal").asLong(),
                Instant.parse(status.get("startedAt").asText()),
                text(status, "finishedAt").map(Instant::parse),
                text(status, "error"));
    }

    boolean finished() {
        return DONE.equals(state) || FAILED.equals(state);
    }

    /** From the start to the end of a finished rebuild, by the service's own clock. */
    Duration elapsed() {
        return Duration.between(startedAt, finishedAt.orElseThrow(() -> new IllegalStateException("not finished")));
    }

    /** Events read per second over the whole rebuild, swap included. */
    double eventsPerSecond() {
        return eventsRead / (elapsed().toNanos() / 1e9);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
