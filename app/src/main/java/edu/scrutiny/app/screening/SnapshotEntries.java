package edu.scrutiny.app.screening;

import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.lists.ListEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * What a screening snapshot indexes: every stored version of the enabled lists, each distinct content
 * once, in a fixed order (lists by key, versions in effect order, entries as stored, each where it first
 * appears), so that ties between equal scores fall the same way in every process; and each entry's
 * windows of force, one per version that holds it.
 *
 * <p>Read in full when a process starts; after an import, {@link #extend} reads only the versions the
 * snapshot in use does not hold. Reading every stored version's entries again made each import slower
 * than the one before (a 100,000-entry list: 8.4 s at its fifth version, 18.4 s at its ninth).
 */
final class SnapshotEntries {
    /** The entries in index order. */
    final List<ListEntry> order = new ArrayList<>();
    /** Each entry's windows (an unmodifiable list, shared by the entries held in the same versions) and content hash. */
    final IdentityHashMap<ListEntry, ScreeningSnapshot.Indexed> indexed = new IdentityHashMap<>();
    /** How many versions' entries were read from the database. */
    int versionsRead;
    /**
     * Whether an entry held names an owner or parent, where that is known without looking at every entry again: the
     * entries read are looked at as they are added, and those an extension keeps were the previous snapshot's (null
     * when that snapshot had not worked it out). See {@link ScreeningSnapshot#namesOwners}.
     */
    Boolean namesOwners = Boolean.FALSE;

    private SnapshotEntries() {
    }

    /** Nothing: no list imported. */
    static SnapshotEntries none() {
        return new SnapshotEntries();
    }

    /** The versions of every enabled list, by list key, each list's in effect order (then id), as the snapshot reads them. */
    static SortedMap<String, List<StoredListVersion>> enabledLists(ListCatalog catalog, List<StoredListVersion> versions) {
        SortedMap<String, List<StoredListVersion>> lists = new TreeMap<>();
        for (StoredListVersion v : versions) { // ordered by list, effective date, id
            lists.computeIfAbsent(v.listKey(), k -> new ArrayList<>()).add(v);
        }
        lists.keySet().removeIf(list -> !catalog.enabled(list));
        return lists;
    }

    /**
     * Every version of the lists read from the database. An entry whose content the previous snapshot
     * holds is that snapshot's object (so the index keeps what it made of it), and a stored document is
     * decoded only for a content met nowhere else.
     *
     * @param lists    the enabled lists' versions, by list key, each list's in effect order
     * @param previous the snapshot in use, or null
     */
    static SnapshotEntries read(ListCatalog catalog, SortedMap<String, List<StoredListVersion>> lists, ScreeningSnapshot previous) {
        Map<String, ListEntry> before = previous == null ? Map.of() : previous.entriesByContent();
        SnapshotEntries out = new SnapshotEntries();
        Map<String, ListEntry> byContent = new HashMap<>();
        lists.forEach((list, versions) -> out.add(catalog, versions, 0, byContent, before));
        return out;
    }

    /**
     * The previous snapshot's entries with the versions stored since it was built, reading only those;
     * empty unless that is all that changed: the same lists enabled, every version it holds still stored,
     * and each new version taking effect after every version of its list it holds (an import of the
     * list's next version). Anything else (a version back-dated, lists enabled or disabled) is read in
     * full. The result is what {@link #read} gives, entry for entry and window for window.
     */
    static Optional<SnapshotEntries> extend(ListCatalog catalog, SortedMap<String, List<StoredListVersion>> lists, ScreeningSnapshot previous) {
        if (previous == null || !previous.listsHeld().equals(lists.keySet())) {
            return Optional.empty();
        }
        Map<String, List<StoredListVersion>> held = new HashMap<>();
        for (StoredListVersion v : previous.versionsHeld()) {
            held.computeIfAbsent(v.listKey(), k -> new ArrayList<>()).add(v);
        }
        for (Map.Entry<String, List<StoredListVersion>> list : lists.entrySet()) {
            List<StoredListVersion> before = held.getOrDefault(list.getKey(), List.of());
            List<StoredListVersion> now = list.getValue();
            if (now.size() < before.size()) {
                return Optional.empty();
            }
            for (int i = 0; i < before.size(); i++) {
                if (now.get(i).id() != before.get(i).id()) {
                    return Optional.empty(); // a version stored since takes effect before one held, or one is gone
                }
            }
            if (!before.isEmpty() && now.size() > before.size()
                    && !now.get(before.size()).effectiveFrom().isAfter(before.getLast().effectiveFrom())) {
                return Optional.empty(); // the latest held is superseded on its own day: it leaves the index
            }
        }
        // the entries held, by list in their order, and by content
        Map<String, List<ListEntry>> segments = new HashMap<>();
        for (ListEntry e : previous.order()) {
            segments.computeIfAbsent(previous.indexedOf(e).windows().getFirst().version().listKey(), k -> new ArrayList<>()).add(e);
        }
        Map<String, ListEntry> byContent = previous.entriesByContent();
        SnapshotEntries out = new SnapshotEntries();
        out.namesOwners = previous.namesOwnersIfKnown();
        for (Map.Entry<String, List<StoredListVersion>> list : lists.entrySet()) {
            List<StoredListVersion> now = list.getValue();
            int heldCount = held.getOrDefault(list.getKey(), List.of()).size();
            // the version that was the list's latest is now in force until the next one takes effect: its window, as read() makes it
            StoredListVersion lastHeld = heldCount == 0 || heldCount == now.size() ? null : now.get(heldCount - 1);
            ScreeningSnapshot.Window closed = lastHeld == null ? null : new ScreeningSnapshot.Window(lastHeld, lastHeld.effectiveFrom(),
                    now.get(heldCount).effectiveFrom(), heldCount == 1);
            Map<List<ScreeningSnapshot.Window>, List<ScreeningSnapshot.Window>> closedLists = new IdentityHashMap<>();
            for (ListEntry e : segments.getOrDefault(list.getKey(), List.of())) {
                ScreeningSnapshot.Indexed i = previous.indexedOf(e);
                out.order.add(e);
                if (closed != null && i.windows().getLast().version().id() == lastHeld.id()) {
                    i = new ScreeningSnapshot.Indexed(i.entry(), shared(closedLists, i.windows(), w -> w.set(w.size() - 1, closed)), i.contentSha());
                }
                out.indexed.put(e, i);
            }
            out.add(catalog, now, heldCount, byContent, Map.of());
        }
        return Optional.of(out);
    }

    /**
     * Adds a list's versions from {@code from} on: each version's window of force, and its entries,
     * those whose content is already here gaining the window.
     *
     * @param versions the list's versions in effect order (those before {@code from} are only looked at for the windows)
     * @param before   entries to reuse by content key (the snapshot in use's), or none
     */
    private void add(ListCatalog catalog, List<StoredListVersion> versions, int from, Map<String, ListEntry> byContent,
                     Map<String, ListEntry> before) {
        for (int i = from; i < versions.size(); i++) {
            StoredListVersion v = versions.get(i);
            LocalDate until = i + 1 < versions.size() ? versions.get(i + 1).effectiveFrom() : null;
            if (until != null && !until.isAfter(v.effectiveFrom())) {
                continue; // superseded on the day it took effect
            }
            ScreeningSnapshot.Window window = new ScreeningSnapshot.Window(v, v.effectiveFrom(), until, i == 0);
            // entries held in the same versions have the same windows: one list for them all, not one each (a 100,000-entry
            // list's next version made as many lists and arrays, held as long as the snapshot, young after every import)
            List<ScreeningSnapshot.Window> only = List.of(window);
            Map<List<ScreeningSnapshot.Window>, List<ScreeningSnapshot.Window>> extended = new IdentityHashMap<>();
            versionsRead++;
            // a row's document is decoded only for a content neither an earlier version nor the snapshot in use holds
            catalog.streamEntryRows(v.id(), row -> {
                String key = ScreeningSnapshot.contentKey(v.listKey(), row.sourceId(), row.contentSha());
                ListEntry same = byContent.get(key);
                if (same == null) {
                    ListEntry entry = before.get(key);
                    if (entry == null) {
                        entry = row.entry();
                    }
                    byContent.put(key, entry);
                    if (!entry.owners().isEmpty()) {
                        namesOwners = Boolean.TRUE;
                    }
                    order.add(entry);
                    indexed.put(entry, new ScreeningSnapshot.Indexed(entry, only, row.contentSha()));
                } else {
                    ScreeningSnapshot.Indexed held = indexed.get(same);
                    indexed.put(same, new ScreeningSnapshot.Indexed(same, shared(extended, held.windows(), w -> w.add(window)), held.contentSha()));
                }
            });
        }
    }

    /**
     * The windows {@code held} becomes after {@code change}, made once for every entry that holds the same list
     * (those held in the same versions): {@code made} remembers, by the held list's identity, the unmodifiable
     * list each became.
     */
    private static List<ScreeningSnapshot.Window> shared(Map<List<ScreeningSnapshot.Window>, List<ScreeningSnapshot.Window>> made,
                                                         List<ScreeningSnapshot.Window> held,
                                                         Consumer<List<ScreeningSnapshot.Window>> change) {
        return made.computeIfAbsent(held, w -> {
            List<ScreeningSnapshot.Window> changed = new ArrayList<>(w.size() + 1);
            changed.addAll(w);
            change.accept(changed);
            return List.copyOf(changed);
        });
    }
}
