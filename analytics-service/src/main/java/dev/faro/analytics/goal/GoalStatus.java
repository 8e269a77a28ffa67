package dev.faro.analytics.goal;

/** Where a campaign stands against its lead goal. */
public enum GoalStatus {
    /** The campaign has no goal. */
    NO_GOAL("no-goal"),
    /** At the current pace the target is reached by the deadline. */
    ON_TRACK("on-track"),
    /** At the current pace the target is reached after the deadline, or leads have stopped coming. */
    AT_RISK("at-risk"),
    /** The target was reached on or before the deadline. */
    REACHED("reached"),
    /** The deadline passed before the target was reached. */
    MISSED("missed");

    private final String label;

    GoalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
