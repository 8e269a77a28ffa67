package dev.faro.email.sending;

import dev.faro.email.contact.Language;

/**
 * Who a message goes to, as the contact says; {@code name} may be null, and so is {@code footer} for transactional
 * mail.
 */
public record Recipient(String email, String name, Language language, Footer footer) {

    public Recipient(String email, String name, Language language) {
        this(email, name, language, null);
    }

    Recipient withFooter(Footer footer) {
        return new Recipient(email, name, language, footer);
    }
}
