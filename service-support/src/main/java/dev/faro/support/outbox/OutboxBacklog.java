package dev.faro.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many events wait for the relay, and for how long the oldest has waited: while Kafka is down the
 * service stays ready by design, so these gauges are where an operator sees the backlog grow and drain.
 */
@ApplicationScoped
public class OutboxBacklog {

    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final List<Gauge> gauges;

    public OutboxBacklog(EntityManager entityManager, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.meters = meters;
        this.gauges = List.of(
                Gauge.builder("faro.outbox.pending", pending, AtomicLong::get)
                        .description("Events written to the outbox and not yet acknowledged by Kafka")
                        .register(meters),
                Gauge.builder("faro.outbox.oldest.pending.age", oldestAgeSeconds, AtomicLong::get)
                        .description("Seconds the oldest unpublished event has waited")
                        .baseUnit("seconds")
                        .register(meters));
    }

    /**
     * A registry can outlive this bean (a restarted application in one JVM); a gauge left registered would
     * keep reporting this instance's last values and stop a new one from registering.
     */
    @PreDestroy
    void unregister() {
        gauges.forEach(meters::remove);
    }

    @Scheduled(every = "${faro.outbox.backlog-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void measure() {
        Object[] row = (Object[]) entityManager
                .createNativeQuery(
                        """
                        select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                        from outbox_event where sent_at is null
                        """)
                .getSingleResult();
        pending.set(((Number) row[0]).longValue());
        oldestAgeSeconds.set(((Number) row[1]).longValue());
    }
}
