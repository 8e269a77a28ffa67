package dev.faro.support.outbox;

/** Fired when an event is appended; observed after commit to wake the relay. */
record OutboxAppended() {}
