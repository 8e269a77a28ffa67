package dev.faro.analytics.funnel;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.events.EmailClicked;
import dev.faro.contract.events.EmailFailed;
import dev.faro.contract.events.EmailOpened;
import dev.faro.contract.events.EmailSent;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.contract.events.IncentiveRedeemed;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadConfirmed;
import dev.faro.contract.events.LeadErased;
import dev.faro.contract.events.Unsubscribed;
import dev.faro.contract.events.VisitRecorded;
import dev.faro.support.inbox.EventHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Counts the funnel from the event log. Each event is counted on the UTC day of its {@code time}, when it
 * happened rather than when analytics read it, so a replay or a lagging consumer lands on the same day. Visits
 * and captures carry their own dimensions; every later event of a lead counts under the dimensions its lead was
 * captured with. Other event types on these topics are not part of the funnel and are skipped.
 */
@ApplicationScoped
public class FunnelCounting {

    private final EventHandlers handlers;
    private final FunnelFacts facts;
    private final LeadAttributions attributions;
    private final UniqueVisitors visitors;

    public FunnelCounting(FunnelFacts facts, LeadAttributions attributions, UniqueVisitors visitors) {
        this.facts = facts;
        this.attributions = attributions;
        this.visitors = visitors;
        this.handlers = EventHandlers.builder()
                .on(VisitRecorded.class, this::visited)
                .on(LeadCaptured.class, this::captured)
                .on(
                        LeadConfirmed.class,
                        (event, lead) ->
                                countForLead(event, lead.leadId(), lead.campaign(), FunnelStage.LEAD_CONFIRMED))
                .on(LeadErased.class, this::erased)
                .on(
                        IncentiveIssued.class,
                        (event, incentive) -> countForLead(
                                event, incentive.leadId(), incentive.campaign(), FunnelStage.INCENTIVE_ISSUED))
                .on(IncentiveRedeemed.class, this::redeemed)
                .on(EmailSent.class, (event, email) -> {
                    // The funnel's email stage is the incentive reaching the lead; confirmation links and
                    // nurture mails are other messages.
                    if (EmailSent.KIND_INCENTIVE.equals(email.messageKind())) {
                        countForLead(event, email.leadId(), email.campaign(), FunnelStage.EMAIL_SENT);
                    }
                })
                .on(EmailFailed.class, (event, email) -> {
                    if (EmailSent.KIND_INCENTIVE.equals(email.messageKind())) {
                        countForLead(event, email.leadId(), email.campaign(), FunnelStage.EMAIL_FAILED);
                    }
                })
                // email-service publishes EmailOpened for a message's first open only.
                .on(
                        EmailOpened.class,
                        (event, open) -> countForLead(event, open.leadId(), open.campaign(), FunnelStage.EMAIL_OPENED))
                .on(
                        EmailClicked.class,
                        (event, click) ->
                                countForLead(event, click.leadId(), click.campaign(), FunnelStage.EMAIL_CLICKED))
                .on(
                        Unsubscribed.class,
                        (event, unsubscribe) -> countForLead(
                                event, unsubscribe.leadId(), unsubscribe.campaign(), FunnelStage.UNSUBSCRIBED))
                .build();
    }

    /** What each funnel event does, to run in the transaction that records the event as processed. */
    public EventHandlers handlers() {
        return handlers;
    }

    private void visited(EventEnvelope event, VisitRecorded visit) {
        Dimensions dimensions = Dimensions.of(visit.landingPage(), visit.variant(), visit.utm());
        var day = FunnelFacts.dayOf(event.time());
        if (visitors.firstVisit(visit.campaign(), dimensions, day, visit.visitorId())) {
            facts.count(visit.campaign(), dimensions, day, FunnelStage.VISITOR);
        }
    }

    private void captured(EventEnvelope event, LeadCaptured lead) {
        Dimensions dimensions = Dimensions.of(lead.landingPage(), lead.variant(), lead.utm());
        attributions.remember(lead.leadId(), lead.campaign(), dimensions);
        facts.count(lead.campaign(), dimensions, event.time(), FunnelStage.LEAD_CAPTURED);
    }

    private void erased(EventEnvelope event, LeadErased erasure) {
        countForLead(event, erasure.leadId(), erasure.campaign(), FunnelStage.LEAD_ERASED);
        attributions.forget(erasure.leadId());
    }

    private void redeemed(EventEnvelope event, IncentiveRedeemed redemption) {
        facts.redeemed(
                redemption.campaign(),
                attributions.of(redemption.leadId(), redemption.campaign()),
                event.time(),
                redemption.orderValue(),
                redemption.currency());
    }

    private void countForLead(EventEnvelope event, UUID leadId, String campaign, FunnelStage stage) {
        facts.count(campaign, attributions.of(leadId, campaign), event.time(), stage);
    }
}
