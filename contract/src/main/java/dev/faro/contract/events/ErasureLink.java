package dev.faro.contract.events;

/** The self-service erasure link of an {@link ErasureLinkRequested}, sealed: whoever holds it can erase the person. */
public record ErasureLink(String url) {}
