package dev.faro.email.contact;

import dev.faro.contract.events.LeadCaptured;
import java.util.UUID;

/**
 * Fired when a contact is written from {@code lead}. Observed after commit by the sender (intents waiting for it may
 * now be sent), and synchronously, inside the consumer's transaction, by features that start something for a new
 * lead (a nurture sequence).
 */
public record ContactSaved(UUID leadId, LeadCaptured lead) {}
