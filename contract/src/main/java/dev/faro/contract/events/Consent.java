package dev.faro.contract.events;

import java.time.Instant;

/**
 * What the person agreed to when the form was sent: the purpose, a hash of the exact consent text shown,
 * and when. The IP is stored truncated (last octet or 80 bits removed).
 */
public record Consent(boolean marketing, String textVersion, Instant givenAt, String truncatedIp, String userAgent) {}
