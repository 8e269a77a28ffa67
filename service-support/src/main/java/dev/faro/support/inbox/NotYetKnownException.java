package dev.faro.support.inbox;

/**
 * An event refers to something this service has not learnt yet (a campaign, a lead's data key) because it
 * travels on another topic and may arrive later. {@link EventInbox} retries the event with backoff, never
 * dead-letters it: the missing piece is expected, only late.
 */
public class NotYetKnownException extends RuntimeException {

    public NotYetKnownException(String what) {
        super(what + " is not known yet");
    }
}
