package dev.faro.analytics.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The live consumers' counting: every effect written at once, in the inbox transaction of its event. */
final class LiveFunnelTally implements FunnelTally {

    private final FunnelFacts facts;
    private final LeadAttributions attributions;
    private final UniqueVisitors visitors;

    LiveFunnelTally(FunnelFacts facts, LeadAttributions attributions, UniqueVisitors visitors) {
        this.facts = facts;
        this.attributions = attributions;
        this.visitors = visitors;
    }

    @Override
    public void visit(String campaign, Dimensions dimensions, LocalDate day, String visitorId) {
        if (visitors.firstVisit(campaign, dimensions, day, visitorId)) {
            facts.count(campaign, dimensions, day, FunnelStage.VISITOR);
        }
    }

    @Override
    public void count(String campaign, Dimensions dimensions, Instant occurredAt, FunnelStage stage) {
        facts.count(campaign, dimensions, occurredAt, stage);
    }

    @Override
    public void redeemed(
            String campaign, Dimensions dimensions, Instant occurredAt, BigDecimal orderValue, String currency) {
        facts.redeemed(campaign, dimensions, occurredAt, orderValue, currency);
    }

    @Override
    public void remember(UUID leadId, String campaign, Dimensions dimensions) {
        attributions.remember(leadId, campaign, dimensions);
    }

    @Override
    public Dimensions attributionOf(UUID leadId, String campaign) {
        return attributions.of(leadId, campaign);
    }

    @Override
    public void forget(UUID leadId) {
        attributions.forget(leadId);
    }
}
