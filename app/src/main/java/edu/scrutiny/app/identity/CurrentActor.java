package edu.scrutiny.app.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is signed in for the current request, for services that need it (controllers declare an
 * {@code Actor actor} parameter instead). Read from the user's record each time, so that a
 * disabled user or changed roles take effect at once.
 */
@Component
public class CurrentActor {
    private final Users users;

    CurrentActor(Users users) {
        this.users = users;
    }

    /** The signed-in user, or empty when nobody is (or the user has been disabled since). */
    public Optional<Actor> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return users.actor(auth.getName());
    }

    /**
     * The signed-in user.
     *
     * @throws org.springframework.security.authentication.AuthenticationCredentialsNotFoundException when nobody is
     */
    public Actor require() {
        return get().orElseThrow(() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                "nobody is signed in"));
    }
}
