package dev.faro.email.nurture;

import java.time.Duration;

/**
 * One step of a campaign's sequence: {@code delay} after the sequence starts (the first step) or after the previous
 * step was sent (the others), the email written with {@code template}, if {@code condition} still holds then.
 * {@code delay} keeps the marketer's ISO-8601 text ({@code P1D} stays {@code P1D}).
 */
public record NurtureStep(String delay, String template, NurtureCondition condition) {

    public Duration duration() {
        return Duration.parse(delay);
    }
}
