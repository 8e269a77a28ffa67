package dev.faro.analytics.funnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The day an event counts on. Days are UTC everywhere in analytics, so a count never moves between days when a
 * reader or a replica runs in another time zone.
 */
final class FunnelDay {

    private FunnelDay() {}

    static LocalDate of(Instant occurredAt) {
        return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
    }
}
