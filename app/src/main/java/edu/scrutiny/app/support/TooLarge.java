package edu.scrutiny.app.support;

/** A request with more in it than Scrutiny takes at once (queries in a batch, rows in a file); the REST API answers 413. */
public final class TooLarge extends RuntimeException {
    public TooLarge(String message) {
        super(message);
    }
}
