package dev.faro.analytics.digest;

import dev.faro.analytics.funnel.DayRange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The days a digest covers, first and last inclusive. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The period of the same length just before this one: what the changes are measured against. */
    public Period previous() {
        return new Period(start.minusDays(days()), start.minusDays(1));
    }

    public DayRange range() {
        return new DayRange(Optional.of(start), Optional.of(end));
    }
}
