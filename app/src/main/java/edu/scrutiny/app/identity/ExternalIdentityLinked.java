package edu.scrutiny.app.identity;

/** An external identity was linked to an account: by its first sign-in (a new account), or by an administrator. */
public record ExternalIdentityLinked(String username, String issuer, String subject, String linkedBy) {
}
