package dev.faro.email.sending;

/**
 * Which of an instance's sender threads claims a message: thread {@code index} of {@code count} takes the leads
 * whose id hashes to its index (a message without a lead, by its own id).
 */
record SenderShare(int index, int count) {

    SenderShare {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("sender " + index + " of " + count);
        }
    }
}
