package dev.faro.email.sending;

import java.time.Instant;
import java.util.Objects;

/** What a {@link SendGate} says about a message. */
public sealed interface SendVerdict {

    /** Nothing against sending it now. */
    static SendVerdict go() {
        return Go.INSTANCE;
    }

    /** Not now: pending again until {@code until}, without spending one of its attempts. */
    static SendVerdict deferUntil(Instant until, String reason) {
        return new Defer(until, reason);
    }

    /** Never to this recipient (suppressed, no consent): {@code suppressed}, reported as a permanent EmailFailed. */
    static SendVerdict refuse(String reason) {
        return new Refuse(reason);
    }

    /** No longer wanted (a nurture step whose condition no longer holds): {@code cancelled}, no event. */
    static SendVerdict cancel(String reason) {
        return new Cancel(reason);
    }

    record Go() implements SendVerdict {
        private static final Go INSTANCE = new Go();
    }

    record Defer(Instant until, String reason) implements SendVerdict {
        public Defer {
            Objects.requireNonNull(until);
        }
    }

    record Refuse(String reason) implements SendVerdict {}

    record Cancel(String reason) implements SendVerdict {}
}
