package dev.faro.email.sending;

/** What kind of mail a message is, which decides whether it carries an unsubscribe link and who may get it. */
public enum MailCategory {

    /**
     * Mail the person needs to complete something they started (the opt-in confirmation, the erasure link): sent
     * whatever the suppression list says, and without an unsubscribe link.
     */
    TRANSACTIONAL,

    /**
     * Mail the lead asked for (the incentive): sent without marketing consent, but carries an unsubscribe link and
     * is not sent to a suppressed address.
     */
    REQUESTED,

    /** Mail to a lead they did not ask for (reminders, nurture steps): needs marketing consent as well. */
    MARKETING,

    /**
     * Mail to Faro's own users rather than to a lead (the marketers' digest): no unsubscribe link, no consent or
     * suppression check, and no EmailSent, since the funnel counts mail to leads.
     */
    INTERNAL;

    public boolean carriesUnsubscribe() {
        return this == REQUESTED || this == MARKETING;
    }

    /** Whether a sent message is reported as EmailSent (and a failed one as EmailFailed). */
    public boolean reportsToLeadEvents() {
        return this != INTERNAL;
    }
}
