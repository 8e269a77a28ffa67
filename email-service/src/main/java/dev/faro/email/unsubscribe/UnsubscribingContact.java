package dev.faro.email.unsubscribe;

import dev.faro.email.contact.Language;
import java.util.UUID;

/** The contact an unsubscribe link was issued for. */
record UnsubscribingContact(UUID leadId, String email, String campaign, Language language) {}
