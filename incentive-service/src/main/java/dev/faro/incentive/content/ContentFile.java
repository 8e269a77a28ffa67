package dev.faro.incentive.content;

/** A downloadable file of the catalogue. */
public record ContentFile(String ref, String title, String mediaType, String fileName, byte[] body) {}
