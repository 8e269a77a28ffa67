package dev.faro.support.outbox;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.support.observability.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records events to publish in the caller's transaction, so an event exists exactly when the change that
 * caused it was committed. The relay publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final Event<OutboxAppended> appended;
    private final String source;
    private final Clock clock = Clock.systemUTC();

    public Outbox(
            EntityManager entityManager,
            Event<OutboxAppended> appended,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.appended = appended;
        this.source = "/faro/" + applicationName;
    }

    /**
     * Appends an event whose Kafka key (and CloudEvents subject) is {@code key}; records of one key keep
     * their order. The current trace context travels with the row so the consumer's work joins the trace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String key, Record data) {
        EventEnvelope event = EventCodec.instance().newEvent(source, key, data, clock);
        EventType type = event.eventType();
        TraceContext trace = TraceContext.current();
        entityManager
                .createNativeQuery(
                        """
                        insert into outbox_event (event_id, topic, record_key, event_type, payload, trace_parent, trace_state)
                        values (:id, :topic, :key, :type, :payload, :traceParent, :traceState)
                        """)
                .setParameter("id", event.id())
                .setParameter("topic", type.topic().name())
                .setParameter("key", key)
                .setParameter("type", event.type())
                .setParameter("payload", EventCodec.instance().encode(event))
                .setParameter("traceParent", trace.traceParent())
                .setParameter("traceState", trace.traceState())
                .executeUpdate();
        appended.fire(new OutboxAppended());
        return event;
    }
}
