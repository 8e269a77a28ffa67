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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At most {@code frequency-cap} marketing emails per address in any rolling {@code frequency-window}: a message over
 * the cap waits until the oldest email that fills the cap leaves the window. The cap is the inbox's, not the lead's:
 * every lead with the address counts (one person in several campaigns, or a bot submitting someone else's address
 * to every form, is still one inbox). Counts what the ledger says was sent, so every replica sees the same history,
 * plus the messages this gate let through that are still on their way to the SMTP server: under a lock per address,
 * so senders on other threads or replicas writing to the same address at the same moment cannot both take its last
 * place.
 */
@ApplicationScoped
public class FrequencyCapGate implements SendGate {

    /** Keeps these locks apart from any other advisory lock taken in this database ("FCAP" in ASCII). */
    private static final int LOCK_SPACE = 0x46434150;
    /**
     * When a message whose address's cap is filled only with messages still being sent is asked about again: by
     * then they have gone (the cap then says how long to wait) or failed (and leave room).
     */
    static final Duration IN_FLIGHT_RECHECK = Duration.ofMinutes(1);

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
        String address = message.recipient().email().strip();
        entityManager
                .createNativeQuery("select count(*) from pg_advisory_xact_lock(:space, hashtext(lower(:address)))")
                .setParameter("space", LOCK_SPACE)
                .setParameter("address", address)
                .getSingleResult();
        Duration window = config.frequencyWindow();
        // Each row is a marketing email to the address: its sent_at if it was sent within the window, or null if it is
        // on its way (this gate let it through and its attempt has not ended). One statement, so a message recorded as
        // sent meanwhile is seen either on its way or sent, never neither.
        List<?> counted = entityManager
                .createNativeQuery(
                        """
                        select l.sent_at from send_ledger l join contact c on c.lead_id = l.lead_id
                        where lower(c.email) = lower(:address) and l.message_kind in (:kinds) and l.id <> :id
                          and ((l.status = 'sent' and l.sent_at > now() - make_interval(secs => :window))
                               or (l.status = 'attempting' and l.frequency_counted))
                        order by l.sent_at desc nulls first
                        """)
                .setParameter("address", address)
                .setParameter("kinds", marketingKinds)
                .setParameter("id", message.id())
                .setParameter("window", window.toMillis() / 1000.0)
                .getResultList();
        List<Instant> sentAt = counted.stream()
                .filter(Objects::nonNull)
                .map(FrequencyCapGate::instant)
                .toList();
        if (sentAt.size() >= cap) {
            // The cap-th most recent: once it is older than the window, fewer than cap remain in it.
            return deferrals.until(
                    sentAt.get(cap - 1).plus(window),
                    Deferrals.Reason.FREQUENCY_CAP,
                    cap + " marketing emails already sent within " + describe(window));
        }
        if (counted.size() >= cap) {
            return deferrals.until(
                    Instant.now().plus(IN_FLIGHT_RECHECK),
                    Deferrals.Reason.FREQUENCY_CAP,
                    cap + " marketing emails already sent or being sent within " + describe(window));
        }
        entityManager
                .createNativeQuery("update send_ledger set frequency_counted = true where id = :id")
                .setParameter("id", message.id())
                .executeUpdate();
        return SendVerdict.go();
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
