package edu.scrutiny.app.desk;

import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.ListVersionImported;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.matching.Thresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Monitoring of the desk's watched screenings: when a list version is imported, each watched
 * screening that covers the list is screened again against it, as of today, and compared with the
 * results it holds from that list. A new result is added to the screening and raises {@code
 * NEW_HIT}; a result no longer found (removed or delisted) is closed and raises {@code HIT_CLOSED};
 * both alerts carry the screening's id and reach the person who ran it (the notification module).
 * A watched batch is screened again row by row ({@link WatchedBatches}).
 *
 * <p>This lives in the desk module rather than in monitoring's {@code Rescreening} because the
 * desk already depends on monitoring's alerts (and on review, which depends on monitoring):
 * monitoring depending on the desk would close a cycle.
 */
@Component
class WatchedScreenings {
    private static final Logger log = LoggerFactory.getLogger(WatchedScreenings.class);

    private final DeskStore store;
    private final ListCatalog catalog;
    private final Screening screening;
    private final Alerts alerts;
    private final WatchedBatches batches;
    private final Clock clock;

    WatchedScreenings(DeskStore store, ListCatalog catalog, Screening screening, Alerts alerts, WatchedBatches batches, Clock clock) {
        this.store = store;
        this.batches = batches;
        this.catalog = catalog;
        this.screening = screening;
        this.alerts = alerts;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ListVersionImported event) {
        StoredListVersion version = catalog.version(event.versionId()).orElseThrow();
        if (!catalog.isLatest(version.id())) {
            return; // a version that takes effect before the latest one changes nothing today
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = version.effectiveFrom().isAfter(today) ? version.effectiveFrom() : today;
        ScreeningSnapshot snapshot = screening.snapshot();
        int raised = 0;
        List<Long> watched = store.watched();
        for (long id : watched) {
            LoggedScreening s = store.find(id).orElseThrow();
            raised += s.channel() == Channel.BATCH ? batches.rescreen(s, version, snapshot, asOf) : rescreen(s, version, snapshot, asOf);
        }
        if (!watched.isEmpty()) {
            log.info("{} version {}: {} watched screenings screened again, {} alerts", version.listKey(), version.id(), watched.size(), raised);
        }
    }

    private int rescreen(LoggedScreening s, StoredListVersion version, ScreeningSnapshot snapshot, LocalDate asOf) {
        String list = version.listKey();
        DeskQuery q = s.query();
        if (q.lists() != null && !q.lists().contains(list)) {
            return 0;
        }
        Map<String, Hit> now = new HashMap<>();
        for (Hit h : snapshot.screen(q.matcherQuery(), asOf, Set.of(list), ScreeningLog.LIMIT, Thresholds.defaultFor(q.schema()))) {
            now.put(h.sourceId(), h);
        }
        Set<String> held = new HashSet<>();
        Set<String> closed = new HashSet<>();
        int raised = 0;
        for (LoggedResult r : s.results()) {
            if (!r.list().equals(list)) {
                continue;
            }
            if (r.closedOn() != null) {
                closed.add(r.sourceId());
                continue;
            }
            held.add(r.sourceId());
            if (!now.containsKey(r.sourceId())) {
                store.closeResult(s.id(), list, r.sourceId(), asOf);
                raised += alerts.raise(new Alerts.Raise(AlertKind.HIT_CLOSED, null, list, r.sourceId(), r.entityName(),
                        "Watched screening " + s.id() + " of " + q.name() + " no longer matches " + r.entityName() + " on " + list
                                + ": removed or delisted in version " + version.id() + " effective " + version.effectiveFrom(),
                        "watch-closed:" + s.id() + ":" + list + ":" + r.sourceId() + ":" + version.id(), s.id())).isPresent() ? 1 : 0;
            }
        }
        for (Hit h : now.values()) {
            if (held.contains(h.sourceId())) {
                continue;
            }
            if (closed.contains(h.sourceId())) {
                store.reopenResult(s.id(), h); // listed again: the result is live again, as found now
            } else {
                store.appendResult(s.id(), h);
            }
            raised += alerts.raise(new Alerts.Raise(AlertKind.NEW_HIT, null, list, h.sourceId(), h.entityName(),
                    "Watched screening " + s.id() + ": " + q.name() + " now matches " + h.entityName() + " on " + list + " ("
                            + h.category() + ", score " + h.score() + ") in version " + version.id() + " effective "
                            + version.effectiveFrom(),
                    "watch-hit:" + s.id() + ":" + list + ":" + h.sourceId() + ":" + h.contentSha(), s.id())).isPresent() ? 1 : 0;
        }
        if (raised > 0) {
            List<LoggedResult> results = store.find(s.id()).orElseThrow().results();
            store.updateState(s.id(), ResultStates.outcome(results), ResultStates.open(results));
        }
        return raised;
    }
}
