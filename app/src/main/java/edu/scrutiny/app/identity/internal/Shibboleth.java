package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.ExternalSignInRefused;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.UserAccount;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.support.InvalidInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.preauth.RequestHeaderAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Sign-in by a Shibboleth service provider in front of Scrutiny: it authenticates the user (SAML,
 * InCommon) and passes who they are in request headers ({@code REMOTE_USER}, and their entitlements),
 * with a shared secret in its own header ({@code RequestHeader set} in Apache). The headers are
 * believed only with the secret, compared in constant time: not by the remote address, which
 * forwarded-header handling rewrites from what the client sends. The user is linked by the
 * attribute's value ({@code shibboleth:USER-HEADER} as the issuer), never adopted by a bare name.
 */
final class Shibboleth {
    private final SecuritySettings.Shibboleth settings;
    private final byte[] secret;
    private final RoleMapping roles;
    private final Users users;

    Shibboleth(SecuritySettings.Shibboleth settings, Users users) {
        this.settings = settings;
        this.users = users;
        this.roles = new RoleMapping(settings.roleMap());
        this.secret = settings.secret().getBytes(StandardCharsets.UTF_8);
    }

    /** The issuer under which this provider's identities are linked: the attribute its user header carries. */
    String issuer() {
        return "shibboleth:" + settings.userHeader();
    }

    /** Whether the request carries the service provider's secret (compared in constant time). */
    boolean fromProvider(HttpServletRequest request) {
        String presented = request.getHeader(settings.secretHeader());
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** What the provider said besides the user's name. */
    record Details(String entitlements, String remoteAddress, boolean fromProvider) {
    }

    /** Refuses (403, recorded as a failed sign-in) a request that carries the user header without the provider's secret. */
    OncePerRequestFilter guard() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = request.getHeader(settings.userHeader());
                if (user != null && !fromProvider(request)) {
                    users.announceFailure(user, "shibboleth", "the " + settings.userHeader()
                            + " header came without the service provider's secret", request.getRemoteAddr());
                    JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                            "sign-in headers are accepted only from the configured Shibboleth service provider");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Spring Security's pre-authenticated filter on the user header; the user is linked, added or brought up to date. */
    RequestHeaderAuthenticationFilter filter() {
        PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
        provider.setPreAuthenticatedUserDetailsService(userDetails());
        RequestHeaderAuthenticationFilter filter = new RequestHeaderAuthenticationFilter();
        filter.setPrincipalRequestHeader(settings.userHeader());
        filter.setExceptionIfHeaderMissing(false);
        filter.setAuthenticationDetailsSource(request -> new Details(request.getHeader(settings.rolesHeader()), request.getRemoteAddr(),
                fromProvider(request)));
        filter.setAuthenticationManager(new ProviderManager(provider));
        filter.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        filter.setCheckForPrincipalChanges(true); // another user behind the same session cookie signs in as themselves
        // a new session id at every sign-in, as the form and OpenID Connect do (no session fixation)
        filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
        });
        return filter;
    }

    private AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> userDetails() {
        return token -> {
            String subject = token.getName() == null ? "" : token.getName().strip();
            Details details = token.getDetails() instanceof Details d ? d : new Details(null, null, false);
            if (subject.isEmpty()) {
                throw new UsernameNotFoundException("the " + settings.userHeader() + " header is empty");
            }
            if (!details.fromProvider()) { // the guard refused it already; never believe it here either
                throw new UsernameNotFoundException("not from the service provider");
            }
            Set<Role> mapped = roles.roles(details.entitlements());
            UserAccount account;
            try {
                account = users.signedInExternally(issuer(), subject, subject, null, null, mapped, "shibboleth");
            } catch (ExternalSignInRefused e) {
                users.announceFailure(subject, "shibboleth", e.getMessage(), details.remoteAddress());
                throw new UsernameNotFoundException(e.getMessage(), e);
            } catch (InvalidInput e) {
                users.announceFailure(subject, "shibboleth", "not a valid user name", details.remoteAddress());
                throw new UsernameNotFoundException("not a valid user name", e);
            }
            if (!account.enabled()) {
                users.announceFailure(account.username(), "shibboleth", "disabled", details.remoteAddress());
                throw new UsernameNotFoundException("the user " + account.username() + " is disabled");
            }
            users.announceSignIn(account.username(), "shibboleth", details.remoteAddress());
            return (UserDetails) new SignedInUser(account.actor());
        };
    }
}
