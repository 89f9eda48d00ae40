package edu.scrutiny.app.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who performs an action: a signed-in user (with roles), or the system itself (scheduled jobs,
 * monitoring). Services take an Actor rather than reading the security context, so that every
 * rule about who may do what is testable without a web request.
 *
 * @param username the user's name, or {@code system}
 * @param email    where notifications go, or null
 */
public record Actor(String username, Set<Role> roles, String email) {
    public static final Actor SYSTEM = new Actor("system", Set.of(), null);

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isSystem() {
        return this == SYSTEM || "system".equals(username) && roles.isEmpty();
    }
}
