package edu.scrutiny.app.notification;

import edu.scrutiny.app.identity.Role;

import java.util.List;
import java.util.Optional;

/**
 * Resolves who to tell: the e-mail addresses of the users holding a role, and a user's address.
 * The identity module implements it over its users; every implementation present is asked, and
 * the answers are merged. The default knows no one.
 */
public interface Recipients {
    /** The e-mail addresses of the users who hold the role. */
    List<String> emailsFor(Role role);

    /** A user's e-mail address, if known. */
    default Optional<String> emailOf(String username) {
        return Optional.empty();
    }

    /** Knows no one: until users exist, notifications are in the application only. */
    Recipients NONE = role -> List.of();
}
