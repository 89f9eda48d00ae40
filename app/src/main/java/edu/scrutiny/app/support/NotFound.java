package edu.scrutiny.app.support;

/** A request for something Scrutiny does not hold (an unknown id or key); the REST API answers 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what);
    }
}
