package edu.scrutiny.app.identity;

/** A user signed in (method: password, oidc, shibboleth). */
public record SignedIn(String username, String method, String remoteAddress) {
}
