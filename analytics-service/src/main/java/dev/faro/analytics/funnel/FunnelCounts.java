package dev.faro.analytics.funnel;

/** How many times each funnel stage was reached, summed over a range of days. */
public record FunnelCounts(long leads, long incentivesIssued, long emailsSent) {}
