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

import java.util.List;
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
        java.util.SortedMap<String, List<StoredListVersion>> lists = SnapshotEntries.enabledLists(catalog, versions);
        // after an import, only the versions the snapshot in use does not hold are read; its entries are kept, and
        // ScreeningIndex.build(entries, previous) keeps their normalised names
        ScreeningSnapshot previous = current.get();
        SnapshotEntries entries = SnapshotEntries.extend(catalog, lists, previous)
                .orElseGet(() -> SnapshotEntries.read(catalog, lists, previous));
        List<ListEntry> order = entries.order;
        ScreeningIndex index = order.isEmpty() ? null
                : previous == null || previous.index() == null ? ScreeningIndex.build(order) : ScreeningIndex.build(order, previous.index());
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
        log.info("screening index built: {} entries from {} versions ({} read) in {} ms", order.size(), versions.size(),
                entries.versionsRead, took.toMillis());
        ScreeningObserver.IndexBuild build = new ScreeningObserver.IndexBuild(order.size(), versions.size(), took, java.time.Instant.now());
        lastBuild = build;
        ScreeningObserver observer = observers.getIfAvailable(() -> ScreeningObserver.NONE);
        observer.indexBuilt(build);
        return new ScreeningSnapshot(index, entries, lists.keySet(), versions, fingerprint, observer);
    }
}
