package dev.faro.email.sending;

/**
 * Fired synchronously inside the transaction that marks a message sent, so an observer's writes (the next step of a
 * nurture sequence) commit with it or not at all.
 */
public record MessageSent(DueMessage message) {}
