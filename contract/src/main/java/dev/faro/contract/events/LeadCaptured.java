package dev.faro.contract.events;

import java.util.UUID;

/** A landing page form was accepted and stored. */
public record LeadCaptured(
        UUID leadId,
        String campaign,
        String email,
        String name,
        String locale,
        String timeZone,
        Consent consent,
        boolean confirmationRequired,
        String landingPage,
        String variant,
        String visitorId,
        Utm utm) {}
