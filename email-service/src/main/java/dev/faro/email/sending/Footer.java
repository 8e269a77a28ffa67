package dev.faro.email.sending;

/** What the footer of a non-transactional message shows: the unsubscribe link and the sender's postal address. */
public record Footer(String unsubscribeUrl, String postalAddress) {}
