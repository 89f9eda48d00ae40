package edu.scrutiny.app.identity;

/** A disabled user was enabled again: they may sign in and use their tokens. */
public record UserEnabled(String username, String enabledBy) {
}
