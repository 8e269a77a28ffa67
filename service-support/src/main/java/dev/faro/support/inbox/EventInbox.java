package dev.faro.support.inbox;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.UndeliverableEventException;
import dev.faro.support.inbox.EventHandlers.Handler;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        Span span = processingSpan(record);
        try (Scope scope = span.makeCurrent()) {
            decode(record, handlers).ifPresent(this::applyWithRetries);
        } finally {
            span.end();
        }
    }

    /**
     * Call from a blocking {@code @Incoming} method of a batch channel with what one poll returned. The records are
     * applied in transactions of up to {@code faro.inbox.max-batch} events, each recording its events as processed
     * with their effects, so a consumer that has fallen behind pays one commit for many events. A record that can
     * never be processed is parked first, as {@link #receive} would. Records of one key keep their order; a
     * transaction takes them key by key in ascending order, so two channels whose handlers lock per key (a lead's
     * lock, say) take those locks in the same order and cannot deadlock. When a transaction fails, nothing of it
     * stays and its records are applied one by one as {@link #receive} applies them, with retries and dead-lettering.
     */
    public void receiveAll(Iterable<ConsumerRecord<String, String>> records, EventHandlers handlers) {
        List<Decoded> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            decode(record, handlers).ifPresent(batch::add);
        }
        batch.sort(Comparator.comparing(
                decoded -> Objects.requireNonNullElse(decoded.record().key(), "")));
        for (int from = 0; from < batch.size(); from += config.maxBatch()) {
            applyTogether(batch.subList(from, Math.min(batch.size(), from + config.maxBatch())));
        }
    }

    /** A record ready for its handler. */
    private record Decoded(
            ConsumerRecord<String, String> record, EventEnvelope event, Handler<Record> handler, Record data) {}

    /** The record decoded, or empty when it was parked (undeliverable) or no handler wants it. */
    private Optional<Decoded> decode(ConsumerRecord<String, String> record, EventHandlers handlers) {
        try {
            EventEnvelope event = EventCodec.instance().decode(record.value());
            Optional<Handler<Record>> handler = handlers.forType(event.eventType());
            if (handler.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Decoded(
                    record,
                    event,
                    handler.get(),
                    EventCodec.instance().data(event, event.eventType().dataClass())));
        } catch (UndeliverableEventException undeliverable) {
            deadLetters.park(record, undeliverable);
            return Optional.empty();
        }
    }

    private void applyTogether(List<Decoded> batch) {
        if (batch.size() == 1) {
            applyAlone(batch.get(0));
            return;
        }
        boolean[] applied = new boolean[batch.size()];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                barriers.forEach(InboxBarrier::enter);
                for (int i = 0; i < batch.size(); i++) {
                    applied[i] = applyInTrace(batch.get(i));
                }
            });
        } catch (RuntimeException failure) {
            LOG.debugf(
                    "A transaction of %d events failed (%s); applying them one by one",
                    batch.size(), failure.getMessage());
            batch.forEach(this::applyAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            count(batch.get(i).event(), applied[i]);
        }
    }

    /** Applies the event within the caller's transaction, in a span that continues the producer's trace. */
    private boolean applyInTrace(Decoded decoded) {
        Span span = processingSpan(decoded.record());
        try (Scope scope = span.makeCurrent()) {
            if (!markProcessed(decoded.event())) {
                return false;
            }
            decoded.handler().handle(decoded.event(), decoded.data());
            return true;
        } finally {
            span.end();
        }
    }

    private Span processingSpan(ConsumerRecord<String, String> record) {
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceContext.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .startSpan();
    }

    private void count(EventEnvelope event, boolean applied) {
        meters.counter("faro.inbox.events", "type", event.type(), "outcome", applied ? "applied" : "duplicate")
                .increment();
    }

    /** One event in a transaction of its own, in a span that continues the producer's trace. */
    private void applyAlone(Decoded decoded) {
        Span span = processingSpan(decoded.record());
        try (Scope scope = span.makeCurrent()) {
            applyWithRetries(decoded);
        } finally {
            span.end();
        }
    }

    /** Applies the event in its own transaction, retrying transient failures for as long as they last. */
    private void applyWithRetries(Decoded decoded) {
        EventEnvelope event = decoded.event();
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
                        decoded.handler().handle(event, decoded.data());
                        return true;
                    });
                    count(event, applied);
                    return;
                } catch (UndeliverableEventException undeliverable) {
                    deadLetters.park(decoded.record(), undeliverable);
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
