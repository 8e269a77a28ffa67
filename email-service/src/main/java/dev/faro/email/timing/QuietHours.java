package dev.faro.email.timing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily window of local time, such as 21:00–09:00, that may wrap midnight; {@code start} is inside it, {@code end}
 * is not. A window whose start equals its end is empty.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
    }

    public boolean isOff() {
        return start.equals(end);
    }

    /**
     * When the window that {@code now} falls in ends, in {@code zone}: the first later instant whose local time is
     * {@code end}, or, on a day the clocks skip over {@code end}, the instant they skip. Empty when {@code now} is
     * outside the window.
     */
    public Optional<Instant> windowEnd(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        LocalDateTime endDateTime = local.toLocalDate().atTime(end);
        if (!endDateTime.isAfter(local.toLocalDateTime())) {
            endDateTime = endDateTime.plusDays(1);
        }
        return Optional.of(instantOf(endDateTime, zone, local));
    }

    boolean contains(LocalTime time) {
        if (isOff()) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    private static Instant instantOf(LocalDateTime dateTime, ZoneId zone, ZonedDateTime now) {
        ZoneRules rules = zone.getRules();
        if (skipped(zone, dateTime)) {
            // Clocks jump over the end time (e.g. 02:30 on a spring-forward night): the window ends when they jump,
            // not a gap's length later as ZonedDateTime would place it.
            return rules.getTransition(dateTime).getInstant();
        }
        // When the end time occurs twice (clocks going back), the current offset picks the occurrence the lead is
        // living through.
        return ZonedDateTime.ofLocal(dateTime, zone, now.getOffset()).toInstant();
    }

    private static boolean skipped(ZoneId zone, LocalDateTime dateTime) {
        return zone.getRules().getValidOffsets(dateTime).isEmpty();
    }
}
