package edu.scrutiny.app.monitoring;

/** What an alert is about. */
public enum AlertKind {
    /** A list change gave an engagement a hit it did not have. */
    NEW_HIT,
    /** A removal or delisting closed a hit an engagement had. */
    HIT_CLOSED,
    /** Re-assessment after a list change moved an engagement's tier. */
    TIER_CHANGED,
    /** An engagement is due for its periodic re-review (the policy says how often, by tier). */
    REVIEW_DUE,
    /** A directive has reached its revisit-by date. */
    DIRECTIVE_REVISIT_DUE,
    /** A country list has reached its revisit-by date. */
    COUNTRY_LIST_REVISIT_DUE,
    /** A list refresh failed or looked wrong; the previous version stays in force. */
    LIST_REFRESH_FAILED
}
