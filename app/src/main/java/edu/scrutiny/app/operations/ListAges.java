package edu.scrutiny.app.operations;

import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.monitoring.ListSourceSettings;
import edu.scrutiny.app.monitoring.ListSources;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How old each list with a source is: the time since its data was last known current (the last
 * successful refresh, which may have found the same bytes, or else the version in force's retrieval),
 * against the source's refresh period. Stale means older than twice the period: one refresh missed
 * is a publisher's bad day; two is something to look at.
 */
@Component
class ListAges {
    static final int STALE_PERIODS = 2;
    private final ListSources sources;
    private final ListCatalog catalog;
    private final Clock clock;

    ListAges(ListSources sources, ListCatalog catalog, Clock clock) {
        this.sources = sources;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One list's age against its period; {@code versionId} is null while the list has no version yet. */
    record Age(String list, Long versionId, Instant current, Duration age, Duration period) {
        boolean stale() {
            return age.compareTo(period.multipliedBy(STALE_PERIODS)) > 0;
        }
    }

    List<Age> ages() {
        Instant now = clock.instant();
        return sources.all().stream().map(s -> age(s, now)).toList();
    }

    private Age age(ListSourceSettings s, Instant now) {
        Optional<StoredListVersion> inForce = catalog.latest(s.listKey());
        Instant retrieved = inForce.map(StoredListVersion::retrievedAt).orElse(null);
        Instant current = latest(retrieved, s.lastSuccessAt());
        // a source that never succeeded is as old as its data: unknown, so counted from the epoch
        Duration age = Duration.between(current == null ? Instant.EPOCH : current, now);
        return new Age(s.listKey(), inForce.map(StoredListVersion::id).orElse(null), current, age.isNegative() ? Duration.ZERO : age, s.every());
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
