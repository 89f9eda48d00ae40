package edu.scrutiny.app.identity.internal;

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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

/**
 * Sign-in by a Shibboleth service provider in front of Scrutiny: it authenticates the user (SAML,
 * InCommon) and passes who they are in request headers ({@code REMOTE_USER}, and their entitlements).
 * Such headers are believed only from the configured proxy addresses: anyone else could send them.
 */
final class Shibboleth {
    private final SecuritySettings.Shibboleth settings;
    private final Set<InetAddress> trusted = new HashSet<>();
    private final RoleMapping roles;
    private final Users users;

    Shibboleth(SecuritySettings.Shibboleth settings, Users users) {
        this.settings = settings;
        this.users = users;
        this.roles = new RoleMapping(settings.roleMap());
        for (String proxy : settings.trustedProxies()) {
            trusted.add(address(proxy.strip()));
        }
    }

    private static InetAddress address(String literal) {
        if (!literal.matches("[0-9a-fA-F:.]+")) { // an address, never a name to look up
            throw new IllegalArgumentException("scrutiny.security.shibboleth.trusted-proxies: '" + literal + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("scrutiny.security.shibboleth.trusted-proxies: '" + literal + "' is not an IP address", e);
        }
    }

    boolean trusts(String remoteAddress) {
        if (remoteAddress == null || !remoteAddress.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return trusted.contains(InetAddress.getByName(remoteAddress));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** What the provider said besides the user's name. */
    record Details(String entitlements, String remoteAddress) {
    }

    /** Refuses (403, recorded as a failed sign-in) a request that carries the user header from an address not trusted. */
    OncePerRequestFilter guard() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String user = request.getHeader(settings.userHeader());
                if (user != null && !trusts(request.getRemoteAddr())) {
                    users.announceFailure(user.length() > 100 ? user.substring(0, 100) : user, "shibboleth",
                            "the " + settings.userHeader() + " header came from an address that is not a trusted proxy",
                            request.getRemoteAddr());
                    JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                            "sign-in headers are accepted only from the configured Shibboleth proxies");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Spring Security's pre-authenticated filter on the user header; the user is added or brought up to date. */
    RequestHeaderAuthenticationFilter filter() {
        PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
        provider.setPreAuthenticatedUserDetailsService(userDetails());
        RequestHeaderAuthenticationFilter filter = new RequestHeaderAuthenticationFilter();
        filter.setPrincipalRequestHeader(settings.userHeader());
        filter.setExceptionIfHeaderMissing(false);
        filter.setAuthenticationDetailsSource(request -> new Details(request.getHeader(settings.rolesHeader()), request.getRemoteAddr()));
        filter.setAuthenticationManager(new ProviderManager(provider));
        filter.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
        filter.setCheckForPrincipalChanges(true); // another user behind the same session cookie signs in as themselves
        return filter;
    }

    private AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> userDetails() {
        return token -> {
            String username = token.getName() == null ? "" : token.getName().strip();
            Details details = token.getDetails() instanceof Details d ? d : new Details(null, null);
            if (username.isEmpty()) {
                throw new UsernameNotFoundException("the " + settings.userHeader() + " header is empty");
            }
            if (!trusts(details.remoteAddress())) { // the guard refused it already; never believe it here either
                throw new UsernameNotFoundException("not from a trusted proxy");
            }
            Set<Role> mapped = roles.roles(details.entitlements());
            UserAccount account;
            try {
                account = users.signedInExternally(username, null, null, mapped, "shibboleth");
            } catch (InvalidInput e) {
                users.announceFailure(username.length() > 100 ? username.substring(0, 100) : username, "shibboleth",
                        "not a valid user name", details.remoteAddress());
                throw new UsernameNotFoundException("not a valid user name", e);
            }
            if (!account.enabled()) {
                users.announceFailure(username, "shibboleth", "disabled", details.remoteAddress());
                throw new UsernameNotFoundException("the user " + username + " is disabled");
            }
            users.announceSignIn(username, "shibboleth", details.remoteAddress());
            return (UserDetails) new SignedInUser(account.actor());
        };
    }
}
