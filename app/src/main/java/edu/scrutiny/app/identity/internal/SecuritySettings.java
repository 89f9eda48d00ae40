package edu.scrutiny.app.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code scrutiny.security.*}: lock-out, and how roles are read from OpenID Connect claims and
 * Shibboleth headers.
 */
@ConfigurationProperties("scrutiny.security")
public record SecuritySettings(@DefaultValue Lockout lockout, @DefaultValue Oidc oidc, @DefaultValue Shibboleth shibboleth) {

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
     * @param trustedProxies the addresses of the Shibboleth service providers (reverse proxies) whose headers are believed
     * @param roleMap        header value → role key
     */
    public record Shibboleth(@DefaultValue("false") boolean enabled, @DefaultValue("REMOTE_USER") String userHeader,
            @DefaultValue("entitlement") String rolesHeader, List<String> trustedProxies, Map<String, String> roleMap) {
        public Shibboleth {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
            roleMap = roleMap == null ? Map.of() : Map.copyOf(roleMap);
        }
    }
}
