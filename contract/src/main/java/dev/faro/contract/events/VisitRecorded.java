package dev.faro.contract.events;

/** A landing page was viewed: the funnel's denominator. Carries no personal data. */
public record VisitRecorded(
        String visitorId, String campaign, String landingPage, String variant, Utm utm, String referrer) {}
