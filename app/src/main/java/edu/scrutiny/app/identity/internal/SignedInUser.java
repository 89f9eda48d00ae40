package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** The principal of a signed-in request: the user's name, and their roles as {@code ROLE_ANALYST}... authorities. */
record SignedInUser(Actor actor) implements UserDetails {
    static List<GrantedAuthority> authorities(Collection<Role> roles) {
        return roles.stream().sorted().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(actor.roles());
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }
}
