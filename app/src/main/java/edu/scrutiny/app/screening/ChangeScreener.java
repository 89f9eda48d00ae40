package edu.scrutiny.app.screening;

import edu.scrutiny.app.lists.StoredEntry;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.QueryWords;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Screens names against only the entries a list version added or changed, scoring as the whole
 * lists would (the full index's word weights): monitoring's delta re-screening, whose cost grows
 * with the size of the change, not of the lists.
 *
 * <p>It finds every hit on these entries that screening against the whole lists finds, and may find
 * more: the whole index compares in full only the names that collected the most of a query's weight
 * (a shortlist, a share of the best, a limit on hits), and where dozens of names match, that cut falls
 * among the whole lists' names, not the change's. So this screener applies no such cut (see
 * {@link ScreeningIndex#screenExhaustively}), and monitoring settles what it finds by assessing the
 * engagement against the whole lists.
 */
public final class ChangeScreener {
    private final ScreeningIndex index;
    /** The change's names are screened many times (every engagement name): each query word expanded once. */
    private final ScreeningIndex.ExhaustiveBatch batch;
    private final Map<ListEntry, StoredEntry> stored = new IdentityHashMap<>();
    private final StoredListVersion version;

    /**
     * @param words the words of the names that will be screened, where known beforehand (prepared with
     *              {@link #prepare} and sharing their tokens), or null: the change's words then find theirs the other
     *              way round, which is cheaper than expanding each of theirs through the change (a few thousand words
     *              against tens of thousands), with the same result
     */
    ChangeScreener(ScreeningSnapshot lists, StoredListVersion version, Collection<StoredEntry> entries, QueryWords words) {
        this.version = version;
        // the snapshot's own objects for the entries it holds: their names are normalised already, in its index, and the
        // change's index keeps them (normalising the change's names again was most of building its index, every version)
        List<ListEntry> own = new ArrayList<>(entries.size());
        for (StoredEntry e : entries) {
            ListEntry held = lists.heldAs(e.entry());
            stored.put(held, e);
            own.add(held);
        }
        this.index = stored.isEmpty() ? null : ScreeningIndex.build(own, lists.weights(), lists.index());
        this.batch = index == null ? null : words == null ? index.exhaustiveBatch() : index.exhaustiveBatch(words);
    }

    public int entries() {
        return stored.size();
    }

    /** The hits of a name on the changed entries in force on a date. */
    public List<Hit> screen(String name, boolean person, String country, LocalDate asOf) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        return screen(ScreeningIndex.PreparedName.of(name, schemaOf(person)), country, asOf);
    }

    /** The same for a name normalised beforehand ({@link #prepare}): monitoring keeps its engagements' names so. */
    public List<Hit> screen(ScreeningIndex.PreparedName name, String country, LocalDate asOf) {
        if (index == null || name.name() == null || name.name().isBlank()) {
            return List.of();
        }
        ScreeningQuery query = new ScreeningQuery(name.name(), name.schema(), country == null ? List.of() : List.of(country), null, asOf);
        List<Hit> hits = new ArrayList<>();
        // every hit the whole lists could give on these entries, whatever cut the whole index makes among its other names
        for (Candidate c : batch.screen(query, name, Thresholds.defaultFor(name.schema()))) {
            StoredEntry se = stored.get(c.entry());
            ListEntry e = c.entry();
            hits.add(new Hit(name.name(), e.list(), e.category() == null ? version.category() : e.category().key(), e.sourceId(),
                    e.name(), c.matchedName(), Math.round(c.score() * 1000) / 1000.0, e.listedOn(), e.delistedOn(),
                    e.programs(), c.explain(), se.versionId(), se.contentSha(), e));
        }
        return hits;
    }

    /** A party's, owner's or controller's name normalised as {@link #screen} reads it, to screen it against many changes. */
    public static ScreeningIndex.PreparedName prepare(String name, boolean person) {
        return ScreeningIndex.PreparedName.of(name, schemaOf(person));
    }

    private static Schema schemaOf(boolean person) {
        return person ? Schema.PERSON : Schema.ORGANIZATION;
    }
}
