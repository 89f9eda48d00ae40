package edu.scrutiny.app.support;

/** An action the object's state does not allow now (a case already decided, not waiting for an answer); the REST API answers 409. */
public final class Conflict extends RuntimeException {
    public Conflict(String why) {
        super(why);
    }
}
