package dev.faro.lead.leads;

/** The values of {@code lead.status}: pending until double opt-in confirms, confirmed otherwise. */
final class LeadStatus {

    static final String PENDING = "pending";
    static final String CONFIRMED = "confirmed";

    private LeadStatus() {}

    static boolean isKnown(String status) {
        return PENDING.equals(status) || CONFIRMED.equals(status);
    }
}
