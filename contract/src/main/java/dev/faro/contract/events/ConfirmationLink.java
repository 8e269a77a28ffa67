package dev.faro.contract.events;

/** The double opt-in link of a {@link ConfirmationRequested}, sealed: it is a credential for one address. */
public record ConfirmationLink(String url) {}
