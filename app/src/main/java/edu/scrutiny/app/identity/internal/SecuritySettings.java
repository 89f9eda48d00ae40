package edu.scrutiny.app.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code scrutiny.security.*}: lock-out, per-address throttling, how roles are read from OpenID
 * Connect claims and Shibboleth headers, and whether Scrutiny is reached over TLS ({@code tls}: the
 * session cookie is then {@code Secure} and every answer carries HSTS). docs/security.md explains each.
 */
@ConfigurationProperties("scrutiny.security")
public record SecuritySettings(@DefaultValue Lockout lockout, @DefaultValue Throttle throttle, @DefaultValue Oidc oidc,
        @DefaultValue Shibboleth shibboleth, @DefaultValue("false") boolean tls) {

    /** {@code attempts} failed sign-ins in a row lock the account for {@code duration}. */
    public record Lockout(@DefaultValue("5") int attempts, @DefaultValue("15m") Duration duration) {
        public Lockout {
            if (attempts < 1) {
                throw new IllegalArgumentException("scrutiny.security.lockout.attempts must be at least 1, not " + attempts);
            }
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("scrutiny.security.lockout.duration must be positive (e.g. 15m), not " + duration);
            }
        }
    }


    /**
     * Per remote address, in windows of {@code window} from its first failure: the first {@code recorded} failed
     * sign-ins are recorded one by one, the rest counted into one aggregate record; after {@code failures},
     * sign-ins from the address are answered 429 until the window ends.
     */
    public record Throttle(@DefaultValue("20") int failures, @DefaultValue("5") int recorded, @DefaultValue("5m") Duration window) {
        public Throttle {
            if (failures < 1) {
                throw new IllegalArgumentException("scrutiny.security.throttle.failures must be at least 1, not " + failures);
            }
            if (recorded < 0 || recorded > failures) {
                throw new IllegalArgumentException("scrutiny.security.throttle.recorded must be from 0 to failures (" + failures
                        + "), not " + recorded);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("scrutiny.security.throttle.window must be positive (e.g. 5m), not " + window);
            }
        }
    }

    /**
     * @param rolesClaim    the claim (ID token or user info) that carries the user's groups or roles
     * @param usernameClaim the claim that names the user (falls back to {@code sub})
     * @param roleMap       claim value → role key
     */
    public record Oidc(@DefaultValue("roles") String rolesClaim, @DefaultValue("preferred_username") String usernameClaim,
            Map<String, String> roleMap) {
        public Oidc {
            roleMap = roleMap == null ? Map.of() : Map.copyOf(roleMap);
        }
    }

    /**
     * A Shibboleth service provider in front: header sign-in is on when {@code secret} is set, and
     * the headers are believed only on requests that carry it in {@code secretHeader}.
     *
     * @param secret         the secret the service provider adds to every request it forwards (at least 32 characters);
     *                       none: header sign-in is off and the headers are ignored
     * @param secretHeader   the header that carries it
     * @param enabled        no longer used: a secret turns header sign-in on; set without one, the application refuses to start
     * @param trustedProxies no longer used (the remote address can be forged through forwarded headers); set, the
     *                       application refuses to start
     * @param roleMap        header value → role key
     */
    public record Shibboleth(String secret, @DefaultValue("Scrutiny-Shibboleth-Secret") String secretHeader,
            @DefaultValue("REMOTE_USER") String userHeader, @DefaultValue("entitlement") String rolesHeader, Boolean enabled,
            List<String> trustedProxies, Map<String, String> roleMap) {
        /** The shortest secret accepted. */
        public static final int MIN_SECRET_LENGTH = 32;

        public Shibboleth {
            secret = secret == null || secret.isBlank() ? null : secret.strip();
            roleMap = roleMap == null ? Map.of() : Map.copyOf(roleMap);
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            if (!trustedProxies.isEmpty()) {
                throw new IllegalArgumentException("scrutiny.security.shibboleth.trusted-proxies is no longer used: the service "
                        + "provider proves itself with scrutiny.security.shibboleth.secret (see docs/security.md)");
            }
            if (Boolean.TRUE.equals(enabled) && secret == null) {
                throw new IllegalArgumentException("scrutiny.security.shibboleth.enabled is set but scrutiny.security.shibboleth.secret "
                        + "is not: header sign-in needs the secret the service provider sends (see docs/security.md)");
            }
            if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("scrutiny.security.shibboleth.secret must be at least " + MIN_SECRET_LENGTH
                        + " characters (e.g. openssl rand -hex 32), not " + secret.length());
            }
        }

        /** Whether header sign-in is on: a secret is set. */
        public boolean on() {
            return secret != null;
        }
    }
}
