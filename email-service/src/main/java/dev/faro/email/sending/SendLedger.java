package dev.faro.email.sending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.events.EmailFailed;
import dev.faro.contract.events.EmailSent;
import dev.faro.email.contact.ContactSaved;
import dev.faro.email.contact.Language;
import dev.faro.email.privacy.LeadKeyLock;
import dev.faro.support.observability.TraceContext;
import dev.faro.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every message a lead is due to receive and where it stands. The unique key (lead, kind, step) makes each
 * message happen once however often its cause is delivered; the status moves pending → attempting → sent
 * or failed, and each outcome commits together with the event that reports it.
 */
@ApplicationScoped
public class SendLedger {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Event<SendIntentRecorded> recorded;
    private final Event<MessageSent> sent;
    private final LeadKeyLock lock;

    public SendLedger(
            EntityManager entityManager,
            Outbox outbox,
            ObjectMapper mapper,
            Event<SendIntentRecorded> recorded,
            Event<MessageSent> sent,
            LeadKeyLock lock) {
        this.entityManager = entityManager;
        this.lock = lock;
        this.outbox = outbox;
        this.mapper = mapper;
        this.recorded = recorded;
        this.sent = sent;
    }

    /**
     * Adds the intent unless that message is already in the ledger; true when it was added. An intent with no address
     * of its own whose lead has no contact yet is recorded as awaiting its recipient, out of the claims' way, until
     * {@link #recipientKnown} (the lead's lock orders the two).
     */
    @Transactional(TxType.MANDATORY)
    public boolean record(SendIntent intent) {
        if (intent.address() == null) {
            lock.hold(intent.leadId());
        }
        TraceContext trace = TraceContext.current();
        int inserted = entityManager
                .createNativeQuery(
                        """
                        insert into send_ledger (lead_id, message_kind, step, campaign, params, trace_parent,
                                                 trace_state, address, next_attempt_at, awaiting_recipient)
                        values (:leadId, :kind, :step, :campaign, cast(:params as jsonb), :traceParent, :traceState,
                                :address, coalesce(cast(:dueAt as timestamptz), now()),
                                cast(:address as varchar) is null
                                    and not exists (select 1 from contact where lead_id = :leadId))
                        on conflict (lead_id, message_kind, step) do nothing
                        """)
                .setParameter("address", intent.address())
                .setParameter("dueAt", intent.dueAt() == null ? null : Timestamp.from(intent.dueAt()))
                .setParameter("leadId", intent.leadId())
                .setParameter("kind", intent.kind())
                .setParameter("step", intent.step())
                .setParameter("campaign", intent.campaign())
                .setParameter("params", json(intent.params()))
                .setParameter("traceParent", trace.traceParent())
                .setParameter("traceState", trace.traceState())
                .executeUpdate();
        if (inserted == 1) {
            recorded.fire(new SendIntentRecorded(intent.leadId(), intent.kind(), intent.step()));
        }
        return inserted == 1;
    }

    /** Makes the lead's messages that awaited its contact claimable; runs in the transaction that saves the contact. */
    void recipientKnown(@Observes ContactSaved saved) {
        entityManager
                .createNativeQuery(
                        "update send_ledger set awaiting_recipient = false where lead_id = :leadId and awaiting_recipient")
                .setParameter("leadId", saved.leadId())
                .executeUpdate();
    }

