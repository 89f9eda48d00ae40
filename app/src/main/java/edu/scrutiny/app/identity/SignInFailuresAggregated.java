package edu.scrutiny.app.identity;

import java.time.Instant;
import java.util.List;

/**
 * Failed sign-ins from one address beyond what is recorded one by one in a window
 * ({@code scrutiny.security.throttle}): how many, between when, by which methods.
 */
public record SignInFailuresAggregated(String remoteAddress, int count, Instant windowStart, Instant lastAt, List<String> methods) {
    public SignInFailuresAggregated {
        methods = List.copyOf(methods);
    }
}
