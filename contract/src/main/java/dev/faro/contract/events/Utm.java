package dev.faro.contract.events;

/** UTM parameters of the visit that produced a lead; every field may be null. */
public record Utm(String source, String medium, String campaign, String term, String content) {}
