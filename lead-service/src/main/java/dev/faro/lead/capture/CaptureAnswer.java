package dev.faro.lead.capture;

/**
 * What {@code POST /api/leads} answers, kept as the exact JSON text so that a retry with the same
 * Idempotency-Key gets the same bytes back.
 */
public record CaptureAnswer(int status, String body, boolean replayed) {}
