package dev.faro.analytics.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.analytics.funnel.TimedEvents;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A diagnostic run by hand, not a test: publishes {@code -Dbench.rebuild.events=N} synthetic events (nine in
 * ten visits, the rest captures and confirmations, over four days) to topics of its own, times a rebuild of them
 * and prints the rate. Skipped unless the property is set.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.rebuild.events", matches = "\\d+")
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics_rebuild_bench"))
@WithTestResource(BenchEventLog.class)
class RebuildBenchmark {

    private static final String[] PAGES = {"home", "precios", "redes-sociales", "blog"};
    private static final String[] SOURCES = {"newsletter", "google", "instagram", "direct"};

    @Test
    void timesARebuild() {
        int total = Integer.getInteger("bench.rebuild.events");
        publish(total);

        long started = System.nanoTime();
        RebuildClient.start();
        // Polled seldom, so that the polling takes little CPU from the rebuild it times.
        JsonPath status = await("the benchmark rebuild to end")
                .atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        RebuildClient::latest,
                        latest -> !latest.getString("state").equals("reading")
                                && !latest.getString("state").equals("swapping"));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(status.getString("state")).isEqualTo("done");
        long read = status.getLong("eventsRead");
        System.out.printf(
                "REBUILD BENCHMARK: %d events read in %.1f s (to within the 0.5 s polling) = %.0f events/s%n",
                read, seconds, read / seconds);
    }

    /** Publishes in time order over four days, with repeat visitors and a share of each day's leads confirming. */
    private static void publish(int total) {
        Random random = new Random(8);
        String campaign = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        TimedEvents events = new TimedEvents(campaign);
        Instant start = LocalDate.now(ZoneOffset.UTC)
                .minusDays(3)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        long step = Duration.ofDays(4).toMillis() / total;
        List<UUID> leads = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.current().kafkaBootstrap(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        64 * 1024),
                new StringSerializer(),
                new StringSerializer())) {
            for (int n = 0; n < total; n++) {
                Instant time = start.plusMillis(n * step);
                int kind = random.nextInt(100);
                EventEnvelope event;
                String key;
                String variant = n % 2 == 0 ? "a" : "b";
                String source = SOURCES[n % SOURCES.length];
                if (kind < 90) {
                    key = "v-" + random.nextInt(total / 3);
                    event = events.visit(time, key, variant, source, PAGES[n % PAGES.length]);
                } else if (kind < 95 || leads.isEmpty()) {
                    UUID lead = UUID.randomUUID();
                    leads.add(lead);
                    key = lead.toString();
                    event = events.captured(time, lead, variant, source, "email");
                } else {
                    UUID lead = leads.get(random.nextInt(leads.size()));
                    key = lead.toString();
                    event = events.confirmed(time, lead);
                }
                String channel = event.eventType().topic().name().substring("faro.".length());
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        BenchEventLog.topic(channel), key, EventCodec.instance().encode(event));
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        assertThat(failure.get()).isNull();
    }
}
