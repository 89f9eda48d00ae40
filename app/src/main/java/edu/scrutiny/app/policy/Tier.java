package edu.scrutiny.app.policy;

/** The outcome of an assessment, in rising order of severity. */
public enum Tier {
    /** Cleared, with the record kept. */
    STANDARD,
    /** Routed for review. */
    ELEVATED,
    /** Can only be declined. */
    PROHIBITED;

    public Tier max(Tier other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
