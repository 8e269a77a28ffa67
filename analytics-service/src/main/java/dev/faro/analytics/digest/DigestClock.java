package dev.faro.analytics.digest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The time the digest scheduler goes by; a bean of its own so tests can move it. */
@ApplicationScoped
public class DigestClock {

    public Instant now() {
        return Instant.now();
    }
}
