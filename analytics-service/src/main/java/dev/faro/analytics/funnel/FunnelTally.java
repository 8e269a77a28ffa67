package dev.faro.analytics.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What counting the funnel does to its tables, apart from which event does what ({@link FunnelCounting}). The live
 * consumers collect each transaction's effects ({@link TransactionFunnelTally}) and a rebuild each batch's; both
 * write them with {@link FunnelBatch}, so both leave the tables the same.
 */
public interface FunnelTally {

    /** Counts the visitor on {@code day} under these dimensions unless it was seen there already that day. */
    void visit(String campaign, Dimensions dimensions, LocalDate day, String visitorId);

    /** Adds one to {@code stage} in the row of these dimensions on the day {@code occurredAt} falls on. */
    void count(String campaign, Dimensions dimensions, Instant occurredAt, FunnelStage stage);

    /** One more redemption, its order value added to the revenue and its currency remembered for the campaign. */
    void redeemed(String campaign, Dimensions dimensions, Instant occurredAt, BigDecimal orderValue, String currency);

    /** Keeps the dimensions a lead was captured with, unless the lead already has some. */
    void remember(UUID leadId, String campaign, Dimensions dimensions);

    /** Where the lead's events of {@code campaign} count; {@link Dimensions#NONE} when unknown or erased. */
    Dimensions attributionOf(UUID leadId, String campaign);

    /**
     * Records that the funnel counted {@code stage} once more for this lead, what a reconciliation compares with the
     * other services' ledgers; a null lead id (an event about no known lead) is ignored.
     */
    void countedFor(UUID leadId, FunnelStage stage);

    /** Drops the lead's attribution and everything counted for it so far. */
    void forget(UUID leadId);
}
