package edu.scrutiny.app.identity;

/** A user was added (locally, or on first sign-in through OpenID Connect or Shibboleth). */
public record UserAdded(String username, java.util.Set<Role> roles, String addedBy) {
}
