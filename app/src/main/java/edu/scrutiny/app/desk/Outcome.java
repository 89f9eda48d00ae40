package edu.scrutiny.app.desk;

/** What a logged screening came to, as its results and their dispositions stand. */
public enum Outcome {
    /** Nothing found at or above the threshold. */
    NO_HITS,
    /** Results that nobody has found true or cleared (all of them). */
    POTENTIAL_MATCH,
    /** At least one result found a true match. */
    TRUE_MATCH,
    /** Every result cleared as a false positive (now or earlier). */
    CLEARED,
    /**
     * A batch whose screening failed (its state says why): what its rows found before the failure is
     * not a finding about the file, so it is neither {@link #NO_HITS} nor a match.
     */
    FAILED
}
