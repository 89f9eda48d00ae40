package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.ExternalSignInRefused;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.UserAccount;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Map;
import java.util.Set;

/**
 * OpenID Connect sign-in: the user's name, e-mail and roles from the ID token and user info claims
 * ({@code scrutiny.security.oidc.*}), linked to an account by the ID token's issuer and subject
 * ({@link Users#signedInExternally}): the first sign-in makes the account unless its name is taken.
 */
final class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {
    private final OidcUserService delegate = new OidcUserService();
    private final SecuritySettings.Oidc settings;
    private final Users users;

    OidcSignIn(SecuritySettings.Oidc settings, Users users) {
        this.settings = settings;
        this.users = users;
    }

    /** Who the claims say the user is. */
    record Identity(String username, String nameClaim, String displayName, String email, Set<Role> roles) {
    }

    /** The mapping alone, from the claims: what the tests check without an identity provider. */
    static Identity identity(Map<String, Object> claims, SecuritySettings.Oidc settings) {
        String nameClaim = claims.get(settings.usernameClaim()) instanceof String s && !s.isBlank() ? settings.usernameClaim() : "sub";
        Object username = claims.get(nameClaim);
        if (!(username instanceof String u) || u.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", "the identity provider named no user", null));
        }
        Set<Role> roles = new RoleMapping(settings.roleMap()).roles(claims.get(settings.rolesClaim()));
        return new Identity(u.strip(), nameClaim, claims.get("name") instanceof String n ? n : null,
                claims.get("email") instanceof String e ? e : null, roles);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        Identity id = identity(oidc.getClaims(), settings);
        String issuer = oidc.getIdToken().getIssuer() == null ? request.getClientRegistration().getProviderDetails().getIssuerUri()
                : oidc.getIdToken().getIssuer().toString();
        String subject = oidc.getIdToken().getSubject();
        String from = remoteAddress();
        UserAccount account;
        try {
            account = users.signedInExternally(issuer, subject, id.username(), id.displayName(), id.email(), id.roles(), "oidc");
        } catch (ExternalSignInRefused e) {
            users.announceFailure(id.username(), "oidc", e.getMessage(), from);
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null));
        } catch (InvalidInput e) {
            users.announceFailure(id.username(), "oidc", "not a valid user name", from);
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", "not a valid user name", null));
        }
        if (!account.enabled()) {
            users.announceFailure(account.username(), "oidc", "disabled", from);
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "the user is disabled", null));
        }
        users.announceSignIn(account.username(), "oidc", from);
        return new LinkedOidcUser(SignedInUser.authorities(account.roles()), oidc, account.username());
    }

    /** The provider's user, named by the Scrutiny account it is linked to (which every request reads again). */
    static final class LinkedOidcUser extends DefaultOidcUser {
        private final String username;

        LinkedOidcUser(java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities, OidcUser oidc,
                String username) {
            super(authorities, oidc.getIdToken(), oidc.getUserInfo(), "sub");
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }
    }

    /** The address the browser came from, for the audit trail (the callback is a request of the browser's). */
    private static String remoteAddress() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a ? a.getRequest().getRemoteAddr() : null;
    }
}
