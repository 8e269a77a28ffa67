package dev.faro.lead.visit;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.Topics;
import dev.faro.contract.events.VisitRecorded;
import dev.faro.support.kafka.KafkaConnection;
import dev.faro.support.observability.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes visits straight to Kafka, best effort. Visits are the funnel's denominator: losing a few while
 * Kafka is in trouble skews a ratio slightly, while making landing pages wait for a broker would hurt every
 * visitor. So nothing here ever waits: a visit that cannot be handed to the producer at once is dropped and
 * counted in {@code faro.visits.dropped}, tagged with the reason. There is no outbox and no database on
 * this path, unlike leads, which are owed to someone and go through the outbox.
 */
@ApplicationScoped
public class VisitPublisher {

    /** Tuning of the visit producer. The defaults trade a few milliseconds per visit for fewer, larger requests. */
    @ConfigMapping(prefix = "faro.visits.producer")
    public interface Config {

        /** How long a batch waits for more visits before it is sent. */
        @WithDefault("20ms")
        Duration linger();

        /** Bytes per partition batch. */
        @WithDefault("65536")
        int batchSize();

        /**
         * Bytes the producer may hold for visits not yet acknowledged. When it is full (a long broker outage),
         * further visits are dropped as {@code buffer-full} instead of waiting for room.
         */
        @WithDefault("8388608")
        long bufferMemory();

        /** none, gzip, snappy, lz4 or zstd. */
        @WithDefault("lz4")
        String compression();

        /** How long a buffered visit may wait for an acknowledgement before it is dropped as {@code delivery-failed}. */
        @WithDefault("30s")
        Duration deliveryTimeout();
    }

    /** Why a visit was not published; the {@code reason} tag of {@code faro.visits.dropped}. */
    enum DropReason {
        /** The producer does not (yet) know the topic's partitions: Kafka has not answered since start-up. */
        NO_METADATA,
        /** The bounded buffer is full of visits Kafka has not acknowledged. */
        BUFFER_FULL,
        /** Buffered, but not acknowledged within the delivery timeout, or refused by the broker. */
        DELIVERY_FAILED,
        /** The producer refused the visit for another reason (it is closing, say). */
        PRODUCER_ERROR;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger LOG = Logger.getLogger(VisitPublisher.class);
    private static final String TOPIC = Topics.VISITS.name();
    private static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final Duration METADATA_IDLE = Duration.ofDays(1);
    /** At most one warning per interval: at this endpoint's volume, one per dropped visit would flood the log. */
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final Producer<String, String> producer;
    private final String source;
    private final Clock clock = Clock.systemUTC();
    private final Counter published;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final AtomicLong nextWarningNanos = new AtomicLong(System.nanoTime());

    public VisitPublisher(
            KafkaConnection kafka,
            Config config,
            MeterRegistry meters,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/faro/" + applicationName;
        this.producer = new KafkaProducer<>(
                producerSettings(kafka, config, applicationName + "-visits"),
                new StringSerializer(),
                new StringSerializer());
        this.published = Counter.builder("faro.visits.published")
                .description("Visits acknowledged by Kafka")
                .register(meters);
        for (DropReason reason : DropReason.values()) {
            dropped.put(
                    reason,
                    Counter.builder("faro.visits.dropped")
                            .description("Visits answered 202 but never published (best effort)")
                            .tag("reason", reason.tag())
                            .register(meters));
        }
    }

