package dev.faro.local.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where an analytics rebuild stands, as {@code GET /api/admin/analytics/rebuild} reports it.
 *
 * @param eventsTotal the events to read, known from the start; 0 while not known; may grow a little while the rebuild
 *     catches up with events that arrive meanwhile
 * @param finishedAt null until the rebuild is done or failed
 * @param error null unless the rebuild failed
 */
record RebuildStatus(
        String id,
        String state,
        long eventsRead,
        long eventsTotal,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    static final String DONE = "done";
    static final String FAILED = "failed";

    static RebuildStatus fromJson(JsonNode json) {
        return new RebuildStatus(
                json.path("id").asText(""),
                json.path("state").asText(""),
                json.path("eventsRead").asLong(0),
                json.path("eventsTotal").asLong(0),
                instant(json.path("startedAt")),
                instant(json.path("finishedAt")),
                json.path("error").isTextual() ? json.path("error").asText() : null);
    }

    /** Done or failed: nothing about this rebuild changes any more. */
    boolean isFinal() {
        return isDone() || isFailed();
    }

    boolean isDone() {
        return DONE.equals(state);
    }

    boolean isFailed() {
        return FAILED.equals(state);
    }

    /** How long the rebuild took by the service's clock, when it says both when it started and when it finished. */
    Optional<Duration> duration() {
        if (startedAt == null || finishedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt, finishedAt));
    }

    /** Null when absent or unreadable: the times only serve to say how long the rebuild took. */
    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
