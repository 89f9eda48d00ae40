package edu.scrutiny.app.identity;

/** A user's roles were changed. */
public record UserRolesChanged(String username, java.util.Set<Role> before, java.util.Set<Role> after, String changedBy) {
}
