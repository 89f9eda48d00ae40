package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.SignInFailed;
import edu.scrutiny.app.identity.SignInFailuresAggregated;
import jakarta.annotation.PreDestroy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per remote address in fixed windows ({@code scrutiny.security.throttle.*}):
 * the first {@code recorded} of a window are recorded in the audit trail one by one; later ones in
 * the same window, and the attempts refused while throttled, are only counted, and recorded as one
 * {@link SignInFailuresAggregated} when the window has passed (at the address's next failure, at the
 * next sweep of the sign-in path, or when the application stops). After {@code failures} failures,
 * sign-ins from the address (the form, Basic, tokens, Shibboleth headers) are answered 429 with
 * {@code Retry-After} until the window ends, without checking the credentials: so that nobody can
 * try passwords quickly, nor lock accounts out from one address, nor grow the audit trail without bound.
 *
 * <p>In memory, per instance: behind a load balancer each instance counts what reaches it. The
 * address is the connection's, or the client's as the proxy reports it when forwarded headers are
 * trusted ({@code server.forward-headers-strategy}, docs/security.md).
 */
@Component
public class SignInThrottle {
    /** At most this many addresses are tracked; the oldest windows are flushed first beyond it. */
    static final int MAX_ADDRESSES = 100_000;

    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecuritySettings.Throttle settings;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    SignInThrottle(ApplicationEventPublisher events, Clock clock, SecuritySettings settings) {
        this.events = events;
        this.clock = clock;
        this.settings = settings.throttle();
    }

    /** One address's failures in its current window. */
    private static final class Window {
        final Instant start;
        int failures;
        int unrecorded;
        Instant lastUnrecorded;
        final TreeSet<String> methods = new TreeSet<>();

        Window(Instant start) {
            this.start = start;
        }
    }

    /**
     * How long an address must wait before its next sign-in attempt, when it has failed {@code failures}
     * times in the current window; empty when it may try.
     */
    public synchronized Optional<Duration> retryAfter(String remoteAddress) {
        Window w = windows.get(key(remoteAddress));
        Instant now = clock.instant();
        if (w == null || w.failures < settings.failures()) {
            return Optional.empty();
        }
        Instant end = w.start.plus(settings.window());
        if (!now.isBefore(end)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, end));
    }

    /**
     * A failed sign-in: recorded (as {@link SignInFailed}) while the address is within its limit,
     * counted for the aggregate record beyond it.
     */
    public void failed(SignInFailed failure) {
        String key = key(failure.remoteAddress());
        Instant now = clock.instant();
        List<SignInFailuresAggregated> closed = new ArrayList<>();
        boolean record;
        synchronized (this) {
            Window w = windows.get(key);
            if (w != null && !now.isBefore(w.start.plus(settings.window()))) {
                aggregate(key, w).ifPresent(closed::add);
                windows.remove(key);
                w = null;
            }
            if (w == null) {
                if (windows.size() >= MAX_ADDRESSES) {
                    closed.addAll(sweep(now, true));
                }
                w = new Window(now);
                windows.put(key, w);
            }
            w.failures++;
            record = w.failures <= settings.recorded();
            if (!record) {
                w.unrecorded++;
                w.lastUnrecorded = now;
                w.methods.add(failure.method() == null ? "-" : failure.method());
            }
        }
        closed.forEach(events::publishEvent);
        if (record) {
            events.publishEvent(failure);
        }
        sweepLater(now);
    }

    /** A sign-in refused with 429 while the address is throttled: counted into the window's aggregate record. */
    public synchronized void refused(String remoteAddress) {
        Window w = windows.get(key(remoteAddress));
        if (w != null) {
            w.unrecorded++;
            w.lastUnrecorded = clock.instant();
            w.methods.add("throttled");
        }
    }

    private Instant lastSweep = Instant.EPOCH;

    /** Records the aggregates of windows that have passed; at most once a window, on the sign-in path. */
    private void sweepLater(Instant now) {
        List<SignInFailuresAggregated> closed;
        synchronized (this) {
            if (now.isBefore(lastSweep.plus(settings.window()))) {
                return;
            }
            lastSweep = now;
            closed = sweep(now, false);
        }
        closed.forEach(events::publishEvent);
    }

    /** Closes passed windows (every window when {@code all}), returning what they did not record one by one. */
    private List<SignInFailuresAggregated> sweep(Instant now, boolean all) {
        List<SignInFailuresAggregated> closed = new ArrayList<>();
        windows.entrySet().removeIf(e -> {
            if (all || !now.isBefore(e.getValue().start.plus(settings.window()))) {
                aggregate(e.getKey(), e.getValue()).ifPresent(closed::add);
                return true;
            }
            return false;
        });
        return closed;
    }

    private Optional<SignInFailuresAggregated> aggregate(String address, Window w) {
        if (w.unrecorded == 0) {
            return Optional.empty();
        }
        return Optional.of(new SignInFailuresAggregated(address, w.unrecorded, w.start, w.lastUnrecorded, List.copyOf(w.methods)));
    }

    /** What is counted and not yet recorded is recorded when the application stops. */
    @PreDestroy
    void flush() {
        List<SignInFailuresAggregated> closed;
        synchronized (this) {
            closed = sweep(clock.instant(), true);
        }
        try {
            closed.forEach(events::publishEvent);
        } catch (RuntimeException e) {
            // the context may be closing already: nothing more can be recorded
        }
    }

    private static String key(String remoteAddress) {
        return remoteAddress == null ? "-" : SignInFailed.bounded(remoteAddress);
    }
}
