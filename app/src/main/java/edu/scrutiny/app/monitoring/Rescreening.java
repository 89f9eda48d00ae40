package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
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
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.NameScreenings;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import jakarta.annotation.PreDestroy;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Delta re-screening. After a list version is imported (and is its list's latest), every live
 * engagement (not declined, withdrawn, expired or terminated) is screened against the entries the
 * version added or changed only: every name the engagements hold, normalised once and kept
 * ({@link SubjectIndex}), is screened against every name of those entries, as screening would screen
 * it against the whole lists but without the cut the whole index makes among its other names. The
 * engagements whose hits rest on entries the version removed, delisted or changed are looked up by
 * index. The cost grows with the change and, at a few microseconds per name, with the engagements'
 * names, not with the lists.
 *
 * <p>An engagement is re-assessed in full when a hit it counts is on an entry removed or delisted, or
 * on a changed entry its names no longer match directly. Where the change gives it a hit its latest
 * assessment does not count (a new one, or one whose false-positive clearance the change voids), the
 * whole lists settle first whether they give it: the names that matched it in the change are screened
 * against the whole lists, as assessing screens them, and the engagement is assessed in full only if
 * one of them gives it (the change's small index makes no candidate cut, so it finds hits the whole
 * lists may not give). Where its names still match every changed entry it counts a hit on, the
 * whole lists settle whether they still give those hits: a hit a party's own name gave is confirmed by
 * screening that name again, and the engagement is assessed in full only if
 * one is not given again (or came through ownership or a ROR name). One whose hits the change leaves
 * as they were is not re-assessed: nothing the version did changes its assessment. New hits raise {@code NEW_HIT} and reopen the engagement for
 * review, closed ones {@code HIT_CLOSED}, and a tier that moves {@code TIER_CHANGED}. The tier is
 * the new assessment's, so it never drops while other hits or factors hold it up.
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
        // assessing is the cost: every live engagement, on every core; the few whose hits changed are recorded
        AtomicInteger changed = new AtomicInteger();
        assessThenRecord(engagements.live(), new AtomicLong(), e -> {
            Assessment now = assessor.reassess(e.engagement(), asOf);
            Optional<RecordedAssessment> latest = assessments.latest(e.id());
            Map<String, AssessedHit> before = byKey(latest.map(a -> a.assessment().hits()).orElse(List.of()));
            return byKey(now.hits()).keySet().equals(before.keySet()) ? Optional.empty() : Optional.of(new Reassessed(now, latest));
        }, (e, a) -> {
            changed.incrementAndGet();
            return record(e.id(), a, cause);
        });
        return changed.get();
    }

    /**
     * Assesses each item on every core, and records each assessment, in a transaction of its own, on the
     * thread that made it, as soon as it is made. Recorded on one thread in the items' order, the
     * assessments of a delta re-screening waited for it: recording (the assessment, its alerts, the
     * engagement back to review, their audit records and notifications) took 300-510 ms of a phase of
     * 480-520 ms on the rescreen benchmark, that one thread sharing two cores with the two assessing. Each
     * engagement's record is one transaction as before; the audit chain orders the transactions as they
     * commit (its head is locked at commit), and no two of them write the same engagement.
     *
     * @param recording adds the nanoseconds spent recording, summed over the threads
     * @param assess    an assessment to record, or empty when there is nothing to record
     * @param record    records one (in its transaction) and says how many alerts it raised
     * @return the alerts raised
     */
    private <T, A> int assessThenRecord(List<T> items, AtomicLong recording,
                                        Function<T, Optional<A>> assess, BiFunction<T, A, Integer> record) {
        ExecutorService pool = pool();
        List<Future<Integer>> pending = new ArrayList<>(items.size());
        try {
            for (T item : items) {
                pending.add(pool.submit(() -> {
                    Optional<A> a = assess.apply(item);
                    if (a.isEmpty()) {
                        return 0;
                    }
                    long started = System.nanoTime();
                    Integer raised = transactions.execute(tx -> record.apply(item, a.get()));
                    recording.addAndGet(System.nanoTime() - started);
                    return raised == null ? 0 : raised;
                }));
            }
            int raised = 0;
            for (Future<Integer> f : pending) {
                raised += result(f);
            }
            return raised;
        } finally {
            // what a failure or an interruption left undone is not started (a task already running finishes its transaction)
            pending.forEach(f -> f.cancel(false));
        }
    }

    /**
     * The threads re-screenings assess and record on, one per core, made on first use and kept. A pool made for each
     * re-screening started new threads every list version, and each new thread made again what a thread keeps for
     * screening (its transliterators, a few milliseconds each: {@code Latinizer}). Only re-screenings submit to it, and none
     * from its own threads, so a re-screening never waits on a task queued behind its own.
     */
    private volatile ExecutorService pool;

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    pool = p = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                            Thread.ofPlatform().name("rescreen-", 1).daemon().factory());
                }
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    /**
     * Brings the engagements' normalised names up to date now (they are otherwise normalised by the
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
        ScreeningSnapshot lists = screening.snapshot();
        // the change's index (and its words finding the engagements' names) is built on the pool while this thread
        // reads what the database holds: the one is work for the cores, the other mostly waits for pages
        Future<ChangeScreener> building = pool().submit(() -> lists.changeScreener(version, screenAgainst, subjects.words()));
        Set<String> liveIds = engagements.liveIds();
        long prepared = System.nanoTime();

        // the engagements whose counted hits rest on entries the version removed, delisted or changed
        Set<String> gone = new HashSet<>(change.removedIds());
        Set<String> reread = new HashSet<>(); // changed in what an assessment reads besides names: a parent, a category
        List<String> concerned = new ArrayList<>(change.removedIds());
        for (StoredEntry c : change.changed()) {
            concerned.add(c.entry().sourceId());
            if (!c.entry().inForceOn(asOf)) {
                gone.add(c.entry().sourceId());
            } else if (change.readsChanged(c)) {
                reread.add(c.entry().sourceId());
            }
        }
        Map<String, Set<String>> countedOnChange = new TreeMap<>(assessments.hitsOn(version.listKey(), concerned));
        countedOnChange.keySet().retainAll(liveIds);
        ChangeScreener screener = result(building);
        long lookedUp = System.nanoTime();

        // what the change matches now: for each engagement, the entries added or changed that one of its names hits.
        // Every live engagement's names are screened against every name of the change's entries, as screening screens
        // them (the engagement's name as the query): a changed entry's names that stayed as they were too, since whether
        // the whole lists give a hit on them can move with the entry's new content (where dozens of listed names tie,
        // which of them the whole index keeps) and with the word weights the version moved
        Map<String, Set<String>> matched = new ConcurrentHashMap<>();
        // and which of the change's entries each name matched, to confirm by that name alone what an engagement's names gave
        Map<SubjectIndex.Subject, Set<String>> matchedBy = new ConcurrentHashMap<>();
        Set<String> parentsGained = new TreeSet<>();
        int candidates = 0;
        if (screener.entries() > 0) {
            List<SubjectIndex.Prepared> names = subjects.all().stream()
                    .filter(s -> subjects.engagementsOf(s.subject()).stream().anyMatch(liveIds::contains)).toList();
            // a name the version gained may be a parent the lists name for entries engagements match: reached through ownership
            List<String> gained = new ArrayList<>();
            change.added().forEach(a -> gained.addAll(a.entry().allNames()));
            change.changed().forEach(c -> gained.addAll(change.namesToScreen(c)));
            Map<String, List<String>> children = new TreeMap<>();
            for (edu.scrutiny.lists.ListEntry child : lists.childrenOf(gained)) {
                children.computeIfAbsent(child.list(), k -> new ArrayList<>()).add(child.sourceId());
            }
            children.forEach((list, ids) -> assessments.hitsOn(list, ids).keySet().stream().filter(liveIds::contains).forEach(id -> {
                log.debug("{}: counts a hit on a listed child ({} {}) of a name the version gained", id, list, ids);
                parentsGained.add(id);
            }));
            candidates = names.size();
            // each name once, on every core
            names.parallelStream().forEach(s -> {
                List<Hit> hits = screener.screen(s.name(), s.subject().country(), asOf);
                if (!hits.isEmpty()) {
                    Set<String> entries = new HashSet<>();
                    hits.forEach(h -> entries.add(h.sourceId()));
                    matchedBy.put(s.subject(), entries);
                    for (String id : subjects.engagementsOf(s.subject())) {
                        if (liveIds.contains(id)) {
                            matched.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).addAll(entries);
                        }
                    }
                }
            });
        }
        long screenedChange = System.nanoTime();

        // assessed in full: an engagement whose counted hit is on an entry removed or now delisted, one whose counted
        // hit is on a changed entry its names no longer match directly (the hit may close; ownership may hold it), one
        // whose counted hit is on an entry that changed in what an assessment reads besides its names (a new parent may
        // be listed, a new category weighs differently), and one whose counted hit is on an entry that names as its
        // owner a name the version gained (a parent now listed)
        Set<String> affected = new TreeSet<>(parentsGained);
        // and, unless the whole lists settle it first, one the change gives a hit it did not count (new, or no longer
        // cleared): the change's small index applies no candidate cut, so it finds hits the whole lists may not give.
        // Screening the names that matched against the whole lists, as assessing screens them, settles whether they
        // do; only if one does is the engagement assessed in full. Of the 73-105 engagements a version of the rescreen
        // benchmark gave such a hit, 14-18 did not move, each assessed in full to find that out (stop 35)
        Map<String, Set<String>> counted = assessments.hitsOfEngagements(version.listKey(), matched.keySet());
        Map<String, Set<String>> fresh = new TreeMap<>();
        matched.forEach((id, entries) -> {
            Set<String> notCounted = new TreeSet<>(entries);
            notCounted.removeAll(counted.getOrDefault(id, Set.of()));
            if (!notCounted.isEmpty()) {
                fresh.put(id, notCounted);
            }
        });
        // and one whose counted hit is on a changed entry that its names still match in the change: whether the whole
        // lists still give that hit depends on more than the entry (where dozens of names match a name, which of them
        // the whole index's candidate cut keeps), so the whole lists settle it. Where every such hit is one a party's
        // own name gives, screening that name against the whole lists, as assessing screens it, settles it (confirmed);
        // only if a hit is not given again is the engagement assessed in full. Of the 19-35 engagements a version of the
        // rescreen benchmark left so, 0-5 moved, each re-assessed in full to find that out (stop 35)
        Map<String, Set<String>> toConfirm = new HashMap<>();
        countedOnChange.forEach((id, entries) -> {
            Set<String> still = matched.getOrDefault(id, Set.of());
            if (entries.stream().anyMatch(e -> gone.contains(e) || reread.contains(e) || !still.contains(e))) {
                affected.add(id);
                if (log.isDebugEnabled()) {
                    log.debug("{}: counts hits on {}, of which the change removed or delisted {}, changed in more than names {}, "
                                    + "and its names still match {}", id, entries, entries.stream().filter(gone::contains).toList(),
                            entries.stream().filter(reread::contains).toList(), still);
                }
            } else {
                toConfirm.put(id, entries);
            }
        });
        Set<String> selected = new TreeSet<>(affected);
        selected.addAll(fresh.keySet());
        selected.addAll(toConfirm.keySet());
        List<String> selection = new ArrayList<>(selected);
        long selectedAt = System.nanoTime();

        // assessing is the cost, on every core; recording (alerts, cases, audit) overlaps it, one transaction each.
        // An assessment that finds the engagement's hits and tier as they were is not recorded: the change did not move it
        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicLong recording = new AtomicLong();
        // a name's screening against the whole lists, made once in this delta: by the confirmations below, and by the
        // assessment in full that follows where one does not settle it (which screens the same names)
        NameScreenings whole = NameScreenings.remembering(lists, asOf);
        int raised = assessThenRecord(selection, recording,
                id -> engagements.find(id).flatMap(e -> {
                    Optional<RecordedAssessment> before = assessments.latest(id);
                    Set<String> notCounted = fresh.get(id);
                    Set<String> confirm = toConfirm.get(id);
                    if (!affected.contains(id) && before.isPresent()
                            && (notCounted == null || !anyGiven(e.engagement(), version.listKey(), notCounted, matchedBy, whole))
                            && (confirm == null || stillGiven(e.engagement(), before.get().assessment(), version.listKey(), confirm, whole))) {
                        confirmed.incrementAndGet();
                        return Optional.empty();
                    }
                    Assessment a = assessor.reassess(e.engagement(), whole);
                    return before.map(b -> moved(b.assessment(), a)).orElse(true) ? Optional.of(new Reassessed(a, before)) : Optional.empty();
                }),
                (id, a) -> {
                    recorded.incrementAndGet();
                    return record(id, a, version);
                });
        log.info("{} version {}: preparing {} ms; looking up the hits counted on the change, and the change's index built meanwhile, {} ms; screening {} candidate names "
                        + "against {} entries {} ms; selecting {} engagements {} ms; assessing them (but the {} whose hits the whole lists settled "
                        + "by their names alone) and recording the {} whose hits or tier moved {} ms (recording {} ms of it, summed over the threads)",
                version.listKey(), versionId, ms(prepared - started), ms(lookedUp - prepared), candidates, screener.entries(), ms(screenedChange - lookedUp),
                selection.size(), ms(selectedAt - screenedChange), confirmed.get(), recorded.get(), ms(System.nanoTime() - selectedAt), ms(recording.get()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        RescreenSummary summary = new RescreenSummary(versionId, asOf, change.added().size(), change.removedIds().size(),
                change.changed().size(), liveIds.size(), recorded.get(), raised, millis);
        log.info("{} version {}: {}", version.listKey(), versionId, summary.line());
        return record(summary);
    }

    /**
     * Whether screening the engagement's parties' own names against the whole lists, as assessing screens them, still
     * gives every hit its assessment counts on these entries of the list. False where a hit counted on one of them came
     * otherwise (through ownership, a ROR name, or a name two parties share): assessing in full settles those.
     */
    static boolean stillGiven(Engagement engagement, Assessment before, String list, Set<String> entries, NameScreenings whole) {
        for (String sourceId : entries) {
            List<AssessedHit> counted = before.hits().stream()
                    .filter(h -> h.list().equals(list) && h.sourceId().equals(sourceId)).toList();
            if (counted.isEmpty()) {
                return false;
            }
            for (AssessedHit h : counted) {
                List<Engagement.Party> named = engagement.parties().stream().filter(p -> p.name().equals(h.party())).toList();
                if (h.via() != null || !h.party().equals(h.screenedName()) || named.size() != 1) {
                    return false;
                }
                Engagement.Party party = named.getFirst();
                List<Hit> hits = whole.screen(party.name(), party.kind() == Engagement.Kind.PERSON, party.country());
                if (hits.stream().noneMatch(x -> x.list().equals(list) && x.sourceId().equals(sourceId)
                        && java.util.Objects.equals(x.category(), h.category()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the whole lists could give the engagement a hit on one of these entries of the list, which the change
     * matched and its latest assessment does not count: true where a name of the engagement that matched one of them
     * in the change, screened against the whole lists as assessing screens it (a party's, an owner's or a controller's
     * name alike), gives one of them, or where the change matched one through no name the engagement now holds.
     * False only where no such name's screening gives any of them: no hit an assessment reads from those names can
     * then be on them, and the engagement need not be assessed in full.
     *
     * @param matchedBy the entries each name matched in the change
     */
    static boolean anyGiven(Engagement engagement, String list, Set<String> entries,
                            Map<SubjectIndex.Subject, Set<String>> matchedBy, NameScreenings whole) {
        Set<String> accounted = new HashSet<>();
        for (SubjectIndex.Subject s : new java.util.LinkedHashSet<>(SubjectIndex.subjects(engagement))) {
            Set<String> matchedHere = new HashSet<>(matchedBy.getOrDefault(s, Set.of()));
            matchedHere.retainAll(entries);
            if (matchedHere.isEmpty()) {
                continue;
            }
            accounted.addAll(matchedHere);
            if (whole.screen(s.name(), s.person(), s.country()).stream().anyMatch(h -> h.list().equals(list) && entries.contains(h.sourceId()))) {
                return true;
            }
        }
        return !accounted.containsAll(entries);
    }

    /** What a task on the pool gave, its failure thrown as it was. */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-screening interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /**
     * A new assessment of an engagement, with the latest recorded one as it was read before assessing: recording
     * reads it again only if another has been recorded since (assessments are never changed once recorded), where a
     * delta read every recorded engagement's latest assessment twice, its document parsed each time.
     */
    private record Reassessed(Assessment now, Optional<RecordedAssessment> before) {
    }

    /** Records a re-assessment, reading the latest assessment again only if it is no longer the one read before. */
    private int record(String id, Reassessed a, StoredListVersion version) {
        OptionalLong latest = assessments.latestId(id);
        boolean same = a.before().map(b -> latest.isPresent() && latest.getAsLong() == b.id()).orElse(latest.isEmpty());
        return record(id, a.now(), cause(version), same ? a.before() : assessments.latest(id));
    }

    private static Cause cause(StoredListVersion version) {
        return new Cause(version.listKey(),
                "in version " + version.id() + " effective " + version.effectiveFrom(),
                "removed or delisted in version " + version.id() + " effective " + version.effectiveFrom(),
                version.listKey() + " version " + version.id());
    }

    /**
     * What made a re-assessment, in the words its alerts use.
     *
     * @param list   the list key alerts about the tier carry
     * @param added  how a new hit came, e.g. "in version 7 effective 2024-06-01"
     * @param closed how a hit went, e.g. "removed or delisted in version 7 ..."
     * @param after  what the tier changed after, e.g. "us_bis_entity_list version 7"
     */
    record Cause(String list, String added, String closed, String after) {
    }

    /**
     * Records a new assessment after something other than a list changed (a ROR dump bridging other
     * names), with the same alerts as after a list import.
     *
     * @param source what changed, for the alerts' list column (e.g. {@code ror})
     * @param cause  what changed, in words, e.g. {@code ROR version 2}
     */
    int recordAfter(String id, Assessment assessment, String source, String cause) {
        return record(id, assessment, new Cause(source, "after " + cause, "after " + cause, cause));
    }

    /** Records a new assessment of an engagement and raises the alerts its change of hits and tier calls for. */
    int record(String id, Assessment assessment, Cause cause) {
        return record(id, assessment, cause, assessments.latest(id));
    }

    /** As above, {@code before} being the engagement's latest assessment as read in this transaction. */
    private int record(String id, Assessment assessment, Cause cause, Optional<RecordedAssessment> before) {
        RecordedAssessment after = assessments.record(id, assessment, "system", before);
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
                                + ", score " + hit.score() + ") " + cause.added()
                                + (hit.via() == null ? "" : ", through ownership: " + hit.via()), null)).isPresent() ? 1 : 0;
            }
        }
        for (Map.Entry<String, AssessedHit> h : old.entrySet()) {
            if (!now.containsKey(h.getKey())) {
                AssessedHit hit = h.getValue();
                raised += alerts.raise(new Alerts.Raise(AlertKind.HIT_CLOSED, id, hit.list(), hit.sourceId(), hit.entityName(),
                        hit.party() + " no longer matches " + hit.entityName() + " on " + hit.list() + ": " + cause.closed()
                                + "; tier now " + after.assessment().tier(), null)).isPresent() ? 1 : 0;
            }
        }
        if (before.isPresent() && before.get().assessment().tier() != after.assessment().tier()) {
            raised += alerts.raise(new Alerts.Raise(AlertKind.TIER_CHANGED, id, cause.list(), null, null,
                    "tier " + before.get().assessment().tier() + " -> " + after.assessment().tier() + " after " + cause.after(), null))
                    .isPresent() ? 1 : 0;
        }
        if (newHit) {
            StoredEngagement e = engagements.find(id).orElseThrow();
            if (e.status() != EngagementStatus.IN_REVIEW) {
                engagements.changeStatus(id, EngagementStatus.IN_REVIEW, "system");
            }
        }
        return raised;
    }

    /**
     * Whether a new assessment differs from the one before in what monitoring tells of: its tier, its
     * hits, or what a hit is (its category, the ownership it counts through). A score that moved a
     * little, or a hit now read from the new version of an entry, is not worth a new record.
     */
    static boolean moved(Assessment before, Assessment now) {
        if (before.tier() != now.tier()) {
            return true;
        }
        Map<String, AssessedHit> old = byKey(before.hits());
        Map<String, AssessedHit> hits = byKey(now.hits());
        if (!old.keySet().equals(hits.keySet())) {
            return true;
        }
        for (Map.Entry<String, AssessedHit> h : hits.entrySet()) {
            AssessedHit was = old.get(h.getKey());
            AssessedHit is = h.getValue();
            if (!java.util.Objects.equals(was.category(), is.category()) || !java.util.Objects.equals(was.via(), is.via())
                    || !java.util.Objects.equals(was.ownershipShare(), is.ownershipShare())) {
                return true;
            }
        }
        return false;
    }

    static Map<String, AssessedHit> byKey(List<AssessedHit> hits) {
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
