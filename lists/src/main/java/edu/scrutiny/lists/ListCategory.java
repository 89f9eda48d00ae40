package edu.scrutiny.lists;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of list an entry comes from; the risk policy reads this, not the list's name.
 * A hit on a sanctions or denial list prohibits, an export-control or watchlist hit elevates,
 * a research-security hit elevates (and prohibits for DoD-funded work).
 */
public enum ListCategory {
    /** Blocking sanctions: OFAC, UN, EU, UK. */
    SANCTIONS,
    /** Export privileges denied: the BIS Denied Persons List. */
    DENIAL,
    /** Licence requirements and export red flags: Entity List, Military End-User, Unverified List. */
    EXPORT_CONTROL,
    /** Research-security lists: DoD Section 1286 and 1260H, Canada's Named Research Organizations. */
    RESEARCH_SECURITY,
    /** The institution's own watchlist. */
    WATCHLIST;

    /** The lower-case key used on the command line and in files, e.g. {@code export_control}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListCategory> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ListCategory c : values()) {
            if (c.name().equals(k)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return key();
    }
}
