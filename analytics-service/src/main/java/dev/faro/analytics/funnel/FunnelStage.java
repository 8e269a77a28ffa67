package dev.faro.analytics.funnel;

/** A step of the campaign funnel that analytics counts, and the counter column that holds it. */
public enum FunnelStage {
    LEAD_CAPTURED("leads"),
    INCENTIVE_ISSUED("incentives_issued"),
    EMAIL_SENT("emails_sent");

    private final String column;

    FunnelStage(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
