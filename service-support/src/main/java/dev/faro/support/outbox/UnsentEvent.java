package dev.faro.support.outbox;

import java.time.Instant;

/** An event still in the outbox: recorded by a committed change, not yet acknowledged by Kafka. */
public record UnsentEvent(String key, String type, Instant recordedAt) {}
