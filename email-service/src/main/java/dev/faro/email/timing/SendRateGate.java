package dev.faro.email.timing;

import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.SendGate;
import dev.faro.email.sending.SendVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Paces marketing mail to {@code send-rate} per second across every replica, so a campaign's reminders going out
 * at once do not look like a spam run to the receiving providers. Last of the gates: it spends a token, which
 * must not be wasted on a message another gate would hold back.
 */
@ApplicationScoped
public class SendRateGate implements SendGate {

    private final SendRateBuckets buckets;
    private final TimingConfig config;
    private final Deferrals deferrals;
    /** The earliest time this replica hands out to the next message the bucket turns away. */
    private Instant nextSlot = Instant.MIN;

    public SendRateGate(SendRateBuckets buckets, TimingConfig config, Deferrals deferrals) {
        this.buckets = buckets;
        this.config = config;
        this.deferrals = deferrals;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public SendVerdict check(DueMessage message, MailCategory category) {
        double rate = config.sendRate();
        if (category != MailCategory.MARKETING || rate <= 0) {
            return SendVerdict.go();
        }
        Duration wait = buckets.take(SendRateBuckets.MARKETING, rate, Math.max(1, config.burst()));
        if (wait.isZero()) {
            return SendVerdict.go();
        }
        String limit = BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
        return deferrals.until(
                slotAfter(Instant.now().plus(wait), rate),
                Deferrals.Reason.SEND_RATE,
                "over " + limit + " marketing emails per second");
    }

    /**
     * When a message the bucket turned away should come back. The first waits for the next token; messages turned
     * away after it queue one token interval apart, so a backlog (a zone's quiet hours ending, a large campaign) is
     * spread over the time it needs rather than every message being claimed again at each token. A little jitter
     * keeps replicas that ran dry together from coming back at the same instant.
     */
    private synchronized Instant slotAfter(Instant nextToken, double rate) {
        long intervalNanos = Math.max(1, Math.round(1e9 / rate));
        Instant slot = nextSlot.isAfter(nextToken) ? nextSlot : nextToken;
        nextSlot = slot.plusNanos(intervalNanos);
        return slot.plusNanos(ThreadLocalRandom.current().nextLong(intervalNanos / 5 + 1));
    }
}
