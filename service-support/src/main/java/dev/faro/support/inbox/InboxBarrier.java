package dev.faro.support.inbox;

/**
 * A check every inbox transaction passes before it records its event as processed. A service that must, now and
 * then, change its tables with no event being applied at the same time (analytics swapping in rebuilt aggregates)
 * declares a bean of this type; {@link EventInbox} calls it first in each transaction.
 */
public interface InboxBarrier {

    /** Runs at the start of the transaction, before the event id is recorded; may block until it may go on. */
    void enter();
}
