package edu.scrutiny.app.screening;

import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Owner;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lists as one index over every stored version, with each indexed entry's windows of force.
 * Immutable once built; shared by every thread until a newer one replaces it.
 *
 * <p>A version is in force from its effective date until the next version of the same list takes
 * effect. Before a list's first version, the first version stands in for the list as it was, but
 * only for entries that carry a listing date (an undated entry cannot be dated back). Within a
 * version, an entry counts only between its own listing and delisting dates.
 */
public final class ScreeningSnapshot {
    /** Where an indexed entry is in force: one window per version (consecutive versions with the same content share an entry). */
    record Window(StoredListVersion version, LocalDate from, LocalDate until, boolean first) {
        boolean covers(LocalDate date, ListEntry entry) {
            if (!date.isBefore(from) && (until == null || date.isBefore(until))) {
                return entry.inForceOn(date);
            }
            return first && date.isBefore(from) && entry.listedOn() != null && entry.inForceOn(date);
        }
    }

    record Indexed(List<Window> windows, String contentSha) {
    }

    /** Most hits per name: above the threshold, more than this are noise, and fewer would cut real ones arbitrarily. */
    private static final int LIMIT = 25;
    private static final double PARENT_MIN_SCORE = 0.92;

    private final ScreeningIndex index;
    private final Map<ListEntry, Indexed> indexed;
    private final List<StoredListVersion> versions;
    private final String fingerprint;

    ScreeningSnapshot(ScreeningIndex index, IdentityHashMap<ListEntry, Indexed> indexed, List<StoredListVersion> versions, String fingerprint) {
        this.index = index;
        this.indexed = indexed;
        this.versions = List.copyOf(versions);
        this.fingerprint = fingerprint;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** The word weights of the whole index (defaults when nothing is imported), for screening a change as the whole would. */
    edu.scrutiny.matching.TokenWeights weights() {
        return index == null ? edu.scrutiny.matching.TokenWeights.defaults() : index.weights();
    }

    /** A screener over only these entries of a version, scoring as this snapshot would. */
    public ChangeScreener changeScreener(edu.scrutiny.app.lists.StoredListVersion version,
                                         java.util.Collection<edu.scrutiny.app.lists.StoredEntry> entries) {
        return new ChangeScreener(this, version, entries);
    }

    /** How many distinct entries the index holds. */
    public int entries() {
        return index == null ? 0 : index.size();
    }

    /**
     * Screens a name as of a date.
     *
     * @param person  whether the name is a person's (else an organisation's)
     * @param country the party's country, alpha-2, or null
     */
    public List<Hit> screen(String name, boolean person, String country, LocalDate asOf) {
        if (index == null || name == null || name.isBlank()) {
            return List.of();
        }
        Schema schema = person ? Schema.PERSON : Schema.ORGANIZATION;
        ScreeningQuery query = new ScreeningQuery(name, schema, country == null ? List.of() : List.of(country), null, null);
        List<Hit> hits = new ArrayList<>();
        for (Candidate c : index.screen(query, LIMIT * 4, Thresholds.defaultFor(schema))) {
            Indexed ix = indexed.get(c.entry());
            if (ix == null) {
                continue;
            }
            for (Window w : ix.windows()) {
                if (w.covers(asOf, c.entry())) {
                    ListEntry e = c.entry();
                    hits.add(new Hit(name, e.list(), e.category() == null ? w.version().category() : e.category().key(),
                            e.sourceId(), e.name(), c.matchedName(), round(c.score()), e.listedOn(), e.delistedOn(),
                            e.programs(), c.explain(), w.version().id(), ix.contentSha(), e));
                    break;
                }
            }
            if (hits.size() == LIMIT) {
                break;
            }
        }
        return hits;
    }

    /**
     * The parents and owners the lists know for a name: the owners of every entry (any list, any
     * version) whose name matches it closely. This is how an institution's imported corporate
     * families (Scrutiny CSV {@code parent} and {@code ownership}) and the lists' own parent data reach
     * ownership chains.
     */
    public List<Owner> knownOwners(String name, boolean person) {
        if (index == null || name == null || name.isBlank()) {
            return List.of();
        }
        Schema schema = person ? Schema.PERSON : Schema.ORGANIZATION;
        Set<Owner> owners = new LinkedHashSet<>();
        for (Candidate c : index.screen(ScreeningQuery.of(name, schema), LIMIT, PARENT_MIN_SCORE)) {
            owners.addAll(c.entry().owners());
        }
        return List.copyOf(owners);
    }

    /**
     * The version of each list in force on a date: the last to take effect on or before it, or,
     * before a list's first version, that first version (standing in for its dated entries).
     */
    public List<StoredListVersion> versionsInForce(LocalDate asOf) {
        Map<String, StoredListVersion> byList = new java.util.LinkedHashMap<>();
        for (StoredListVersion v : versions) { // ordered by list, effective date, id
            StoredListVersion held = byList.get(v.listKey());
            if (held == null || !v.effectiveFrom().isAfter(asOf)) {
                byList.put(v.listKey(), v);
            }
        }
        return List.copyOf(byList.values());
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
