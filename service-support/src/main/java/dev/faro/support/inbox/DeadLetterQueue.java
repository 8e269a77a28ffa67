package dev.faro.support.inbox;

import dev.faro.contract.Topics;
import dev.faro.contract.UndeliverableEventException;
import dev.faro.support.kafka.ReliableProducerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Parks records that can never be processed on the dead-letter topic, byte for byte, with headers that
 * say why and where they came from, so the partition keeps flowing and an operator can inspect them.
 */
@ApplicationScoped
public class DeadLetterQueue {

    public static final String REASON_HEADER = "faro-dlt-reason";
    public static final String DETAIL_HEADER = "faro-dlt-detail";
    public static final String ORIGIN_HEADER = "faro-dlt-origin";
    public static final String CONSUMER_HEADER = "faro-dlt-consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);

    private final ReliableProducerFactory producers;
    private final MeterRegistry meters;
    private final DeadLetterHealth health;
    private final String consumer;
    private Producer<String, String> producer;

    public DeadLetterQueue(
            ReliableProducerFactory producers,
            MeterRegistry meters,
            @Wellness DeadLetterHealth health,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producers = producers;
        this.meters = meters;
        this.health = health;
        this.consumer = applicationName;
    }

    public void park(ConsumerRecord<String, String> record, UndeliverableEventException why) {
        ProducerRecord<String, String> parked =
                new ProducerRecord<>(Topics.DEAD_LETTER.name(), record.key(), record.value());
        for (Header header : record.headers()) {
            parked.headers().add(header);
        }
        String origin = record.topic() + "/" + record.partition() + "@" + record.offset();
        parked.headers()
                .add(REASON_HEADER, bytes(why.reason().name()))
                .add(DETAIL_HEADER, bytes(truncate(why.getMessage())))
                .add(ORIGIN_HEADER, bytes(origin))
                .add(CONSUMER_HEADER, bytes(consumer));
        try {
            producer().send(parked).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + origin, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not dead-letter " + origin, e.getCause());
        }
        meters.counter("faro.deadletter.parked", "reason", why.reason().name()).increment();
        health.parked(why.reason().name(), origin);
        LOG.warnf("Dead-lettered %s: %s", origin, why.getMessage());
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.create(consumer + "-deadletter");
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String detail) {
        return detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
