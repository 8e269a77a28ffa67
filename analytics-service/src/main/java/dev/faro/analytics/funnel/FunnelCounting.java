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
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Counts the funnel from the event log. Each event is counted on the UTC day of its {@code time}, when it
 * happened rather than when analytics read it, so a replay or a lagging consumer lands on the same day. Visits
 * and captures carry their own dimensions; every later event of a lead counts under the dimensions its lead was
 * captured with. Other event types on these topics are not part of the funnel and are skipped.
 */
@ApplicationScoped
public class FunnelCounting {

    private final EventHandlers handlers;

    public FunnelCounting(TransactionSynchronizationRegistry transactions, DataSource dataSource) {
        this.handlers = countingInto(new TransactionFunnelTally(transactions, dataSource));
    }

    /** What each funnel event does, its effects going to {@code tally}. */
    public EventHandlers countingInto(FunnelTally tally) {
        return EventHandlers.builder()
                .on(VisitRecorded.class, (event, visit) -> visited(tally, event, visit))
                .on(LeadCaptured.class, (event, lead) -> captured(tally, event, lead))
                .on(
                        LeadConfirmed.class,
                        (event, lead) ->
                                countForLead(tally, event, lead.leadId(), lead.campaign(), FunnelStage.LEAD_CONFIRMED))
                .on(LeadErased.class, (event, erasure) -> erased(tally, event, erasure))
                .on(
                        IncentiveIssued.class,
                        (event, incentive) -> countForLead(
                                tally, event, incentive.leadId(), incentive.campaign(), FunnelStage.INCENTIVE_ISSUED))
                .on(IncentiveRedeemed.class, (event, redemption) -> redeemed(tally, event, redemption))
                .on(EmailSent.class, (event, email) -> {
                    // The funnel's email stage is the incentive reaching the lead; confirmation links and
                    // nurture mails are other messages.
                    if (EmailSent.KIND_INCENTIVE.equals(email.messageKind())) {
                        countForLead(tally, event, email.leadId(), email.campaign(), FunnelStage.EMAIL_SENT);
                    }
                })
                .on(EmailFailed.class, (event, email) -> {
                    if (EmailSent.KIND_INCENTIVE.equals(email.messageKind())) {
                        countForLead(tally, event, email.leadId(), email.campaign(), FunnelStage.EMAIL_FAILED);
                    }
                })
                // email-service publishes EmailOpened for a message's first open only.
                .on(
                        EmailOpened.class,
                        (event, open) ->
                                countForLead(tally, event, open.leadId(), open.campaign(), FunnelStage.EMAIL_OPENED))
                .on(
                        EmailClicked.class,
                        (event, click) ->
                                countForLead(tally, event, click.leadId(), click.campaign(), FunnelStage.EMAIL_CLICKED))
                .on(
                        Unsubscribed.class,
                        (event, unsubscribe) -> countForLead(
                                tally, event, unsubscribe.leadId(), unsubscribe.campaign(), FunnelStage.UNSUBSCRIBED))
                .build();
    }

    /** What each funnel event does, to run in the transaction that records the event as processed. */
    public EventHandlers handlers() {
        return handlers;
    }

    private static void visited(FunnelTally tally, EventEnvelope event, VisitRecorded visit) {
        Dimensions dimensions = Dimensions.of(visit.landingPage(), visit.variant(), visit.utm());
        tally.visit(visit.campaign(), dimensions, FunnelDay.of(event.time()), visit.visitorId());
    }

    private static void captured(FunnelTally tally, EventEnvelope event, LeadCaptured lead) {
        Dimensions dimensions = Dimensions.of(lead.landingPage(), lead.variant(), lead.utm());
        tally.remember(lead.leadId(), lead.campaign(), dimensions);
        tally.count(lead.campaign(), dimensions, event.time(), FunnelStage.LEAD_CAPTURED);
        tally.countedFor(lead.leadId(), FunnelStage.LEAD_CAPTURED);
    }

    private static void erased(FunnelTally tally, EventEnvelope event, LeadErased erasure) {
        // Counted in the funnel but not for the lead: forgetting it deletes what was counted for the lead.
        tally.count(
                erasure.campaign(),
                tally.attributionOf(erasure.leadId(), erasure.campaign()),
                event.time(),
                FunnelStage.LEAD_ERASED);
        tally.forget(erasure.leadId());
    }

    private static void redeemed(FunnelTally tally, EventEnvelope event, IncentiveRedeemed redemption) {
        tally.redeemed(
                redemption.campaign(),
                tally.attributionOf(redemption.leadId(), redemption.campaign()),
                event.time(),
                redemption.orderValue(),
                redemption.currency());
        tally.countedFor(redemption.leadId(), FunnelStage.INCENTIVE_REDEEMED);
    }

    private static void countForLead(
            FunnelTally tally, EventEnvelope event, UUID leadId, String campaign, FunnelStage stage) {
        tally.count(campaign, tally.attributionOf(leadId, campaign), event.time(), stage);
        tally.countedFor(leadId, stage);
    }
}
