package dev.faro.lead.webhook;

/** Fired when deliveries are queued; observed after commit to wake the dispatcher. */
record DeliveriesQueued() {}
