package dev.faro.analytics.funnel;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.local.testing.GoldenEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Golden events of one campaign, stamped with the time they happened, as a funnel history needs them. */
public final class TimedEvents {

    private final String campaign;

    public TimedEvents(String campaign) {
        this.campaign = campaign;
    }

    public static EventEnvelope at(Instant time, EventEnvelope event) {
        return new EventEnvelope(
                event.specversion(),
                event.id(),
                event.source(),
                event.type(),
                event.subject(),
                time,
                event.datacontenttype(),
                event.dataschema(),
                event.schemaversion(),
                event.data());
    }

    public EventEnvelope campaign(Map<String, BigDecimal> spendPerSource) {
        List<Map<String, Object>> spend = spendPerSource.entrySet().stream()
                .map(entry ->
                        Map.<String, Object>of("source", entry.getKey(), "amount", entry.getValue(), "currency", "EUR"))
                .toList();
        return GoldenEvents.fresh(
                EventType.CAMPAIGN_CHANGED,
                Map.of(
                        "campaign",
                        campaign,
                        "revision",
                        1,
                        "landingPages",
                        List.of(Map.of("id", "inicio", "variants", List.of("a", "b"))),
                        "spend",
                        spend));
    }

    public EventEnvelope visit(Instant time, String visitorId, String variant, String source, String medium) {
        return visit(time, visitorId, "inicio", variant, source, medium);
    }

    public EventEnvelope visit(
            Instant time, String visitorId, String landingPage, String variant, String source, String medium) {
        return at(
                time,
                GoldenEvents.fresh(
                        EventType.VISIT_RECORDED,
                        Map.of(
                                "visitorId", visitorId,
                                "campaign", campaign,
                                "landingPage", landingPage,
                                "variant", variant,
                                "utm", utm(source, medium))));
    }

    public EventEnvelope captured(Instant time, UUID lead, String variant, String source, String medium) {
        return captured(time, lead, "inicio", variant, source, medium);
    }

    public EventEnvelope captured(
            Instant time, UUID lead, String landingPage, String variant, String source, String medium) {
        return at(
                time,
                GoldenEvents.fresh(
                        EventType.LEAD_CAPTURED,
                        Map.of(
                                "leadId",
                                lead.toString(),
                                "campaign",
                                campaign,
                                "landingPage",
                                landingPage,
                                "variant",
                                variant,
                                "utm",
                                utm(source, medium))));
    }

    public EventEnvelope confirmed(Instant time, UUID lead) {
        return ofLead(EventType.LEAD_CONFIRMED, time, lead, Map.of());
    }

    public EventEnvelope incentiveIssued(Instant time, UUID lead) {
        return ofLead(
                EventType.INCENTIVE_ISSUED,
                time,
                lead,
                Map.of("incentiveId", UUID.randomUUID().toString()));
    }

    public EventEnvelope emailSent(Instant time, UUID lead, String kind) {
        return ofLead(EventType.EMAIL_SENT, time, lead, Map.of("messageKind", kind));
    }

    public EventEnvelope emailFailed(Instant time, UUID lead) {
        return ofLead(EventType.EMAIL_FAILED, time, lead, Map.of("messageKind", "incentive"));
    }

    public EventEnvelope opened(Instant time, UUID lead) {
        return ofLead(EventType.EMAIL_OPENED, time, lead, Map.of());
    }

    public EventEnvelope clicked(Instant time, UUID lead) {
        return ofLead(EventType.EMAIL_CLICKED, time, lead, Map.of());
    }

    public EventEnvelope redeemed(Instant time, UUID lead, BigDecimal orderValue) {
        return ofLead(
                EventType.INCENTIVE_REDEEMED,
                time,
                lead,
                Map.of(
                        "orderValue",
                        orderValue,
                        "currency",
                        "EUR",
                        "incentiveId",
                        UUID.randomUUID().toString()));
    }

    public EventEnvelope unsubscribed(Instant time, UUID lead) {
        return ofLead(EventType.UNSUBSCRIBED, time, lead, Map.of("scope", "campaign"));
    }

    public EventEnvelope erased(Instant time, UUID lead) {
        return ofLead(EventType.LEAD_ERASED, time, lead, Map.of());
    }

    private EventEnvelope ofLead(EventType type, Instant time, UUID lead, Map<String, Object> more) {
        Map<String, Object> data = new HashMap<>(more);
        data.put("leadId", lead.toString());
        data.put("campaign", campaign);
        return at(time, GoldenEvents.fresh(type, data));
    }

    private static Map<String, Object> utm(String source, String medium) {
        Map<String, Object> utm = new HashMap<>();
        utm.put("source", source);
        utm.put("medium", medium);
        utm.put("campaign", null);
        utm.put("term", null);
        utm.put("content", null);
        return utm;
    }
}
