package dev.faro.support.inbox;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.UndeliverableEventException;
import dev.faro.support.observability.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The single way a Faro service consumes an event. It decodes and validates the record (what can never be
 * processed goes to the dead-letter topic), then runs the handler and records the event id in one
 * transaction, so a redelivered or duplicated event has no second effect. Transient failures are retried
 * with backoff for as long as they last: they are never dead-lettered.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final EntityManager entityManager;
    private final DeadLetterQueue deadLetters;
    private final InboxConfig config;
    private final MeterRegistry meters;
    private final Tracer tracer;
    /** Resolved once: these run at the start of every event's transaction. */
    private final List<InboxBarrier> barriers;

    private final Counter retries;
    /** Records failing transiently right now; above zero for long means a stalled consumer. */
    private final AtomicInteger retrying = new AtomicInteger();

    private final Gauge retryingGauge;

    private final CountDownLatch stopping = new CountDownLatch(1);

    public EventInbox(
            EntityManager entityManager,
            DeadLetterQueue deadLetters,
            InboxConfig config,
            MeterRegistry meters,
            OpenTelemetry openTelemetry,
            Instance<InboxBarrier> barriers) {
        this.barriers = barriers.stream().toList();
        this.tracer = openTelemetry.getTracer("dev.faro.inbox");
        this.entityManager = entityManager;
        this.deadLetters = deadLetters;
        this.config = config;
        this.meters = meters;
        this.retries = Counter.builder("faro.inbox.retries")
                .description("Attempts at an event that failed transiently and will be retried")
                .register(meters);
        this.retryingGauge = Gauge.builder("faro.inbox.retrying", retrying, AtomicInteger::get)
                .description("Events whose processing is failing and being retried now")
                .register(meters);
    }

    /**
     * Call from a blocking {@code @Incoming} method; returns once the record is processed, skipped or parked.
     * The work continues the producer's trace, so what the handler appends to the outbox joins it too.
     */
    public void receive(ConsumerRecord<String, String> record, EventHandlers handlers) {
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceContext.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            process(record, handlers);
        } finally {
            span.end();
        }
    }

    private void process(ConsumerRecord<String, String> record, EventHandlers handlers) {
        EventEnvelope event;
        try {
            event = EventCodec.instance().decode(record.value());
        } catch (UndeliverableEventException undeliverable) {
            deadLetters.park(record, undeliverable);
            return;
        }
        var handler = handlers.forType(event.eventType());
        if (handler.isEmpty()) {
            return;
        }
        Record data;
        try {
            data = EventCodec.instance().data(event, event.eventType().dataClass());
        } catch (UndeliverableEventException undeliverable) {
            deadLetters.park(record, undeliverable);
            return;
        }
        Duration backoff = config.initialBackoff();
        boolean failing = false;
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                        barriers.forEach(InboxBarrier::enter);
                        if (!markProcessed(event)) {
                            return false;
                        }
                        handler.get().handle(event, data);
                        return true;
                    });
                    meters.counter(
                                    "faro.inbox.events",
                                    "type",
                                    event.type(),
                                    "outcome",
                                    applied ? "applied" : "duplicate")
                            .increment();
                    return;
                } catch (UndeliverableEventException undeliverable) {
                    deadLetters.park(record, undeliverable);
                    return;
                } catch (RuntimeException transientFailure) {
                    if (stopping.getCount() == 0) {
                        throw transientFailure;
                    }
                    if (!failing) {
                        failing = true;
                        retrying.incrementAndGet();
                    }
                    retries.increment();
                    LOG.warnf(
                            "Attempt %d at %s %s failed (%s); retrying in %s",
                            attempt, event.type(), event.id(), transientFailure.getMessage(), backoff);
                    pause(backoff);
                    backoff = min(backoff.multipliedBy(2), config.maxBackoff());
                }
            }
        } finally {
            if (failing) {
                retrying.decrementAndGet();
            }
        }
    }

    /** Inserts the event id; false when it was already there, that is, the event was already applied. */
    private boolean markProcessed(EventEnvelope event) {
        return entityManager
                        .createNativeQuery(
                                "insert into processed_event (event_id, event_type) values (:id, :type) on conflict do nothing")
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate()
                == 1;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    /** The registry can outlive this bean (a restarted application in one JVM): leave no stale gauge. */
    @PreDestroy
    void unregister() {
        meters.remove(retryingGauge);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Waits before the next attempt; at shutdown it gives up at once so the record is redelivered later. */
    private void pause(Duration backoff) {
        try {
            if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("shutting down while retrying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
