package edu.scrutiny.app.identity;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Set;

/**
 * A user as stored, without the password hash.
 *
 * @param localPassword whether the user has a local password (false for OpenID Connect and Shibboleth users)
 * @param lockedUntil   until when sign-in is refused after repeated failures, or null
 */
public record UserAccount(String username, @JsonProperty("display_name") String displayName, String email,
        Set<Role> roles, boolean enabled, @JsonProperty("local_password") boolean localPassword,
        @JsonProperty("locked_until") Instant lockedUntil, @JsonProperty("created_at") Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /** The user as the other modules see who acts. */
    public Actor actor() {
        return new Actor(username, roles, email);
    }
}
