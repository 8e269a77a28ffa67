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

    /** Everything else: needs marketing consent as well. */
    MARKETING;

    public boolean carriesUnsubscribe() {
        return this != TRANSACTIONAL;
    }
}
