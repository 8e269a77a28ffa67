package dev.faro.incentive.contest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A draw as stored: everything needed to recompute it, and its outcome. */
public record ContestDraw(
        UUID id,
        String campaign,
        String algorithm,
        String seed,
        String seedSource,
        String entriesHash,
        int entryCount,
        Instant drawnAt,
        List<Winner> winners) {

    /** {@code code} is null once the winner's lead was erased. */
    public record Winner(int position, UUID incentiveId, String code) {}
}
