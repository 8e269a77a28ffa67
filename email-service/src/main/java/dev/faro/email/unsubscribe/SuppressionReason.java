package dev.faro.email.unsubscribe;

/** Why an address is on the suppression list; {@link #code()} is what the {@code suppression} table stores. */
public enum SuppressionReason {
    UNSUBSCRIBED("unsubscribed"),
    HARD_BOUNCED("hard-bounced"),
    COMPLAINED("complained");

    private final String code;

    SuppressionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
