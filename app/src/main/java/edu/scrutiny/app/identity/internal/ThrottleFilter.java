package edu.scrutiny.app.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers 429 with {@code Retry-After} (seconds) to a request that tries to sign in (the sign-in form,
 * an {@code Authorization} header, a Shibboleth user header) from an address that has failed too
 * often in the current window ({@link SignInThrottle}); the credentials are not even checked.
 */
final class ThrottleFilter extends OncePerRequestFilter {
    private final SignInThrottle throttle;
    private final boolean json;
    private final String userHeader;

    /**
     * @param json       whether to answer as the API does (JSON), or as a page
     * @param userHeader the Shibboleth user header when header sign-in is on, or null
     */
    ThrottleFilter(SignInThrottle throttle, boolean json, String userHeader) {
        this.throttle = throttle;
        this.json = json;
        this.userHeader = userHeader;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signsIn(request)) {
            Optional<Duration> wait = throttle.retryAfter(request.getRemoteAddr());
            if (wait.isPresent()) {
                throttle.refused(request.getRemoteAddr());
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                String message = "too many failed sign-ins from your address; try again in " + seconds + " seconds";
                if (json) {
                    JsonErrors.write(response, 429, "too many requests", message);
                } else {
                    response.setStatus(429);
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getWriter().write(message + "\n");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean signsIn(HttpServletRequest request) {
        return request.getHeader("Authorization") != null
                || "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                || userHeader != null && request.getHeader(userHeader) != null;
    }
}
