package edu.scrutiny.app.identity;

/** A user was disabled: they can no longer sign in. */
public record UserDisabled(String username, String disabledBy) {
}
