package dev.faro.analytics.digest;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** How often a campaign's digest is composed, and which period each one covers. */
public enum Frequency {
    /** Yesterday. */
    DAILY("daily"),
    /** Last week, Monday to Sunday. */
    WEEKLY("weekly");

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Frequency> parse(String value) {
        for (Frequency frequency : values()) {
            if (frequency.label.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                return Optional.of(frequency);
            }
        }
        return Optional.empty();
    }

    /** The latest period that has ended before {@code today} (a day in the subscriber's time zone). */
    public Period lastEndedBefore(LocalDate today) {
        if (this == DAILY) {
            LocalDate yesterday = today.minusDays(1);
            return new Period(yesterday, yesterday);
        }
        // The Sunday before today: Monday → yesterday, Sunday → a week ago.
        LocalDate sunday = today.minusDays(today.getDayOfWeek().getValue());
        return new Period(sunday.minusDays(6), sunday);
    }
}
