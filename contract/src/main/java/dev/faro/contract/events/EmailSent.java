package dev.faro.contract.events;

import java.util.UUID;

/** The SMTP server accepted a message to a lead. */
public record EmailSent(UUID leadId, String campaign, String messageKind, int step, String messageId) {
    /** The email that delivers the incentive: the funnel's "email" stage. */
    public static final String KIND_INCENTIVE = "incentive";
    /** The double opt-in link: transactional, before the funnel's incentive. */
    public static final String KIND_CONFIRMATION = "confirmation";
    /** The self-service erasure link: transactional. */
    public static final String KIND_ERASURE_LINK = "erasure-link";
}
