package edu.scrutiny.app.review;

/** Where a case stands. */
public enum CaseStatus {
    /** In the queue of its stage. */
    OPEN,
    /** Waiting for the submitter's answer to a request for information. */
    AWAITING_INFORMATION,
    /** Decided (approved, approved with conditions, declined). */
    DECIDED,
    /** A STANDARD case: cleared without review, its record kept. */
    AUTO_CLEARED;

    public boolean isOpen() {
        return this == OPEN || this == AWAITING_INFORMATION;
    }
}
