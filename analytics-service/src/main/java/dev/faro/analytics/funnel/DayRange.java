package dev.faro.analytics.funnel;

import java.time.LocalDate;
import java.util.Optional;

/** Inclusive range of UTC days; an absent bound leaves that side open. */
public record DayRange(Optional<LocalDate> from, Optional<LocalDate> to) {

    public DayRange {
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException(
                    "the range ends (" + to.get() + ") before it starts (" + from.get() + ")");
        }
    }

    public static DayRange allDays() {
        return new DayRange(Optional.empty(), Optional.empty());
    }
}
