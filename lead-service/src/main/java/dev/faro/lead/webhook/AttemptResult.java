package dev.faro.lead.webhook;

import java.time.Duration;
import java.time.Instant;

/** What one attempt came to: the receiver's status code, or why there was none. */
record AttemptResult(Instant startedAt, Integer statusCode, String error, Duration duration) {

    private static final int MAX_ERROR = 500;

    static AttemptResult answered(Instant startedAt, int statusCode, Duration duration) {
        return new AttemptResult(startedAt, statusCode, null, duration);
    }

    static AttemptResult unanswered(Instant startedAt, String error, Duration duration) {
        String reason = error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        return new AttemptResult(startedAt, null, reason, duration);
    }

    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    String describe() {
        return statusCode != null ? "HTTP " + statusCode : error;
    }
}
