package dev.faro.contract.events;

import java.time.Instant;

/**
 * What the person agreed to when the form was sent: the purpose, a hash of the exact consent text shown, and
 * when. Where from (truncated IP, user agent) travels sealed in {@link PersonalData}.
 */
public record Consent(boolean marketing, String textVersion, Instant givenAt) {}
