package dev.faro.analytics.rebuild;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A rebuild of the analytics aggregates from the event log, and how far it got")
public record RebuildStatus(
        UUID id,
        @Schema(
                        description = "reading: counting the log into fresh tables; swapping: putting them in place"
                                + " of the live ones; done and failed are final",
                        enumeration = {"reading", "swapping", "done", "failed"})
                String state,
        @Schema(description = "Events read from the log so far") long eventsRead,
        @Schema(
                        description = "Events in the log when the rebuild started, plus those that arrived while it"
                                + " caught up")
                long eventsTotal,
        Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "Why a failed rebuild failed") String error) {

    static final String READING = "reading";
    static final String SWAPPING = "swapping";
    static final String DONE = "done";
    static final String FAILED = "failed";
}
