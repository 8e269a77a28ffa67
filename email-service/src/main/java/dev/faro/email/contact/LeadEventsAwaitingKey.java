package dev.faro.email.contact;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.UndeliverableEventException;
import dev.faro.contract.events.Sealed;
import dev.faro.email.privacy.ErasedLeads;
import dev.faro.email.privacy.LeadKeyLock;
import dev.faro.email.privacy.LeadKeyStore;
import dev.faro.support.inbox.DeadLetterQueue;
import dev.faro.support.inbox.EventHandlers.Handler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Keeps the faro.leads channel flowing while a lead's data key is on its way. The key travels on faro.lead-keys,
 * consumed on another channel, so a lead's first events can arrive before it; retrying them until then would hold
 * every lead behind them. Instead an event that needs the key waits in {@code lead_event_awaiting_key}, as it was on
 * Kafka (still sealed), and so does every later event of the lead, so the lead's own order holds; the transaction
 * that keeps the key takes them back ({@link #release}). Events of erased leads are ignored, as every handler here
 * ignores them.
 */
@ApplicationScoped
public class LeadEventsAwaitingKey {

    private static final Logger LOG = Logger.getLogger(LeadEventsAwaitingKey.class);

    /** An event that waited and can now be handled. */
    record Released(EventEnvelope event, Record data) {}

    /** Finds why a waiting event's sealed part will never open, before its handler would fail on it. */
    @FunctionalInterface
    private interface SealCheck {
        Optional<UndeliverableEventException> broken(Record data);
    }

    private final EntityManager entityManager;
    private final LeadKeyStore keys;
    private final LeadKeyLock lock;
    private final ErasedLeads erased;
    private final DeadLetterQueue deadLetters;
    /** One per event type that needs the key, added by {@link #needingKey} as the consumer builds its handlers. */
    private final Map<EventType, SealCheck> sealChecks = new ConcurrentHashMap<>();

    public LeadEventsAwaitingKey(
            EntityManager entityManager,
            LeadKeyStore keys,
            LeadKeyLock lock,
            ErasedLeads erased,
            DeadLetterQueue deadLetters) {
        this.entityManager = entityManager;
        this.keys = keys;
        this.lock = lock;
        this.erased = erased;
        this.deadLetters = deadLetters;
    }

    /**
     * Runs {@code handler} once the lead's key is here and nothing of the lead waits before the event.
     *
     * @param sealedOf the part of the event sealed with the lead's key, which {@code handler} opens as {@code opened}
     */
    public <T extends Record> Handler<T> needingKey(
            Class<T> type,
            Function<T, UUID> leadOf,
            Function<T, Sealed> sealedOf,
            Class<? extends Record> opened,
            Handler<T> handler) {
        sealChecks.put(EventType.of(type), data -> {
            T event = type.cast(data);
            return keys.brokenSeal(leadOf.apply(event), sealedOf.apply(event), opened);
        });
        return (event, data) -> {
            UUID leadId = leadOf.apply(data);
            lock.hold(leadId);
            if (erased.isErased(leadId)) {
                return;
            }
            if (keys.isKnown(leadId) && !anyWaiting(leadId)) {
                handler.handle(event, data);
            } else {
                await(event, leadId);
            }
        };
    }

    /** Runs {@code handler} once nothing of the lead waits before the event (which does not need the key itself). */
    public <T extends Record> Handler<T> inTurn(Function<T, UUID> leadOf, Handler<T> handler) {
        return (event, data) -> {
            UUID leadId = leadOf.apply(data);
            lock.hold(leadId);
            if (erased.isErased(leadId)) {
                return;
            }
            if (anyWaiting(leadId)) {
                await(event, leadId);
            } else {
                handler.handle(event, data);
            }
        };
    }

    /**
     * Removes what waited for the lead's key and returns it in arrival order, to be handled in the transaction that
     * keeps the key, which holds the lead's lock. An event whose seal does not open is dead-lettered instead, as it
     * would have been on arrival: its handler would fail and, with it, the transaction that keeps the key.
     */
    List<Released> release(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<String> waiting = entityManager
                .createNativeQuery("select event from lead_event_awaiting_key where lead_id = :lead order by position")
                .setParameter("lead", leadId)
                .getResultList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        entityManager
                .createNativeQuery("delete from lead_event_awaiting_key where lead_id = :lead")
                .setParameter("lead", leadId)
                .executeUpdate();
        List<Released> released = new ArrayList<>();
        for (String json : waiting) {
            EventEnvelope event = EventCodec.instance().decodeTrusted(json);
            Record data = EventCodec.instance().data(event, event.eventType().dataClass());
            Optional<UndeliverableEventException> broken =
                    Optional.ofNullable(sealChecks.get(event.eventType())).flatMap(check -> check.broken(data));
            if (broken.isPresent()) {
                // Its partition and offset on faro.leads are not known any more.
                LOG.warnf("A %s of lead %s that waited for its key does not open with it", event.type(), leadId);
                deadLetters.park(
                        new ConsumerRecord<>(Topics.LEADS.name(), -1, -1L, leadId.toString(), json), broken.get());
            } else {
                released.add(new Released(event, data));
            }
        }
        return released;
    }

    private boolean anyWaiting(UUID leadId) {
        return !entityManager
                .createNativeQuery("select 1 from lead_event_awaiting_key where lead_id = :lead limit 1")
                .setParameter("lead", leadId)
                .getResultList()
                .isEmpty();
    }

    /**
     * A LeadCaptured takes the place of the lead's capture already waiting, if any: the contact is to be what the
     * latest describes, and the lead becomes a contact at the same point of its order.
     */
    private void await(EventEnvelope event, UUID leadId) {
        String json = EventCodec.instance().encode(event);
        if (event.eventType() == EventType.LEAD_CAPTURED && replaceWaitingCapture(event, leadId, json)) {
            return;
        }
        entityManager
                .createNativeQuery(
                        """
                        insert into lead_event_awaiting_key (lead_id, event_id, event_type, event)
                        values (:lead, :eventId, :type, :event)
                        """)
                .setParameter("lead", leadId)
                .setParameter("eventId", event.id())
                .setParameter("type", event.type())
                .setParameter("event", json)
                .executeUpdate();
    }

    private boolean replaceWaitingCapture(EventEnvelope event, UUID leadId, String json) {
        return entityManager
                        .createNativeQuery(
                                """
                                update lead_event_awaiting_key
                                set event_id = :eventId, event = :event, received_at = now()
                                where lead_id = :lead and event_type = :type
                                """)
                        .setParameter("lead", leadId)
                        .setParameter("eventId", event.id())
                        .setParameter("type", event.type())
                        .setParameter("event", json)
                        .executeUpdate()
                > 0;
    }
}
