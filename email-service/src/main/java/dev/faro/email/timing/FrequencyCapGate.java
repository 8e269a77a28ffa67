package dev.faro.email.timing;

import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.MessageComposer;
import dev.faro.email.sending.SendGate;
import dev.faro.email.sending.SendVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At most {@code frequency-cap} marketing emails per lead in any rolling {@code frequency-window}: a message over
 * the cap waits until the oldest email that fills the cap leaves the window. Counts what the ledger says was sent,
 * so every replica sees the same history.
 */
@ApplicationScoped
public class FrequencyCapGate implements SendGate {

    private final EntityManager entityManager;
    private final TimingConfig config;
    private final Deferrals deferrals;
    private final Set<String> marketingKinds;

    public FrequencyCapGate(
            EntityManager entityManager,
            TimingConfig config,
            Deferrals deferrals,
            Instance<MessageComposer<?>> composers) {
        this.entityManager = entityManager;
        this.config = config;
        this.deferrals = deferrals;
        this.marketingKinds = composers.stream()
                .filter(composer -> composer.category() == MailCategory.MARKETING)
                .map(MessageComposer::kind)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public SendVerdict check(DueMessage message, MailCategory category) {
        int cap = config.frequencyCap();
        if (category != MailCategory.MARKETING || cap <= 0) {
            return SendVerdict.go();
        }
        Duration window = config.frequencyWindow();
        // The cap-th most recent marketing email in the window: once it is older than the window, fewer than cap
        // remain in it. (Usually the oldest of exactly cap; two replicas racing may have sent one more.)
        List<?> capFilledAt = entityManager
                .createNativeQuery(
                        """
                        select sent_at from send_ledger
                        where lead_id = :leadId and status = 'sent' and message_kind in (:kinds)
                          and sent_at > now() - make_interval(secs => :window)
                        order by sent_at desc
                        offset :skip limit 1
                        """)
                .setParameter("leadId", message.leadId())
                .setParameter("kinds", marketingKinds)
                .setParameter("window", window.toMillis() / 1000.0)
                .setParameter("skip", cap - 1)
                .getResultList();
        if (capFilledAt.isEmpty()) {
            return SendVerdict.go();
        }
        Instant until = instant(capFilledAt.get(0)).plus(window);
        return deferrals.until(
                until,
                Deferrals.Reason.FREQUENCY_CAP,
                cap + " marketing emails already sent within " + describe(window));
    }

    private static String describe(Duration window) {
        return window.toSeconds() % Duration.ofDays(1).toSeconds() == 0 ? window.toDays() + " days" : window.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
