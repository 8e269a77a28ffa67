package dev.faro.contract.events;

import java.util.UUID;

/**
 * A landing page form was accepted and stored. The person's details travel sealed in {@code personal} (a
 * {@link PersonalData}); everything in clear is what the funnel counts by.
 */
public record LeadCaptured(
        UUID leadId,
        String campaign,
        Sealed personal,
        String locale,
        String timeZone,
        Consent consent,
        boolean confirmationRequired,
        String landingPage,
        String variant,
        String visitorId,
        Utm utm) {}
