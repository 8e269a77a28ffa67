package dev.faro.analytics.abtest;

/** What the A/B test says about a landing page's variants. */
public enum Verdict {
    /** Not enough data yet, in sample size or in evidence. */
    INCONCLUSIVE("inconclusive"),
    /** One variant converts better than the others with the required confidence. */
    WINNER("winner"),
    /** Every challenger is within the equivalence margin of the control (or worse than it). */
    NO_DIFFERENCE("no-difference");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
