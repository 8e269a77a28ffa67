package dev.faro.email.confirmation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the one confirmation reminder is due: {@code delay} after the request, but no later than half-way to the
 * link's expiry, so the link it repeats still works for a while when it arrives. A link that lives less than
 * {@link #SHORTEST_LINK_LIFE} gets no reminder at all.
 */
final class ReminderSchedule {

    static final Duration SHORTEST_LINK_LIFE = Duration.ofHours(2);

    private ReminderSchedule() {}

    static Optional<Instant> dueAt(Instant requestedAt, Instant expiresAt, Duration delay) {
        Duration life = Duration.between(requestedAt, expiresAt);
        if (life.compareTo(SHORTEST_LINK_LIFE) < 0) {
            return Optional.empty();
        }
        Instant wanted = requestedAt.plus(delay);
        Instant halfway = requestedAt.plus(life.dividedBy(2));
        return Optional.of(wanted.isBefore(halfway) ? wanted : halfway);
    }
}
