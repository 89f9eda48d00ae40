package edu.scrutiny.app.identity;

/** A sign-in was refused (username as presented, or null; never the password or token). */
public record SignInFailed(String username, String method, String reason, String remoteAddress) {
}
