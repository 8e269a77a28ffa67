package dev.faro.email.timing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.function.Predicate;

/** Time zones picked by what their clocks read now, so a test about the lead's night runs at any hour. */
final class Zones {

    private Zones() {}

    /** A zone where it is now well inside the 21:00–09:00 night (at least half an hour from either end). */
    static ZoneId atNight() {
        return whereTheClockReads(time -> !time.isBefore(LocalTime.of(21, 30)) || time.isBefore(LocalTime.of(8, 30)));
    }

    /** A zone where it is now well inside the day (09:30–20:30). */
    static ZoneId inDaytime() {
        return whereTheClockReads(time -> !time.isBefore(LocalTime.of(9, 30)) && time.isBefore(LocalTime.of(20, 30)));
    }

    /** The next time the clock in {@code zone} reads 09:00. */
    static Instant nextNineOClock(ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime nine = now.with(LocalTime.of(9, 0));
        return (nine.isAfter(now) ? nine : nine.plusDays(1)).toInstant();
    }

    /** A region zone whose local time now matches, with no clock change in the next two days. */
    private static ZoneId whereTheClockReads(Predicate<LocalTime> localTime) {
        Instant now = Instant.now();
        return ZoneId.getAvailableZoneIds().stream()
                .sorted()
                .filter(id -> id.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+"))
                .map(ZoneId::of)
                .filter(zone -> localTime.test(now.atZone(zone).toLocalTime()))
                .filter(zone -> noClockChange(zone, now))
                .findFirst()
                .orElseThrow();
    }

    private static boolean noClockChange(ZoneId zone, Instant now) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(now);
        return next == null || next.getInstant().isAfter(now.plus(Duration.ofDays(2)));
    }
}
