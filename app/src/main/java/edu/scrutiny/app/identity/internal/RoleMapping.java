package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Roles from what an identity provider says of a user: the values of an OpenID Connect claim or
 * of a Shibboleth header, each looked up in a configured map (value → role key). Values that are
 * not in the map give no role; so does a map entry naming no role.
 */
public final class RoleMapping {
    private final Map<String, String> map;

    public RoleMapping(Map<String, String> map) {
        this.map = Map.copyOf(map);
    }

    /**
     * @param claim a string (values separated by commas, semicolons or white space, as Shibboleth joins
     *              multi-valued attributes), a collection of strings, or null
     */
    public Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof Collection<?> values) {
            for (Object v : values) {
                roles.addAll(roles(v));
            }
        } else if (claim != null) {
            for (String value : claim.toString().split("[,;\\s]+")) {
                if (!value.isEmpty()) {
                    String key = map.get(value);
                    if (key != null) {
                        Role.fromKey(key).ifPresent(roles::add);
                    }
                }
            }
        }
        return roles;
    }
}
