package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.SignInResult;
import edu.scrutiny.app.identity.Users;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with a local account's password (the sign-in form, HTTP Basic), through {@link
 * Users#verifyPassword}, which keeps the lock-out count.
 */
final class LocalAccounts implements AuthenticationProvider {
    private final Users users;
    private final String method;
    private final boolean announceSuccess;

    /**
     * @param method          {@code form} or {@code basic}
     * @param announceSuccess whether a success is a sign-in worth recording (not for Basic, which signs in on every request)
     */
    LocalAccounts(Users users, String method, boolean announceSuccess) {
        this.users = users;
        this.method = method;
        this.announceSuccess = announceSuccess;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        String from = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        SignInResult result = users.verifyPassword(username, password, method, from, announceSuccess);
        switch (result) {
            case SUCCEEDED -> {
                Actor actor = users.actor(username).orElseThrow(() -> new DisabledException("disabled"));
                SignedInUser user = new SignedInUser(actor);
                UsernamePasswordAuthenticationToken done =
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                done.setDetails(authentication.getDetails());
                return done;
            }
            case LOCKED -> throw new LockedException("the account is locked after repeated failed sign-ins; try again later");
            case DISABLED -> throw new DisabledException("the account is disabled");
            default -> throw new BadCredentialsException("bad user name or password");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
