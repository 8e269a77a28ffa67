package dev.faro.email.sending;

import java.util.UUID;

/** A ledger row claimed for one attempt; {@code attempt} fences the outcome against a later claim. */
record DueMessage(
        long id,
        UUID leadId,
        String kind,
        int step,
        String campaign,
        String params,
        String messageId,
        int attempt,
        Recipient recipient) {}
