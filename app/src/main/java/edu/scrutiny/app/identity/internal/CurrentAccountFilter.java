package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Every request acts with the account as it is now, not as it was when the session signed in: the
 * signed-in user's roles are read again from {@code app_user} and replace those the session
 * remembered, for this request (the URL rules, {@code isUserInRole}, the pages' {@code Actor} all
 * see them). A user who has been disabled or removed since is signed out: the session is
 * invalidated and the request goes on as nobody's (the sign-in page, or 401 on the API).
 *
 * <p>Placed after every authentication filter and before the anonymous one, so that a request left
 * without a user is treated as anonymous by the rules that follow.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {
    private final Users users;

    CurrentAccountFilter(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> now = users.actor(auth.getName());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (now.isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        } else {
            // a new context for this request: the one in the session is left as it was signed in
            SignedInUser user = new SignedInUser(now.get());
            UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            current.setDetails(auth.getDetails());
            context.setAuthentication(current);
        }
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
