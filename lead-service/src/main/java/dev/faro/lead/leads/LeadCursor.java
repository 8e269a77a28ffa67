package dev.faro.lead.leads;

import dev.faro.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of leads ended: the last lead's creation time and id, the key the list is ordered by. Clients get it
 * as an opaque string and send it back unchanged.
 */
record LeadCursor(Instant createdAt, UUID id) {

    String encode() {
        String position = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a page answered with; a 400 naming {@code cursor} for anything else. Null when absent. */
    static LeadCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new LeadCursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this endpoint answered with");
        }
    }
}
