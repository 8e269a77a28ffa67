package dev.faro.analytics.abtest;

/** How one challenger compares with the control. */
public enum Outcome {
    BETTER("better"),
    WORSE("worse"),
    EQUIVALENT("equivalent"),
    UNDECIDED("undecided");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
