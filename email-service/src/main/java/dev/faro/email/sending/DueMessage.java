package dev.faro.email.sending;

import dev.faro.support.observability.TraceContext;
import java.util.UUID;

/**
 * A ledger row claimed for one attempt; {@code attempt} fences the outcome against a later claim, and
 * {@code trace} is the context of the event that caused the message. {@code params} is the intent's JSON.
 */
public record DueMessage(
        long id,
        UUID leadId,
        String kind,
        int step,
        String campaign,
        String params,
        String messageId,
        int attempt,
        Recipient recipient,
        TraceContext trace) {}
