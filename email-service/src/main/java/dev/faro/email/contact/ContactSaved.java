package dev.faro.email.contact;

import java.util.UUID;

/** Fired when a contact is written; observed after commit, since intents waiting for it may now be sent. */
public record ContactSaved(UUID leadId) {}
