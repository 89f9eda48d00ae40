package edu.scrutiny.app.identity;

/** What checking a password came to. */
public enum SignInResult {
    SUCCEEDED, BAD_CREDENTIALS, LOCKED, DISABLED
}
