package edu.scrutiny.app.review;

/** What a stage recommends to the next one. */
public enum Recommendation {
    APPROVE, APPROVE_WITH_CONDITIONS, DECLINE, DEFER
}
