package edu.scrutiny.app.identity.internal;

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
 * ({@code scrutiny.security.oidc.*}); the user is added on first sign-in and brought up to date on
 * every later one.
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
        UserAccount account;
        try {
            account = users.signedInExternally(id.username(), id.displayName(), id.email(), id.roles(), "oidc");
        } catch (InvalidInput e) {
            users.announceFailure(null, "oidc", "not a valid user name", null);
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user", "not a valid user name", null));
        }
        if (!account.enabled()) {
            users.announceFailure(id.username(), "oidc", "disabled", null);
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "the user is disabled", null));
        }
        users.announceSignIn(id.username(), "oidc", null);
        return new DefaultOidcUser(SignedInUser.authorities(account.roles()), oidc.getIdToken(), oidc.getUserInfo(), id.nameClaim());
    }
}
