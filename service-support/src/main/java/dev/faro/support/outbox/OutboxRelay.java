package dev.faro.support.outbox;

import dev.faro.contract.EventEnvelope;
import dev.faro.support.kafka.ReliableProducerFactory;
import dev.faro.support.observability.TraceContext;
import dev.faro.support.persistence.SqlTimestamps;
import dev.faro.support.worker.WakeableWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written and marks them sent once every broker
 * acknowledgement is in. A failure rolls the batch back; the next attempt re-sends it with the same event
 * ids, which consumers recognise. One advisory lock lets only one instance relay at a time, which keeps
 * the order per key even with several replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed: every instance of a service must contend for the same lock. */
    private static final long RELAY_LOCK = 0x4641524F_0001L;

    private final EntityManager entityManager;
    private final ReliableProducerFactory producers;
    private final OutboxConfig config;
    private final String applicationName;
    private final Tracer tracer;
    private final Timer publishLag;
    private final Counter published;
    private WakeableWorker worker;
    private Producer<String, String> producer;

    public OutboxRelay(
            EntityManager entityManager,
            ReliableProducerFactory producers,
            OutboxConfig config,
            OpenTelemetry openTelemetry,
            MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.producers = producers;
        this.config = config;
        this.applicationName = applicationName;
        this.tracer = openTelemetry.getTracer("dev.faro.outbox");
        this.publishLag = Timer.builder("faro.outbox.publish.lag")
                .description("Time from an event's commit to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.published = Counter.builder("faro.outbox.published")
                .description("Events the relay published")
                .register(meters);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        producer = producers.create(applicationName + "-outbox-relay");
        worker = new WakeableWorker(
                "outbox-relay",
                () -> publishBatch() == config.batchSize(),
                config.pollInterval(),
                config.retryBackoff(),
                LOG);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker == null) {
            return;
        }
        worker.stop(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(5));
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        if (worker != null) {
            worker.wake();
        }
    }

    /** Publishes one batch in one transaction; returns how many events were sent. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            boolean locked = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK)
                    .getSingleResult();
            if (!locked) {
                return 0;
            }
            List<PendingEvent> pending = loadPending();
            if (pending.isEmpty()) {
                return 0;
            }
            List<Span> spans = new ArrayList<>(pending.size());
            try {
                List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(pending.size());
                for (PendingEvent event : pending) {
                    Span span = startProducerSpan(event);
                    spans.add(span);
                    acknowledgements.add(producer.send(toRecord(event, span)));
                }
                // The whole batch is in the producer's buffer: send it now rather than after linger.ms.
                producer.flush();
                for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                    acknowledgement.get();
                }
            } finally {
                spans.forEach(Span::end);
            }
            entityManager
                    .createNativeQuery("update outbox_event set sent_at = now() where seq in (:seqs)")
                    .setParameter(
                            "seqs", pending.stream().map(PendingEvent::seq).toList())
                    .executeUpdate();
            Instant now = Instant.now();
            pending.forEach(event -> publishLag.record(Duration.between(event.createdAt(), now)));
            published.increment(pending.size());
            return pending.size();
        });
    }

    @SuppressWarnings("unchecked")
    private List<PendingEvent> loadPending() {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select seq, event_id, topic, record_key, event_type, payload, trace_parent, trace_state, created_at
                        from outbox_event where sent_at is null order by seq limit :limit
                        """)
                .setParameter("limit", config.batchSize())
                .getResultList();
        return rows.stream().map(PendingEvent::fromRow).toList();
    }

    private Span startProducerSpan(PendingEvent event) {
        return tracer.spanBuilder(event.topic() + " publish")
                .setParent(new TraceContext(event.traceParent(), event.traceState()).asParent())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.eventId().toString())
                .startSpan();
    }

    private static ProducerRecord<String, String> toRecord(PendingEvent event, Span span) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
        record.headers()
                .add("content-type", bytes(EventEnvelope.CLOUDEVENTS_CONTENT_TYPE))
                .add("ce_id", bytes(event.eventId().toString()))
                .add("ce_type", bytes(event.type()));
        TraceContext.of(Context.root().with(span)).writeTo(record.headers());
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private record PendingEvent(
            long seq,
            UUID eventId,
            String topic,
            String key,
            String type,
            String payload,
            String traceParent,
            String traceState,
            Instant createdAt) {

        static PendingEvent fromRow(Object[] row) {
            return new PendingEvent(
                    ((Number) row[0]).longValue(),
                    (UUID) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    (String) row[7],
                    SqlTimestamps.instant(row[8]));
        }
    }
}
