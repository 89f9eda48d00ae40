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

    /**
     * An entry as the snapshot holds it (the object its index holds), its windows, oldest first (unmodifiable, and shared
     * by the entries held in the same versions), and content hash.
     */
    record Indexed(ListEntry entry, List<Window> windows, String contentSha) {
    }

    /** Most hits per name: above the threshold, more than this are noise, and fewer would cut real ones arbitrarily. */
    private static final int LIMIT = 25;
    private static final double PARENT_MIN_SCORE = 0.92;

    private final ScreeningIndex index;
    private final Map<ListEntry, Indexed> indexed;
    /** The entries in index order (see {@link SnapshotEntries}). */
    private final List<ListEntry> order;
    /** The enabled lists the snapshot was read from. */
    private final java.util.Set<String> listsHeld;
    private final int versionsRead;
    private final List<StoredListVersion> versions;
    private final String fingerprint;
    private final ScreeningObserver observer;

    ScreeningSnapshot(ScreeningIndex index, SnapshotEntries entries, java.util.Set<String> listsHeld, List<StoredListVersion> versions,
                      String fingerprint, ScreeningObserver observer) {
        this.observer = observer;
        this.index = index;
        this.indexed = entries.indexed;
        this.order = java.util.Collections.unmodifiableList(entries.order);
        this.listsHeld = java.util.Set.copyOf(listsHeld);
        this.versionsRead = entries.versionsRead;
        this.versions = List.copyOf(versions);
        this.fingerprint = fingerprint;
        this.namesOwners = entries.namesOwners;
    }

    /** How many versions' entries building it read from the database (the others were the previous snapshot's). */
    int versionsRead() {
        return versionsRead;
    }

    /** The entries in index order. */
    List<ListEntry> order() {
        return order;
    }

    /** An entry's windows and content hash. */
    Indexed indexedOf(ListEntry entry) {
        return indexed.get(entry);
    }

    /** The enabled lists it was read from. */
    java.util.Set<String> listsHeld() {
        return listsHeld;
    }

    /** Every version stored when it was read, ordered by list, effective date and id. */
    List<StoredListVersion> versionsHeld() {
        return versions;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** The index, or null when nothing is imported. */
    ScreeningIndex index() {
        return index;
    }

    /** Every entry held, by {@link #contentKey}: a new map, the caller's to add to. */
    Map<String, ListEntry> entriesByContent() {
        Map<String, ListEntry> out = new java.util.HashMap<>(indexed.size() * 2);
        indexed.forEach((e, i) -> out.put(contentKey(i.windows().getFirst().version().listKey(), e.sourceId(), i.contentSha()), e));
        return out;
    }

    /**
     * The key the build tells equal contents by (one indexed entry per key): the list of the version that
     * holds the entry, the list's own id for it, its content hash. Made of what a stored row gives without
     * decoding its document ({@link edu.scrutiny.app.lists.StoredEntryRow}).
     */
    static String contentKey(String listKey, String sourceId, String contentSha) {
        return listKey + '\u0000' + sourceId + '\u0000' + contentSha;
    }

    /** The word weights of the whole index (defaults when nothing is imported), for screening a change as the whole would. */
    edu.scrutiny.matching.TokenWeights weights() {
        return index == null ? edu.scrutiny.matching.TokenWeights.defaults() : index.weights();
    }

    /** The owners the lists name, one indexed name per entry and owner, with the entry that names each. */
    private record OwnerNames(ScreeningIndex index, List<ListEntry> children) {
    }

    /** Built on first use (monitoring's), since most lists name few owners and screening never needs it. */
    private volatile OwnerNames ownerNames;

    /** Found children score at least this against the new parent's name: below the threshold ownership chains follow, to err towards looking. */
    private static final double CHILD_MIN_SCORE = 0.75;

    /**
     * The entries that name, as an owner, a name that could be one of these (the parent's names):
     * when a list adds a parent, the engagements that match its listed children reach it through
     * ownership. Entries of every list and version held, whether in force or not.
     */
    public Set<ListEntry> childrenOf(java.util.Collection<String> parentNames) {
        Set<ListEntry> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (!namesOwners()) {
            return out;
        }
        OwnerNames owners = ownerNames;
        if (owners == null) {
            owners = buildOwnerNames();
            ownerNames = owners;
        }
        if (owners.index() == null) {
            return out;
        }
        for (String name : parentNames) {
            for (Candidate c : owners.index().screen(ScreeningQuery.of(name, Schema.ORGANIZATION), LIMIT, CHILD_MIN_SCORE)) {
                out.add(owners.children().get(Integer.parseInt(c.entry().sourceId())));
            }
        }
        return out;
    }

    private OwnerNames buildOwnerNames() {
        List<ListEntry> names = new ArrayList<>();
        List<ListEntry> children = new ArrayList<>();
        for (ListEntry e : indexed.keySet()) {
            for (Owner o : e.owners()) {
                names.add(ListEntry.builder("owners", Integer.toString(names.size())).schema(Schema.ORGANIZATION).name(o.name()).build());
                children.add(e);
            }
        }
        return new OwnerNames(names.isEmpty() ? null : ScreeningIndex.build(names, weights()), List.copyOf(children));
    }

    /**
     * The object this snapshot's index holds for an entry of equal content, or the entry itself where it holds none: an
     * index built of the held objects keeps the names this one normalised ({@link ScreeningIndex#build(java.util.Collection,
     * edu.scrutiny.matching.TokenWeights, ScreeningIndex)}).
     */
    ListEntry heldAs(ListEntry e) {
        Indexed i = indexed.get(e);
        return i == null ? e : i.entry();
    }

    /** A screener over only these entries of a version, scoring as this snapshot would. */
    public ChangeScreener changeScreener(edu.scrutiny.app.lists.StoredListVersion version,
                                         java.util.Collection<edu.scrutiny.app.lists.StoredEntry> entries) {
        return new ChangeScreener(this, version, entries, null);
    }

    /**
     * The same, for names whose words are known beforehand ({@link edu.scrutiny.matching.QueryWords}, of names prepared with {@link ChangeScreener#prepare} and sharing their tokens): monitoring screens its
     * engagements' names against every version's change, and the change's words find theirs the other way round.
     */
    public ChangeScreener changeScreener(edu.scrutiny.app.lists.StoredListVersion version,
                                         java.util.Collection<edu.scrutiny.app.lists.StoredEntry> entries,
                                         edu.scrutiny.matching.QueryWords words) {
        return new ChangeScreener(this, version, entries, words);
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
        if (name == null || name.isBlank()) {
            return List.of();
        }
        long started = System.nanoTime();
        List<Hit> hits = find(name, person, country, asOf);
        observer.screened(java.time.Duration.ofNanos(System.nanoTime() - started), hits);
        return hits;
    }

    private List<Hit> find(String name, boolean person, String country, LocalDate asOf) {
        Schema schema = person ? Schema.PERSON : Schema.ORGANIZATION;
        return find(new ScreeningQuery(name, schema, country == null ? List.of() : List.of(country), null, null), asOf, null,
                LIMIT, Thresholds.defaultFor(schema));
    }

    /**
     * Screens a query (any schema, several countries, a birth date) as of a date against some lists.
     *
     * @param lists     the list keys to screen against, or null for every list held
     * @param limit     most hits returned
     * @param threshold the lowest score returned
     */
    public List<Hit> screen(ScreeningQuery query, LocalDate asOf, Set<String> lists, int limit, double threshold) {
        long started = System.nanoTime();
        List<Hit> hits = find(query, asOf, lists, limit, threshold);
        // the desk, yente and reconciliation screen this way: timed as every screening is (metrics by path)
        observer.screened(java.time.Duration.ofNanos(System.nanoTime() - started), hits);
        return hits;
    }

    /**
     * A run of screenings over many names (a batch of the desk, a watched batch re-screened): the same hits,
     * name for name, as {@link #screen(ScreeningQuery, LocalDate, Set, int, double)}, through one
     * {@link ScreeningIndex.Batch}, which remembers the query words it expanded (bounded), so that later
     * names cost less. Safe for concurrent use; meant to live as long as the run.
     */
    public Batch batch() {
        return new Batch();
    }

    /** See {@link #batch()}. */
    public final class Batch {
        /** The index's batch (none without lists: find() then returns nothing before it asks). */
        private final CandidateSource candidates = index == null ? null : index.batch()::screen;

        private Batch() {
        }

        /** As {@link ScreeningSnapshot#screen(ScreeningQuery, LocalDate, Set, int, double)}. */
        public List<Hit> screen(ScreeningQuery query, LocalDate asOf, Set<String> lists, int limit, double threshold) {
            long started = System.nanoTime();
            List<Hit> hits = find(query, asOf, lists, limit, threshold, candidates);
            observer.screened(java.time.Duration.ofNanos(System.nanoTime() - started), hits);
            return hits;
        }
    }

    /** How {@code find} asks the index for candidates: one query alone, or through a batch. */
    @FunctionalInterface
    private interface CandidateSource {
        List<Candidate> screen(ScreeningQuery query, int limit, double minScore);
    }

    private List<Hit> find(ScreeningQuery query, LocalDate asOf, Set<String> lists, int limit, double threshold) {
        return find(query, asOf, lists, limit, threshold, index == null ? null : index::screen);
    }

    private List<Hit> find(ScreeningQuery query, LocalDate asOf, Set<String> lists, int limit, double threshold,
                           CandidateSource candidates) {
        if (index == null || query.name().isBlank()) {
            return List.of();
        }
        ScreeningQuery undated = new ScreeningQuery(query.name(), query.schema(), query.countries(), query.birthDate(), null);
        List<Hit> hits = new ArrayList<>();
        // more candidates than asked for: some fall outside the date or the lists
        int wanted = lists == null ? limit * 4 : limit * 20;
        for (Candidate c : candidates.screen(undated, wanted, threshold)) {
            ListEntry e = c.entry();
            Indexed ix = indexed.get(e);
            if (ix == null || lists != null && !lists.contains(e.list())) {
                continue;
            }
            for (Window w : ix.windows()) {
                if (w.covers(asOf, e)) {
                    hits.add(new Hit(query.name(), e.list(), e.category() == null ? w.version().category() : e.category().key(),
                            e.sourceId(), e.name(), c.matchedName(), round(c.score()), e.listedOn(), e.delistedOn(),
                            e.programs(), c.explain(), w.version().id(), ix.contentSha(), e));
                    break;
                }
            }
            if (hits.size() == limit) {
                break;
            }
        }
        return hits;
    }

    /**
     * An entry as held: the content in force on a date (or, if none is then, the latest held), the
     * version it was read from, and when the lists first and last carried it.
     */
    public record HeldEntry(ListEntry entry, StoredListVersion version, String contentSha,
                            java.time.Instant firstSeen, java.time.Instant lastSeen) {
    }

    /** Every content held of each entry, by list key and source id; built on first use (by entity look-ups). */
    private volatile Map<String, List<ListEntry>> byKey;

    /** The list keys held. */
    public Set<String> listKeys() {
        Set<String> keys = new java.util.TreeSet<>();
        versions.forEach(v -> keys.add(v.listKey()));
        return keys;
    }

    /** An entry by its list key and source id, as in force on a date (else its latest content), if the lists hold it. */
    public java.util.Optional<HeldEntry> entry(String list, String sourceId, LocalDate asOf) {
        Map<String, List<ListEntry>> keys = byKey;
        if (keys == null) {
            keys = new java.util.HashMap<>();
            for (ListEntry e : indexed.keySet()) {
                keys.computeIfAbsent(e.list() + '\u0000' + e.sourceId(), k -> new ArrayList<>()).add(e);
            }
            byKey = keys;
        }
        List<ListEntry> contents = keys.getOrDefault(list + '\u0000' + sourceId, List.of());
        HeldEntry latest = null;
        for (ListEntry e : contents) {
            HeldEntry h = held(e);
            for (Window w : indexed.get(e).windows()) {
                if (w.covers(asOf, e)) {
                    return java.util.Optional.of(h);
                }
            }
            if (latest == null || h.version().id() > latest.version().id()) {
                latest = h;
            }
        }
        return java.util.Optional.ofNullable(latest);
    }

    /** An indexed entry (a hit's) with its latest version and the times the lists first and last carried it. */
    public HeldEntry held(ListEntry e) {
        Indexed ix = indexed.get(e);
        StoredListVersion first = ix.windows().getFirst().version();
        StoredListVersion last = ix.windows().getLast().version();
        return new HeldEntry(e, last, ix.contentSha(), first.retrievedAt(), last.retrievedAt());
    }

    /**
     * {@link #namesOwners()}: known from the build where it could tell (the entries it read, and the previous
     * snapshot's answer for those it kept), else worked out on first use.
     */
    private volatile Boolean namesOwners;

    /** {@link #namesOwners()} if it is known yet, else null: a snapshot built from this one starts from it. */
    Boolean namesOwnersIfKnown() {
        return namesOwners;
    }

    /**
     * Whether any entry held names an owner or parent. Government lists mostly name none, and then no name has known
     * owners: screening every party's name against the whole lists to find none was about 30% of assessing an
     * engagement (JFR, the rescreen benchmark's full re-screening, whose list names none; 2026-12-05). Nor has any
     * name children to find ({@link #childrenOf}). Carried from one snapshot to the next, so that the first screening
     * after an import does not look at every entry again to find out (about 15 ms at 100,000 entries, twice: once
     * here, once for the owners' index).
     */
    boolean namesOwners() {
        Boolean any = namesOwners;
        if (any == null) {
            any = indexed.keySet().stream().anyMatch(e -> !e.owners().isEmpty());
            namesOwners = any;
        }
        return any;
    }

    /**
     * The parents and owners the lists know for a name: the owners of every entry (any list, any
     * version) whose name matches it closely. This is how an institution's imported corporate
     * families (Scrutiny CSV {@code parent} and {@code ownership}) and the lists' own parent data reach
     * ownership chains.
     */
    public List<Owner> knownOwners(String name, boolean person) {
        if (index == null || name == null || name.isBlank() || !namesOwners()) {
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
