package dev.faro.bench.rebuild;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.Topics;
import dev.faro.contract.events.Utm;
import dev.faro.contract.events.VisitRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code VisitRecorded} events for a campaign that exists only in the benchmark, published straight to
 * {@code faro.visits}, to give the rebuild a log large enough that its rate is not its fixed costs. Only
 * analytics-service reads {@code faro.visits}, and counting a visit needs no campaign: the visits land in the bench
 * campaign's own funnel rows and touch nothing else.
 */
final class SyntheticVisits {

    static final String CAMPAIGN = "bench-rebuild";
    private static final String SOURCE = "/faro/faro-bench";
    private static final String[] LANDING_PAGES = {"home", "precios", "redes-sociales", "blog"};
    private static final String[] SOURCES = {"newsletter", "google", "instagram", "direct"};

    private final Clock clock = Clock.systemUTC();

    /** The visit of one visitor, as lead-service's beacon would record it; {@code n} varies the dimensions. */
    EventEnvelope event(long n) {
        String visitor = "v-" + UUID.randomUUID().toString().substring(0, 12);
        String source = SOURCES[(int) (n % SOURCES.length)];
        VisitRecorded visit = new VisitRecorded(
                visitor,
                CAMPAIGN,
                LANDING_PAGES[(int) (n % LANDING_PAGES.length)],
                n % 2 == 0 ? "a" : "b",
                new Utm(source, "bench", "rebuild", null, null),
                "https://www.example.org/");
        return EventCodec.instance().newEvent(SOURCE, visitor, visit, clock);
    }

    /** Publishes {@code count} visits and waits for every acknowledgement; fails if any send failed. */
    void publish(String bootstrap, long count) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "faro-bench-visits");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (long n = 0; n < count && failure.get() == null; n++) {
                EventEnvelope envelope = event(n);
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        Topics.VISITS.name(),
                        envelope.subject(),
                        EventCodec.instance().encode(envelope));
                record.headers()
                        .add("content-type", bytes(EventEnvelope.CLOUDEVENTS_CONTENT_TYPE))
                        .add("ce_id", bytes(envelope.id().toString()))
                        .add("ce_type", bytes(envelope.type()));
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the synthetic visits failed", failure.get());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
