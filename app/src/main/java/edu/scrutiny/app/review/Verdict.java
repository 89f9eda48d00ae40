package edu.scrutiny.app.review;

/** An analyst's finding on a screening hit. */
public enum Verdict {
    TRUE_MATCH, FALSE_POSITIVE
}
