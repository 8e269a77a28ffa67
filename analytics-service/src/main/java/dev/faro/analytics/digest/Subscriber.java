package dev.faro.analytics.digest;

/**
 * Someone who receives a campaign's digest: a marketer's work address (Faro's user, never a lead), the language
 * the digest is written in and the time zone whose days and weeks it follows.
 */
public record Subscriber(String email, String locale, String timeZone) {}
