package edu.scrutiny.app.screening;

import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.ListVersionImported;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.matching.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The screening module's API: a consistent snapshot of the lists to screen against. The index is
 * built from the database when first needed and rebuilt when the stored versions change (checked
 * on every {@link #snapshot()}, so an import by another process or instance is seen too). While a
 * rebuild runs, other callers keep the previous snapshot: a new index replaces the old one only
 * when it is complete.
 */
@Service
public class Screening {
    private static final Logger log = LoggerFactory.getLogger(Screening.class);
    private final ListCatalog catalog;
    private final AtomicReference<ScreeningSnapshot> current = new AtomicReference<>();
    private final ReentrantLock building = new ReentrantLock();
    private final org.springframework.beans.factory.ObjectProvider<ScreeningObserver> observers;
    private volatile ScreeningObserver.IndexBuild lastBuild;

    Screening(ListCatalog catalog, org.springframework.beans.factory.ObjectProvider<ScreeningObserver> observers) {
        this.catalog = catalog;
        this.observers = observers; // looked up at the first build: the observer may itself depend on this module
    }

    /** The last index build, or empty while no index has been built (the readiness check waits for one). */
    public java.util.Optional<ScreeningObserver.IndexBuild> lastBuild() {
        return java.util.Optional.ofNullable(lastBuild);
    }

    /** The lists as stored now. */
    public ScreeningSnapshot snapshot() {
        String fingerprint = catalog.fingerprint();
        ScreeningSnapshot s = current.get();
        if (s != null && s.fingerprint().equals(fingerprint)) {
            return s;
        }
        if (s != null && !building.tryLock()) {
            return s; // another thread is building the new one; keep serving the old
        }
        if (s == null) {
            building.lock();
        }
        try {
            s = current.get();
            if (s == null || !s.fingerprint().equals(catalog.fingerprint())) {
                s = build();
                current.set(s);
            }
            return s;
        } finally {
            building.unlock();
        }
    }

    /** After an import commits, build the new index now (in this thread) if one is in use. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ListVersionImported event) {
        if (current.get() != null) {
            snapshot();
        }
    }

    private ScreeningSnapshot build() {
        long started = System.nanoTime();
        String fingerprint = catalog.fingerprint();
        List<StoredListVersion> versions = catalog.allVersions();
        Map<String, List<StoredListVersion>> byList = new HashMap<>();
        for (StoredListVersion v : versions) {
            byList.computeIfAbsent(v.listKey(), k -> new ArrayList<>()).add(v);
        }
        IdentityHashMap<ListEntry, ScreeningSnapshot.Indexed> indexed = new IdentityHashMap<>();
        // the entries the snapshot in use holds, by content: an entry a version did not change is that same object,
        // so the new index keeps its normalised names (ScreeningIndex.build(entries, previous))
        ScreeningSnapshot previous = current.get();
        Map<String, ListEntry> before = previous == null ? Map.of() : previous.entriesByContent();
        // the index is built in a fixed order (lists by key, versions, entries as stored), so that ties
        // between equal scores fall the same way in every process
        List<ListEntry> order = new ArrayList<>();
        Map<String, ListEntry> byContent = new HashMap<>();
        for (Map.Entry<String, List<StoredListVersion>> list : new java.util.TreeMap<>(byList).entrySet()) {
            if (!catalog.enabled(list.getKey())) {
                continue;
            }
            List<StoredListVersion> vs = list.getValue(); // ordered by effective date, then id
            for (int i = 0; i < vs.size(); i++) {
                StoredListVersion v = vs.get(i);
                LocalDate until = i + 1 < vs.size() ? vs.get(i + 1).effectiveFrom() : null;
                if (until != null && !until.isAfter(v.effectiveFrom())) {
                    continue; // superseded on the day it took effect
                }
                ScreeningSnapshot.Window window = new ScreeningSnapshot.Window(v, v.effectiveFrom(), until, i == 0);
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
                        order.add(entry);
                        List<ScreeningSnapshot.Window> windows = new ArrayList<>(2);
                        windows.add(window);
                        indexed.put(entry, new ScreeningSnapshot.Indexed(windows, row.contentSha()));
                    } else {
                        indexed.get(same).windows().add(window);
                    }
                });
            }
        }
        ScreeningIndex index = indexed.isEmpty() ? null
                : previous == null || previous.index() == null ? ScreeningIndex.build(order) : ScreeningIndex.build(order, previous.index());
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
        log.info("screening index built: {} entries from {} versions in {} ms", indexed.size(), versions.size(), took.toMillis());
        ScreeningObserver.IndexBuild build = new ScreeningObserver.IndexBuild(indexed.size(), versions.size(), took, java.time.Instant.now());
        lastBuild = build;
        ScreeningObserver observer = observers.getIfAvailable(() -> ScreeningObserver.NONE);
        observer.indexBuilt(build);
        return new ScreeningSnapshot(index, indexed, versions, fingerprint, observer);
    }
}
