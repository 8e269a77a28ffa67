package dev.faro.lead.webhook;

import static dev.faro.support.persistence.SqlTimestamps.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * The deliveries waiting for, or being made by, the dispatcher. A delivery is queued in the transaction of the
 * lead change it reports, claimed for one attempt at a time, and each attempt's outcome is written together with
 * its line in the delivery log. An update that no longer matches the claim (it ran out and another attempt took
 * over, or the lead was erased meanwhile) changes nothing.
 */
@ApplicationScoped
class DeliveryQueue {

    private final EntityManager entityManager;
    private final Event<DeliveriesQueued> queued;

    DeliveryQueue(EntityManager entityManager, Event<DeliveriesQueued> queued) {
        this.entityManager = entityManager;
        this.queued = queued;
    }

    /**
     * Queues one delivery of {@code event} for each webhook of the campaign that subscribes to it; a delivery that
     * exists already (the same event about the same lead) is not queued twice. Returns how many were queued.
     */
    @Transactional(TxType.MANDATORY)
    int enqueue(WebhookEvent event, UUID leadId, String campaign, Instant occurredAt) {
        int inserted = entityManager
                .createNativeQuery(
                        """
                        insert into webhook_delivery (id, webhook_id, lead_id, event_type, occurred_at, next_attempt_at)
                        select gen_random_uuid(), w.id, :lead, :event, :occurredAt, now()
                        from webhook w join webhook_event e on e.webhook_id = w.id and e.event_type = :event
                        where w.campaign_id = :campaign
                        on conflict (webhook_id, lead_id, event_type) do nothing
                        """)
                .setParameter("lead", leadId)
                .setParameter("event", event.wireName())
                .setParameter("occurredAt", occurredAt)
                .setParameter("campaign", campaign)
                .executeUpdate();
        if (inserted > 0) {
            queued.fire(new DeliveriesQueued());
        }
        return inserted;
    }

    /**
     * Claims the most overdue delivery for one attempt lasting at most {@code lease}. SKIP LOCKED lets several
     * dispatchers claim different deliveries without waiting on each other; a claim that ran out (its dispatcher
     * died) is due again.
     */
    @Transactional(TxType.REQUIRES_NEW)
    Optional<ClaimedDelivery> claimNext(Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select d.id, d.lead_id, d.event_type, d.occurred_at, d.attempts, w.url, w.secret
                        from webhook_delivery d join webhook w on w.id = d.webhook_id
                        where d.status in ('pending', 'delivering') and d.next_attempt_at <= now()
                        order by d.next_attempt_at
                        limit 1
                        for update of d skip locked
                        """)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        ClaimedDelivery delivery = new ClaimedDelivery(
                (UUID) row[0],
                (UUID) row[1],
                WebhookEvent.of((String) row[2]).orElseThrow(),
                instant(row[3]),
                ((Number) row[4]).intValue() + 1,
                (String) row[5],
                (String) row[6]);
        entityManager
                .createNativeQuery(
                        """
                        update webhook_delivery
                        set status = 'delivering', attempts = :attempt,
                            next_attempt_at = now() + make_interval(secs => :lease)
                        where id = :id
                        """)
                .setParameter("attempt", delivery.attempt())
                .setParameter("lease", seconds(lease))
                .setParameter("id", delivery.id())
                .executeUpdate();
        return Optional.of(delivery);
    }

    @Transactional(TxType.REQUIRES_NEW)
    boolean markDelivered(ClaimedDelivery delivery, AttemptResult result) {
        return recordAttempt(
                owned("update webhook_delivery set status = 'delivered', completed_at = now()", delivery),
                delivery,
                result);
    }

    /** Puts the delivery back to wait {@code delay} before its next attempt. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean retryLater(ClaimedDelivery delivery, AttemptResult result, Duration delay) {
        Query update = owned(
                        "update webhook_delivery set status = 'pending',"
                                + " next_attempt_at = now() + make_interval(secs => :delay)",
                        delivery)
                .setParameter("delay", seconds(delay));
        return recordAttempt(update, delivery, result);
    }

    @Transactional(TxType.REQUIRES_NEW)
    boolean markFailed(ClaimedDelivery delivery, AttemptResult result) {
        return recordAttempt(
                owned("update webhook_delivery set status = 'failed', completed_at = now()", delivery),
                delivery,
                result);
    }

    /** Gives up a delivery whose lead is gone, without an attempt: there is nothing left to send. */
    @Transactional(TxType.REQUIRES_NEW)
    boolean cancel(ClaimedDelivery delivery) {
        return owned("update webhook_delivery set status = 'cancelled', completed_at = now()", delivery)
                        .executeUpdate()
                == 1;
    }

    private boolean recordAttempt(Query update, ClaimedDelivery delivery, AttemptResult result) {
        if (update.executeUpdate() != 1) {
            return false;
        }
        entityManager
                .createNativeQuery(
                        """
                        insert into webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                        values (:delivery, :attempt, :attemptedAt, :statusCode, cast(:error as varchar), :durationMs)
                        """)
                .setParameter("delivery", delivery.id())
                .setParameter("attempt", delivery.attempt())
                .setParameter("attemptedAt", result.startedAt())
                .setParameter("statusCode", new TypedParameterValue<>(StandardBasicTypes.INTEGER, result.statusCode()))
                .setParameter("error", result.error())
                .setParameter("durationMs", (int)
                        Math.min(Integer.MAX_VALUE, result.duration().toMillis()))
                .executeUpdate();
        return true;
    }

    /** An update of the claimed row that matches nothing once this attempt no longer owns it. */
    private Query owned(String update, ClaimedDelivery delivery) {
        return entityManager
                .createNativeQuery(update + " where id = :id and status = 'delivering' and attempts = :attempt")
                .setParameter("id", delivery.id())
                .setParameter("attempt", delivery.attempt());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