    private static Map<String, Object> producerSettings(KafkaConnection kafka, Config config, String clientId) {
        int deliveryTimeoutMs = Math.toIntExact(config.deliveryTimeout().toMillis());
        Map<String, Object> settings = kafka.settings();
        settings.putAll(Map.ofEntries(
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, clientId),
                // The request thread must never wait: not for metadata, not for room in the buffer. With 0,
                // send() either hands the visit over at once or fails at once, and the visit is dropped.
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0),
                Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, config.bufferMemory()),
                // Throughput: many small visits per request to the broker. Visits are near-identical small
                // JSON documents, so lz4 shrinks a batch several times for little CPU, and the bounded buffer,
                // which holds batches as they are compressed, keeps more visits through a broker hiccup.
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, config.linger().toMillis()),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, config.batchSize()),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression()),
                // acks=1: the leader's acknowledgement is enough for a statistic. Waiting for every in-sync
                // replica would hold each batch in the bounded buffer longer (so a slow follower would turn
                // into drops) to protect against a rarer loss: a leader dying before its followers copied the
                // last few visits. Idempotence needs acks=all, so it is off; a retried batch may then be
                // written twice, with the same event ids, which a consumer's inbox recognises as duplicates.
                Map.entry(ProducerConfig.ACKS_CONFIG, "1"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs),
                // Keep the topic's metadata through quiet hours: forgotten metadata (5 minutes idle by default)
                // would drop the first visits of the morning as no-metadata.
                Map.entry(ProducerConfig.METADATA_MAX_IDLE_CONFIG, METADATA_IDLE.toMillis())));
        return settings;
    }

    /**
     * Asks for the topic's metadata at start-up, off the request path, so the first visits find the
     * partitions known. The call returns at once; the producer's own thread keeps asking until a broker
     * answers, so a Kafka that is down at start-up is picked up when it comes back.
     */
    void warmUp(@Observes StartupEvent startup) {
        if (knowsTopic()) {
            return;
        }
        LOG.infof(
                "Asked Kafka for the partitions of %s; visits arriving before the answer are dropped (reason %s)",
                TOPIC, DropReason.NO_METADATA.tag());
    }

    void close(@Observes ShutdownEvent shutdown) {
        // Gives buffered visits a moment to go out; whatever is left is dropped (and counted) by close.
        producer.close(Duration.ofSeconds(5));
    }

    /** Whether the producer knows the partitions of the visits topic, i.e. visits can be buffered now. */
    boolean knowsTopic() {
        try {
            return !producer.partitionsFor(TOPIC).isEmpty();
        } catch (KafkaException e) {
            return false;
        }
    }

    /**
     * Hands the visit to the producer without waiting for anything; the outcome is counted, never reported
     * to the caller.
     */
    public void publish(VisitRecorded visit) {
        EventEnvelope event = EventCodec.instance().newEvent(source, visit.visitorId(), visit, clock);
        ProducerRecord<String, String> record = new ProducerRecord<>(
                TOPIC, visit.visitorId(), EventCodec.instance().encode(event));
        record.headers()
                .add("content-type", bytes(EventEnvelope.CLOUDEVENTS_CONTENT_TYPE))
                .add("ce_id", bytes(event.id().toString()))
                .add("ce_type", bytes(event.type()));
        TraceContext.current().writeTo(record.headers());
        try {
            producer.send(record, new Outcome());
        } catch (RuntimeException e) {
            // Errors the producer throws instead of reporting to the callback (closed, for one).
            drop(DropReason.PRODUCER_ERROR, e);
        }
    }

    /** Counts what became of one visit. */
    private final class Outcome implements Callback {

        /**
         * A callback run on the thread that called send() reports a refusal before the visit was buffered;
         * one run on the producer's I/O thread reports the fate of a buffered visit. Both failures are a
         * TimeoutException when Kafka is away, so the thread is what tells them apart.
         */
        private final Thread caller = Thread.currentThread();

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error == null) {
                published.increment();
            } else if (Thread.currentThread() != caller) {
                drop(DropReason.DELIVERY_FAILED, error);
            } else if (error instanceof BufferExhaustedException) {
                drop(DropReason.BUFFER_FULL, error);
            } else if (error instanceof TimeoutException) {
                drop(DropReason.NO_METADATA, error);
            } else {
                drop(DropReason.PRODUCER_ERROR, error);
            }
        }
    }

    private void drop(DropReason reason, Exception error) {
        dropped.get(reason).increment();
        long now = System.nanoTime();
        long due = nextWarningNanos.get();
        if (now - due >= 0 && nextWarningNanos.compareAndSet(due, now + WARNING_INTERVAL.toNanos())) {
            LOG.warnf(
                    "Dropping visits (%s: %s); faro.visits.dropped counts them, this warning repeats at most once a"
                            + " minute",
                    reason.tag(), error.getMessage());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
