package edu.scrutiny.app.desk;

/** What an analyst finds of a result on the desk. */
public enum Verdict {
    /** The result is the party screened. */
    TRUE_MATCH,
    /** The result is not the party (on a sanctions list, once a second analyst confirms it). */
    FALSE_POSITIVE,
    /** Undecided: the screening stays open, in the queue on {@code /screenings}, until an analyst disposes of it. */
    NEEDS_REVIEW
}
