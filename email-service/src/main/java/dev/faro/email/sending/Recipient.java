package dev.faro.email.sending;

import dev.faro.email.contact.Language;

/** Who a message goes to, as the contact says; {@code name} may be null. */
public record Recipient(String email, String name, Language language) {}
