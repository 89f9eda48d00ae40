package edu.scrutiny.app.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names screened against one snapshot of the lists as of one date, as assessing screens a party's, an
 * owner's or a controller's name ({@link ScreeningSnapshot#screen(String, boolean, String, LocalDate)}).
 * One that {@link #remembering remembers} screens each name once however often it is asked for: a delta
 * re-screening first screens the names that matched a change against the whole lists, to settle whether
 * the whole lists give those hits, then assesses in full the engagements where they do, which screened
 * the same names again. Safe for concurrent use; a remembering one keeps every screening it made, and is
 * meant to live as long as one such run.
 */
public final class NameScreenings {
    private record Name(String name, boolean person, String country) {
    }

    private final ScreeningSnapshot lists;
    private final LocalDate asOf;
    /** The screenings made, or null where each is made anew. */
    private final Map<Name, List<Hit>> made;

    private NameScreenings(ScreeningSnapshot lists, LocalDate asOf, Map<Name, List<Hit>> made) {
        this.lists = java.util.Objects.requireNonNull(lists, "lists");
        this.asOf = java.util.Objects.requireNonNull(asOf, "asOf");
        this.made = made;
    }

    /** Screens every name anew (one assessment on its own). */
    public static NameScreenings each(ScreeningSnapshot lists, LocalDate asOf) {
        return new NameScreenings(lists, asOf, null);
    }

    /** Screens each name once and keeps what it gave. */
    public static NameScreenings remembering(ScreeningSnapshot lists, LocalDate asOf) {
        return new NameScreenings(lists, asOf, new ConcurrentHashMap<>());
    }

    /** The snapshot the names are screened against: an assessment reads the rest of the lists from it too. */
    public ScreeningSnapshot lists() {
        return lists;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The hits of a name, as {@link ScreeningSnapshot#screen(String, boolean, String, LocalDate)} gives them. */
    public List<Hit> screen(String name, boolean person, String country) {
        if (made == null) {
            return lists.screen(name, person, country, asOf);
        }
        Name key = new Name(name, person, country);
        List<Hit> hits = made.get(key);
        if (hits == null) {
            // not computeIfAbsent: a screening takes a millisecond or two, and would hold the map's bin that long
            hits = lists.screen(name, person, country, asOf);
            made.putIfAbsent(key, hits);
        }
        return hits;
    }
}
