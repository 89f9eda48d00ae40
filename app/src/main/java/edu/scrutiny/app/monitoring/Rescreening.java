package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.ListVersionImported;
import edu.scrutiny.app.lists.StoredEntry;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.lists.VersionChange;
import edu.scrutiny.app.monitoring.internal.SubjectIndex;
import edu.scrutiny.app.screening.ChangeScreener;
import edu.scrutiny.app.screening.Screening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delta re-screening. After a list version is imported (and is its list's latest), every live
 * engagement (not declined, withdrawn, expired or terminated) is screened against the entries the
 * version added or changed only: an index of the engagements' names ({@link SubjectIndex}) gives
 * the names that could match the change, and those are screened against it. The engagements whose
 * hits rest on entries the version removed or delisted are looked up by index. The cost grows with
 * the change, not with the lists, nor (beyond keeping the name index) with the engagements. Each
 * engagement so affected is re-assessed in full; new hits raise {@code NEW_HIT} and reopen it for
 * review, closed ones {@code HIT_CLOSED}, and a tier that moves {@code TIER_CHANGED}. The tier
 * is the new assessment's, so it never drops while other hits or factors hold it up.
 *
 * <p>The screening date is today, or the version's effective date if that is later.
 */
@Service
public class Rescreening {
    private static final Logger log = LoggerFactory.getLogger(Rescreening.class);
    private final ListCatalog catalog;
    private final Screening screening;
    private final Engagements engagements;
    private final Assessments assessments;
    private final Alerts alerts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    private final Assessor assessor;
    private final boolean onImport;
    private final SubjectIndex subjects;

    Rescreening(ListCatalog catalog, Screening screening, Engagements engagements, Assessments assessments, Alerts alerts,
                JdbcClient jdbc, TransactionTemplate transactions, Clock clock, Assessor assessor,
                @Value("${scrutiny.monitoring.rescreen-on-import:true}") boolean onImport, SubjectIndex subjects) {
        this.subjects = subjects;
        this.assessor = assessor;
        this.onImport = onImport;
        this.catalog = catalog;
        this.screening = screening;
        this.engagements = engagements;
        this.assessments = assessments;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ListVersionImported event) {
        if (onImport) {
            rescreen(event.versionId());
        }
    }

    /**
     * The full re-screening delta re-screening saves: every live engagement assessed again against
     * the whole lists, and recorded (with its alerts) where its hits changed. Gives the same result
     * as {@link #rescreen} after an import; it exists to measure that, and to re-screen everything
     * on demand.
     *
     * @return the number of engagements whose hits changed
     */
    public int rescreenEverything(LocalDate asOf, StoredListVersion cause) {
        // assessing is the cost, and runs on every core; recording the few that changed is sequential
        List<String> changed = engagements.live().parallelStream().filter(e -> {
            Map<String, AssessedHit> now = byKey(assessor.reassess(e.engagement(), asOf).hits());
            Map<String, AssessedHit> before = byKey(assessments.latest(e.id()).map(a -> a.assessment().hits()).orElse(List.of()));
            return !now.keySet().equals(before.keySet());
        }).map(StoredEngagement::id).sorted().toList();
        for (String id : changed) {
            transactions.execute(tx -> reassess(id, asOf, cause));
        }
        return changed.size();
    }

    /**
     * Brings the index of the engagements' names up to date now (it is otherwise rebuilt by the
     * first re-screening after engagements were added), so that an import does not pay for it.
     */
    public void prepare() {
        subjects.refresh();
    }

    /** The summary of the re-screening that followed an import, if one ran. */
    public Optional<RescreenSummary> summaryFor(long versionId) {
        return jdbc.sql("SELECT * FROM rescreen_run WHERE version_id = :v").param("v", versionId)
                .query((rs, n) -> new RescreenSummary(rs.getLong("version_id"), rs.getObject("as_of", LocalDate.class),
                        rs.getInt("added"), rs.getInt("removed"), rs.getInt("changed"), rs.getInt("engagements"),
                        rs.getInt("reassessed"), rs.getInt("alerts"), rs.getLong("millis"))).optional();
    }

    /** Runs the delta re-screening for a version (again, if it already ran: the alerts are raised only for what is new). */
    public RescreenSummary rescreen(long versionId) {
        long started = System.nanoTime();
        StoredListVersion version = catalog.version(versionId).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = version.effectiveFrom().isAfter(today) ? version.effectiveFrom() : today;
        VersionChange change = catalog.changes(versionId);
        if (!catalog.isLatest(versionId)) {
            log.info("{} version {} takes effect before the latest version: not re-screening", version.listKey(), versionId);
            return record(new RescreenSummary(versionId, asOf, change.added().size(), change.removedIds().size(),
                    change.changed().size(), 0, 0, 0, 0));
        }
        List<StoredEntry> screenAgainst = new ArrayList<>(change.added());
        screenAgainst.addAll(change.changed());
        ChangeScreener screener = screening.snapshot().changeScreener(version, screenAgainst);

        Set<String> affected = new LinkedHashSet<>();
        Set<String> liveIds = engagements.liveIds();
        if (screener.entries() > 0) {
            // only the names that could match the change are screened, each once, on every core
            List<edu.scrutiny.lists.ListEntry> changed = screenAgainst.stream().map(StoredEntry::entry).toList();
            Set<String> hitIds = subjects.candidates(changed).parallelStream()
                    .filter(s -> !screener.screen(s.name(), s.person(), s.country(), asOf).isEmpty())
                    .flatMap(s -> subjects.engagementsOf(s).stream())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
            hitIds.stream().filter(liveIds::contains).forEach(affected::add);
        }
        List<String> closing = new ArrayList<>(change.removedIds());
        for (StoredEntry c : change.changed()) {
            if (!c.entry().inForceOn(asOf)) {
                closing.add(c.entry().sourceId());
            }
        }
        for (String id : assessments.engagementsWithHitsOn(version.listKey(), closing)) {
            if (liveIds.contains(id)) {
                affected.add(id);
            }
        }

        long screened = System.nanoTime();
        int raised = 0;
        for (String id : affected) {
            raised += transactions.execute(tx -> reassess(id, asOf, version));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("{} version {}: screening the change took {} ms, re-assessing {} engagements {} ms", version.listKey(), versionId,
                (screened - started) / 1_000_000, affected.size(), (System.nanoTime() - screened) / 1_000_000);
        RescreenSummary summary = new RescreenSummary(versionId, asOf, change.added().size(), change.removedIds().size(),
                change.changed().size(), liveIds.size(), affected.size(), raised, millis);
        log.info("{} version {}: {}", version.listKey(), versionId, summary.line());
        return record(summary);
    }

    private int reassess(String id, LocalDate asOf, StoredListVersion version) {
        Optional<RecordedAssessment> before = assessments.latest(id);
        RecordedAssessment after = assessments.assessAndRecord(id, asOf, "system");
        Map<String, AssessedHit> old = byKey(before.map(b -> b.assessment().hits()).orElse(List.of()));
        Map<String, AssessedHit> now = byKey(after.assessment().hits());
        int raised = 0;
        boolean newHit = false;
        for (Map.Entry<String, AssessedHit> h : now.entrySet()) {
            if (!old.containsKey(h.getKey())) {
                AssessedHit hit = h.getValue();
                newHit = true;
                raised += alerts.raise(new Alerts.Raise(AlertKind.NEW_HIT, id, hit.list(), hit.sourceId(), hit.entityName(),
                        hit.party() + " now matches " + hit.entityName() + " on " + hit.list() + " (" + hit.category()
                                + ", score " + hit.score() + ") in version " + version.id() + " effective " + version.effectiveFrom()
                                + (hit.via() == null ? "" : ", through ownership: " + hit.via()), null)).isPresent() ? 1 : 0;
            }
        }
        for (Map.Entry<String, AssessedHit> h : old.entrySet()) {
            if (!now.containsKey(h.getKey())) {
                AssessedHit hit = h.getValue();
                raised += alerts.raise(new Alerts.Raise(AlertKind.HIT_CLOSED, id, hit.list(), hit.sourceId(), hit.entityName(),
                        hit.party() + " no longer matches " + hit.entityName() + " on " + hit.list() + ": removed or delisted in version "
                                + version.id() + " effective " + version.effectiveFrom()
                                + "; tier now " + after.assessment().tier(), null)).isPresent() ? 1 : 0;
            }
        }
        if (before.isPresent() && before.get().assessment().tier() != after.assessment().tier()) {
            raised += alerts.raise(new Alerts.Raise(AlertKind.TIER_CHANGED, id, version.listKey(), null, null,
                    "tier " + before.get().assessment().tier() + " -> " + after.assessment().tier() + " after " + version.listKey()
                            + " version " + version.id(), null)).isPresent() ? 1 : 0;
        }
        if (newHit) {
            StoredEngagement e = engagements.find(id).orElseThrow();
            if (e.status() != EngagementStatus.IN_REVIEW) {
                engagements.changeStatus(id, EngagementStatus.IN_REVIEW, "system");
            }
        }
        return raised;
    }

    private static Map<String, AssessedHit> byKey(List<AssessedHit> hits) {
        Map<String, AssessedHit> out = new HashMap<>();
        for (AssessedHit h : hits) {
            out.putIfAbsent(h.party() + '\u0000' + h.list() + '\u0000' + h.sourceId(), h);
        }
        return out;
    }

    private RescreenSummary record(RescreenSummary s) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM rescreen_run WHERE version_id = :v").param("v", s.versionId()).update();
            jdbc.sql("""
                    INSERT INTO rescreen_run (version_id, as_of, added, removed, changed, engagements, reassessed, alerts, millis, finished_at)
                    VALUES (:v, :asOf, :a, :r, :c, :e, :re, :al, :ms, :at)""")
                    .param("v", s.versionId()).param("asOf", s.asOf()).param("a", s.added()).param("r", s.removed())
                    .param("c", s.changed()).param("e", s.engagements()).param("re", s.reassessed()).param("al", s.alerts())
                    .param("ms", s.millis()).param("at", Timestamp.from(clock.instant())).update();
        });
        return s;
    }
}
