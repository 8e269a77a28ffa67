package dev.faro.email.engagement;

/** A tracked link of a message, and the address it leads to. */
public record TrackedClick(TrackedMessage message, String url) {}
