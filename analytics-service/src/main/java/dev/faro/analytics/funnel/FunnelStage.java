package dev.faro.analytics.funnel;

/** A counter of the fact table: one step of the funnel, and the column that holds it. */
public enum FunnelStage {
    VISITOR("visitors"),
    LEAD_CAPTURED("leads"),
    LEAD_CONFIRMED("confirmed"),
    INCENTIVE_ISSUED("incentives_issued"),
    EMAIL_SENT("emails_sent"),
    EMAIL_FAILED("emails_failed"),
    EMAIL_OPENED("opens"),
    EMAIL_CLICKED("clicks"),
    INCENTIVE_REDEEMED("redemptions"),
    UNSUBSCRIBED("unsubscribes"),
    LEAD_ERASED("erasures");

    private final String column;

    FunnelStage(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
