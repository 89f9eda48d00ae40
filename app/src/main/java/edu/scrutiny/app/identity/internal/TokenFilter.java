package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer scr_...} (or yente's and OpenRefine's {@code Authorization: ApiKey
 * scr_...}, the same token under another scheme name): the API token's user, for this request only. A token that
 * is unknown, revoked or of a disabled user is answered 401 at once (and recorded as a failed sign-in).
 */
final class TokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";
    private static final String API_KEY = "ApiKey ";

    private final ApiTokens tokens;
    private final Users users;

    TokenFilter(ApiTokens tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        String scheme = header == null ? null : header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? BEARER
                : header.regionMatches(true, 0, API_KEY, 0, API_KEY.length()) ? API_KEY : null;
        if (scheme == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Actor> actor = tokens.resolve(header.substring(scheme.length()).strip());
        if (actor.isEmpty()) {
            users.announceFailure(null, "token", "unknown, revoked or disabled user's token", request.getRemoteAddr());
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "the API token is not valid");
            return;
        }
        SignedInUser user = new SignedInUser(actor.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