    /**
     * Cancels a lead's messages of these kinds that are still waiting (not those a sender has claimed: they may
     * already be at the SMTP server); returns how many.
     */
    @Transactional(TxType.MANDATORY)
    public int cancelPending(UUID leadId, Collection<String> kinds, String reason) {
        if (kinds.isEmpty()) {
            return 0;
        }
        return entityManager
                .createNativeQuery(
                        """
                        update send_ledger set status = 'cancelled', last_error = :reason
                        where lead_id = :leadId and status = 'pending' and message_kind in (:kinds)
                        """)
                .setParameter("reason", reason)
                .setParameter("leadId", leadId)
                .setParameter("kinds", kinds)
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} of the most overdue messages whose recipient is known (its contact, or an address of
     * its own), most overdue first, in one transaction. The sender attempts them one after another, so the lease of
     * the message at position {@code i} is {@code attemptTimeout} plus {@code i} send timeouts: the sends before it
     * may take that long. SKIP LOCKED lets several senders claim different rows without waiting on each other. Each
     * claim names its sender instance ({@code sender}, the key of its {@link SenderLiveness} lock); an attempt whose
     * claim ran out, or whose sender is gone ({@link #reclaimAbandoned}), is due again and keeps its Message-ID.
     */
    @Transactional(TxType.REQUIRES_NEW)
    List<DueMessage> claimDue(Duration attemptTimeout, Duration sendTimeout, SenderShare share, int limit, int sender) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select l.id, l.lead_id, l.message_kind, l.step, l.campaign, cast(l.params as text),
                               l.attempts, coalesce(l.address, c.email), c.name, coalesce(c.locale, 'es'),
                               l.trace_parent, l.trace_state
                        from send_ledger l
                        left join contact c on c.lead_id = l.lead_id
                        where l.status in ('pending', 'attempting') and not l.awaiting_recipient
                          and l.next_attempt_at <= now()
                          and (l.address is not null or c.lead_id is not null)
                          and %s = :share
                        order by l.next_attempt_at
                        limit :limit
                        for update of l skip locked
                        """
                                .formatted(SenderShare.SQL))
                .setParameter("shares", share.count())
                .setParameter("share", share.index())
                .setParameter("limit", limit)
                .getResultList();
        List<DueMessage> claimed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            claimed.add(claim(row, attemptTimeout.plus(sendTimeout.multipliedBy(claimed.size())), sender));
        }
        return claimed;
    }

    private DueMessage claim(Object[] row, Duration lease, int sender) {
        long id = ((Number) row[0]).longValue();
        UUID leadId = (UUID) row[1];
        String kind = (String) row[2];
        int step = ((Number) row[3]).intValue();
        int attempt = ((Number) row[6]).intValue() + 1;
        String messageId = messageId(kind, step, leadId);
        entityManager
                .createNativeQuery(
                        """
                        update send_ledger
                        set status = 'attempting', message_id = :messageId, attempts = :attempt,
                            next_attempt_at = now() + make_interval(secs => :lease), frequency_counted = false,
                            claimed_by = :sender, claimed_at = now()
                        where id = :id
                        """)
                .setParameter("messageId", messageId)
                .setParameter("sender", sender)
                .setParameter("attempt", attempt)
                .setParameter("lease", seconds(lease))
                .setParameter("id", id)
                .executeUpdate();
        Recipient recipient = new Recipient((String) row[7], (String) row[8], Language.of((String) row[9]));
        return new DueMessage(
                id,
                leadId,
                kind,
                step,
                (String) row[4],
                (String) row[5],
                messageId,
                attempt,
                recipient,
                new TraceContext((String) row[10], (String) row[11]));
    }

    /**
     * Makes due again the messages claimed more than {@code grace} ago by senders whose liveness lock nobody holds any
     * more: the instance died with them claimed. They stay 'attempting' with their attempt count, so the next claim
     * spends a new attempt and keeps the Message-ID, as when a lease runs out; returns how many.
     */
    @Transactional(TxType.REQUIRES_NEW)
    int reclaimAbandoned(Duration grace) {
        return entityManager
                .createNativeQuery(
                        """
                        with live as materialized (
                            select objid::bigint as sender
                            from pg_locks
                            where locktype = 'advisory' and classid = :namespace and objsubid = 2 and granted
                              and database = (select oid from pg_database where datname = current_database()))
                        update send_ledger l set next_attempt_at = now()
                        where l.status = 'attempting' and l.claimed_by is not null
                          and l.next_attempt_at > now()
                          and l.claimed_at < now() - make_interval(secs => :grace)
                          and l.claimed_by not in (select sender from live)
                        """)
                .setParameter("namespace", SenderLiveness.LOCK_NAMESPACE)
                .setParameter("grace", seconds(grace))
                .executeUpdate();
    }

    /**
     * Records that the SMTP server accepted the message and publishes EmailSent (mail to leads only), in one
     * transaction with whatever {@link MessageSent}'s observers write. False when the claim was lost meanwhile
     * (it ran out and another attempt owns the row): that one reports.
     */
    @Transactional(TxType.REQUIRES_NEW)
    boolean markSent(DueMessage message, MailCategory category) {
        boolean owned =
                ownedUpdate("update send_ledger set status = 'sent', sent_at = now(), last_error = null", message)
                                .executeUpdate()
                        == 1;
        if (owned) {
            sent.fire(new MessageSent(message));
        }
        if (owned && category.reportsToLeadEvents()) {
            outbox.append(
                    message.leadId().toString(),
                    new EmailSent(
                            message.leadId(), message.campaign(), message.kind(), message.step(), message.messageId()));
        }
        return owned;
    }

    /** Puts the message back to wait {@code delay} before its next attempt. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean retryLater(DueMessage message, Duration delay, String error) {
        return ownedUpdate(
                                "update send_ledger set status = 'pending', last_error = :error,"
                                        + " next_attempt_at = now() + make_interval(secs => :delay)",
                                message)
                        .setParameter("error", error)
                        .setParameter("delay", seconds(delay))
                        .executeUpdate()
                == 1;
    }

    /**
     * Puts the message back until {@code until} without spending an attempt: a gate postponed it (quiet hours,
     * the frequency cap), nothing failed.
     */
    @Transactional(TxType.REQUIRES_NEW)
    boolean defer(DueMessage message, Instant until, String reason) {
        return ownedUpdate(
                                "update send_ledger set status = 'pending', attempts = attempts - 1,"
                                        + " last_error = :reason, next_attempt_at = :until",
                                message)
                        .setParameter("reason", reason)
                        .setParameter("until", Timestamp.from(until))
                        .executeUpdate()
                == 1;
    }

    /** Hands a claimed message back unattempted, due now and with its attempt unspent (the sender is stopping). */
    @Transactional(TxType.REQUIRES_NEW)
    boolean release(DueMessage message) {
        return ownedUpdate(
                                "update send_ledger set status = 'pending', attempts = attempts - 1,"
                                        + " next_attempt_at = now()",
                                message)
                        .executeUpdate()
                == 1;
    }

    /** Drops a message that is no longer wanted; no event reports it. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean cancel(DueMessage message, String reason) {
        return ownedUpdate("update send_ledger set status = 'cancelled', last_error = :reason", message)
                        .setParameter("reason", reason)
                        .executeUpdate()
                == 1;
    }

    /** Gives the message up and publishes EmailFailed (mail to leads only), in one transaction. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean markFailed(DueMessage message, MailCategory category, boolean permanent, String reason) {
        return giveUp(message, category, "failed", permanent, reason);
    }

    /**
     * Refuses the message before sending (suppressed address, no consent) and publishes a permanent EmailFailed
     * with the reason, in one transaction.
     */
    @Transactional(TxType.REQUIRES_NEW)
    boolean markSuppressed(DueMessage message, MailCategory category, String reason) {
        return giveUp(message, category, "suppressed", true, reason);
    }

    private boolean giveUp(DueMessage message, MailCategory category, String status, boolean permanent, String reason) {
        boolean owned = ownedUpdate("update send_ledger set status = :status, last_error = :error", message)
                        .setParameter("status", status)
                        .setParameter("error", reason)
                        .executeUpdate()
                == 1;
        if (owned && category.reportsToLeadEvents()) {
            outbox.append(
                    message.leadId().toString(),
                    new EmailFailed(
                            message.leadId(), message.campaign(), message.kind(), message.step(), permanent, reason));
        }
        return owned;
    }

    /** The Message-ID of a message: fixed by what it is, so every attempt at it carries the same one. */
    static String messageId(String kind, int step, UUID leadId) {
        return "<" + kind + "." + step + "." + leadId + "@faro.local>";
    }

    /** An update of the claimed row that matches nothing once this attempt no longer owns it. */
    private Query ownedUpdate(String update, DueMessage message) {
        return entityManager
                .createNativeQuery(update + " where id = :id and status = 'attempting' and attempts = :attempt")
                .setParameter("id", message.id())
                .setParameter("attempt", message.attempt());
    }

    private String json(Object params) {
        try {
            return mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store the params of a send intent", e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
