package dev.faro.bench.endtoend;

/**
 * One measured lead's way through the pipeline, in microseconds since the epoch on this machine's clock (the bench,
 * the services and the SMTP sink share it). The two Kafka times are record timestamps, which the publishing relay's
 * producer sets when it sends, in whole milliseconds. Null where the lead never got that far.
 *
 * @param address the lead's address (lower case)
 * @param leadId lead-service's id for it, or null if no lead was found
 * @param sentMicros when the bench sent its {@code POST /api/leads}
 * @param leadCapturedMicros the timestamp of its {@code LeadCaptured} on faro.leads (lead-service's relay)
 * @param incentiveIssuedMicros the timestamp of its {@code IncentiveIssued} on faro.incentives (incentive-service's
 *     relay)
 * @param smtpAcceptedMicros when the SMTP sink accepted its first message (the inbox's {@code receivedAt})
 * @param incentiveStartedMicros when incentive-service's transaction issuing its incentive began (see
 *     {@link ServiceStamps})
 * @param emailQueuedMicros when email-service's transaction queueing its incentive email began
 */
record LeadJourney(
        String address,
        String leadId,
        long sentMicros,
        Long leadCapturedMicros,
        Long incentiveIssuedMicros,
        Long smtpAcceptedMicros,
        Long incentiveStartedMicros,
        Long emailQueuedMicros) {

    /** The three hops, in order; each runs from the previous stamp to its own. */
    enum Hop {
        CAPTURE_TO_KAFKA("POST sent → LeadCaptured on faro.leads (capture, lead-service's relay)"),
        INCENTIVE("LeadCaptured → IncentiveIssued on faro.incentives (incentive-service, its relay)"),
        EMAIL("IncentiveIssued → SMTP accepted (email-service)");

        private final String description;

        Hop(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** The two hops inside a service, each split where the service's consumer began its transaction. */
    enum Split {
        INCENTIVE_CONSUMER("LeadCaptured on faro.leads → incentive-service's transaction began (its consumer's wait)"),
        INCENTIVE_RELAY("incentive-service's transaction began → IncentiveIssued on faro.incentives (issue, relay)"),
        EMAIL_CONSUMER("IncentiveIssued on faro.incentives → email-service's transaction began (its consumer's wait)"),
        EMAIL_SENDER("email-service's transaction began → SMTP accepted (send ledger, sender)");

        private final String description;

        Split(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** Whether every stamp is there, so that the hops add up to the whole. */
    boolean complete() {
        return leadCapturedMicros != null && incentiveIssuedMicros != null && smtpAcceptedMicros != null;
    }

    /** A split hop's length, or null when a stamp it needs is missing. */
    Long splitMicros(Split split) {
        switch (split) {
            case INCENTIVE_CONSUMER:
                return difference(leadCapturedMicros, incentiveStartedMicros);
            case INCENTIVE_RELAY:
                return difference(incentiveStartedMicros, incentiveIssuedMicros);
            case EMAIL_CONSUMER:
                return difference(incentiveIssuedMicros, emailQueuedMicros);
            case EMAIL_SENDER:
                return difference(emailQueuedMicros, smtpAcceptedMicros);
            default:
                throw new IllegalArgumentException("unknown split " + split);
        }
    }

    private static Long difference(Long from, Long to) {
        return from == null || to == null ? null : to - from;
    }

    long totalMicros() {
        return smtpAcceptedMicros - sentMicros;
    }

    /** A hop's length; only for a {@link #complete()} journey. */
    long hopMicros(Hop hop) {
        switch (hop) {
            case CAPTURE_TO_KAFKA:
                return leadCapturedMicros - sentMicros;
            case INCENTIVE:
                return incentiveIssuedMicros - leadCapturedMicros;
            case EMAIL:
                return smtpAcceptedMicros - incentiveIssuedMicros;
            default:
                throw new IllegalArgumentException("unknown hop " + hop);
        }
    }
}
