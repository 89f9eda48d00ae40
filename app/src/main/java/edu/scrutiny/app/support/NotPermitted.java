package edu.scrutiny.app.support;

/** An action the actor may not take (their roles, or their part in the object, forbid it); the REST API answers 403. */
public final class NotPermitted extends RuntimeException {
    public NotPermitted(String why) {
        super(why);
    }
}
