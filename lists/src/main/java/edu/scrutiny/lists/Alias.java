package edu.scrutiny.lists;

import java.util.Objects;

/**
 * Another name of a listed party. {@code weak} marks the aliases the source itself calls weak
 * (OFAC "weak a.k.a.", FollowTheMoney {@code weakAlias}): short or generic names that should
 * never produce a hit on their own.
 */
public record Alias(String name, boolean weak) {
    public Alias {
        Objects.requireNonNull(name, "name");
    }

    public static Alias strong(String name) {
        return new Alias(name, false);
    }

    public static Alias weak(String name) {
        return new Alias(name, true);
    }
}
