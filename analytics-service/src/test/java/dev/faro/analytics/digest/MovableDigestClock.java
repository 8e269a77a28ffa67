package dev.faro.analytics.digest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Instant;

/** The digest scheduler's clock in tests: the real time until a test sets it. */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableDigestClock extends DigestClock {

    private volatile Instant fixed;

    @Override
    public Instant now() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    public void set(Instant now) {
        fixed = now;
    }

    public void reset() {
        fixed = null;
    }
}
