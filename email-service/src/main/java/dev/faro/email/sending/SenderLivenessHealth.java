package dev.faro.email.sending;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Reports in {@code /q/health} whether this instance holds its sender liveness lock: DOWN means its senders claim
 * nothing (the database is away, or a session of this instance that the database has not yet seen die still holds
 * the key). A wellness check, not a probe: HTTP is served all the same, and restarting would not bring the lock back
 * sooner.
 */
@Wellness
@ApplicationScoped
public class SenderLivenessHealth implements HealthCheck {

    static final String NAME = "email-sender-liveness";

    private final SenderLiveness liveness;

    public SenderLivenessHealth(SenderLiveness liveness) {
        this.liveness = liveness;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .withData("key", liveness.key())
                .status(liveness.held())
                .build();
    }
}
