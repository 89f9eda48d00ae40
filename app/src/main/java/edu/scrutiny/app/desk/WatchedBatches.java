package edu.scrutiny.app.desk;

import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.matching.ScreeningQuery;
import edu.scrutiny.matching.Thresholds;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A watched batch screened again against a list's new version: each row of the file as a watched
 * screening is (as of the same date, against that list, at its schema's calibrated threshold),
 * compared with the matches the row holds from that list. A new match is recorded on the row (a near
 * miss or a closed candidate becomes it; otherwise it is added after the row's others) and raises
 * {@code NEW_HIT}; a match no longer found is closed and raises {@code HIT_CLOSED}. Both alerts carry
 * the batch's screening id and the row, and reach the person who ran it (the notification module).
 * A match an earlier false positive covers is recorded as cleared and raises nothing, as in an
 * engagement's re-screening.
 *
 * <p>Only a batch that is done is screened again: one still running screens its remaining rows
 * against the lists in force on its as-of date, and is watched from the next import after it is done.
 * Called by {@link WatchedScreenings}, in its transaction.
 */
@Component
class WatchedBatches {
    private final BatchStore store;
    private final HitClearances clearances;
    private final Alerts alerts;

    WatchedBatches(BatchStore store, HitClearances clearances, Alerts alerts) {
        this.store = store;
        this.clearances = clearances;
        this.alerts = alerts;
    }

    /** Screens a watched batch's rows again against {@code version}'s list; returns the alerts raised. */
    int rescreen(LoggedScreening s, StoredListVersion version, ScreeningSnapshot snapshot, LocalDate asOf) {
        String list = version.listKey();
        DeskQuery q = s.query();
        if (q.lists() != null && !q.lists().contains(list)) {
            return 0;
        }
        BatchStatus batch = store.status(s.id()).orElse(null);
        if (batch == null || !BatchStatus.DONE.equals(batch.state())) {
            return 0;
        }
        Map<Integer, Map<String, BatchStore.Held>> held = new HashMap<>();
        for (BatchStore.Held h : store.candidates(s.id(), list)) {
            held.computeIfAbsent(h.rowNo(), r -> new HashMap<>()).put(h.sourceId(), h);
        }
        int raised = 0;
        boolean changed = false;
        ScreeningSnapshot.Batch rows = snapshot.batch();
        for (BatchFile.Row row : store.screenedRows(s.id())) {
            double threshold = Thresholds.defaultFor(row.schema());
            Map<String, Hit> now = new LinkedHashMap<>();
            for (Hit h : rows.screen(new ScreeningQuery(row.name(), row.schema(), row.countries(), row.birthDate(), null), asOf,
                    Set.of(list), ScreeningLog.LIMIT, threshold)) {
                now.put(h.sourceId(), h);
            }
            Map<String, BatchStore.Held> mine = held.getOrDefault(row.rowNo(), Map.of());
            String where = "Watched batch " + s.id() + " (" + q.name() + "), row " + row.rowNo() + " (" + row.location() + ", id "
                    + row.id() + "): " + row.name();
            for (BatchStore.Held h : mine.values()) {
                if (h.match() && !h.closed() && !now.containsKey(h.sourceId())) {
                    store.matchClosed(s.id(), row.rowNo(), list, h.sourceId(), asOf);
                    changed = true;
                    raised += alerts.raise(new Alerts.Raise(AlertKind.HIT_CLOSED, null, list, h.sourceId(), h.entityName(),
                            where + " no longer matches " + h.entityName() + " on " + list + ": removed or delisted in version "
                                    + version.id() + " effective " + version.effectiveFrom(),
                            "watch-closed:" + s.id() + ":" + row.rowNo() + ":" + list + ":" + h.sourceId() + ":" + version.id(),
                            s.id(), row.rowNo())).isPresent() ? 1 : 0;
                }
            }
            for (Hit h : now.values()) {
                BatchStore.Held was = mine.get(h.sourceId());
                if (was != null && was.match() && !was.closed()) {
                    continue;
                }
                boolean cleared = clearances.isCleared(h);
                store.matchFound(s.id(), row.rowNo(), h, cleared);
                changed = true;
                if (cleared) {
                    continue;
                }
                raised += alerts.raise(new Alerts.Raise(AlertKind.NEW_HIT, null, list, h.sourceId(), h.entityName(),
                        where + " now matches " + h.entityName() + " on " + list + " (" + h.category() + ", score " + h.score()
                                + ") in version " + version.id() + " effective " + version.effectiveFrom(),
                        "watch-hit:" + s.id() + ":" + row.rowNo() + ":" + list + ":" + h.sourceId() + ":" + h.contentSha(),
                        s.id(), row.rowNo())).isPresent() ? 1 : 0;
            }
        }
        if (changed) {
            store.recount(s.id());
        }
        return raised;
    }
}
