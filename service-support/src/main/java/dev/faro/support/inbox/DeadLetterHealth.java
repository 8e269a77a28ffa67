package dev.faro.support.inbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reports in {@code /q/health} the records this instance dead-lettered: DOWN while the last one is more recent than
 * {@code faro.inbox.dead-letter-alert} (24 h), with how many, and the reason and origin of the last. A wellness check,
 * not a probe: a skipped record is for an operator to look at (the record waits in the dead-letter topic, and
 * {@code ./faro reconcile} lists it), not a reason to restart the service or take it out of traffic.
 */
@Wellness
@ApplicationScoped
public class DeadLetterHealth implements HealthCheck {

    static final String NAME = "dead-letters";

    private record Last(String reason, String origin, Instant at) {}

    private final InboxConfig config;
    private final Clock clock;
    private final AtomicLong parked = new AtomicLong();
    private volatile Last last;

    @Inject
    public DeadLetterHealth(InboxConfig config) {
        this(config, Clock.systemUTC());
    }

    DeadLetterHealth(InboxConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void parked(String reason, String origin) {
        parked.incrementAndGet();
        last = new Last(reason, origin, clock.instant());
    }

    @Override
    public HealthCheckResponse call() {
        Last seen = last;
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("deadLettered", parked.get());
        if (seen == null) {
            return response.up().build();
        }
        response.withData("lastReason", seen.reason())
                .withData("lastOrigin", seen.origin())
                .withData("lastAt", seen.at().toString());
        boolean recent = seen.at().plus(config.deadLetterAlert()).isAfter(clock.instant());
        return (recent ? response.down() : response.up()).build();
    }
}
