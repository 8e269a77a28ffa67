package dev.faro.contract;

/**
 * A record that no retry can ever make processable: it belongs in the dead-letter topic with its reason.
 * Transient failures (a database or SMTP outage) must never be reported with this exception.
 */
public class UndeliverableEventException extends RuntimeException {

    public enum Reason {
        UNPARSEABLE,
        SCHEMA_INVALID,
        UNKNOWN_TYPE,
        UNSUPPORTED_VERSION,
        /** Sealed personal data that does not open with its lead's own key: tampered, or sealed for another lead. */
        SEAL_BROKEN
    }

    private final Reason reason;

    public UndeliverableEventException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
