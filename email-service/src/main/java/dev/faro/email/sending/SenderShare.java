package dev.faro.email.sending;

import java.util.UUID;

/**
 * Which of an instance's sender threads claims a message: thread {@code index} of {@code count} takes the leads
 * whose id's last byte, modulo {@code count}, is its index. The claim computes the same in SQL ({@link #SQL}), so a
 * commit that adds work for one lead wakes only the thread that will find it.
 */
record SenderShare(int index, int count) {

    /** The most sender threads an instance may run; a lead id's last byte still spreads evenly over them. */
    static final int MAX_COUNT = 64;

    /** The share of {@code send_ledger l}'s row, as {@link #indexOf} computes it; binds {@code :shares}. */
    static final String SQL = "get_byte(uuid_send(l.lead_id), 15) % :shares";

    SenderShare {
        if (count < 1 || count > MAX_COUNT || index < 0 || index >= count) {
            throw new IllegalArgumentException("sender " + index + " of " + count);
        }
    }

    static int indexOf(UUID leadId, int count) {
        return (int) (leadId.getLeastSignificantBits() & 0xFF) % count;
    }
}
