package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import edu.scrutiny.matching.Thresholds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The desk module's API: screens a query and logs it, whichever door it came in by, and reads the
 * log. Screening and logging are one transaction: a screening that is not logged did not happen.
 */
@Service
public class ScreeningLog {
    /** Most results a screening keeps: as many as the engagement screening's. */
    public static final int LIMIT = 25;

    private final Screening screening;
    private final HitClearances clearances;
    private final DeskStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScreeningLog(Screening screening, HitClearances clearances, DeskStore store, ApplicationEventPublisher events, Clock clock) {
        this.screening = screening;
        this.clearances = clearances;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The list keys held, against which a query's {@code lists} are checked. */
    public Set<String> listKeys() {
        return screening.snapshot().listKeys();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Screens a query at the schema's calibrated threshold, logs it under the actor, and returns the entry. */
    @Transactional
    public LoggedScreening screen(DeskQuery q, Actor actor, Channel channel) {
        ScreeningSnapshot snapshot = screening.snapshot();
        return screen(q, actor, channel, snapshot, snapshot.screen(q.matcherQuery(), q.asOf(), q.lists(), LIMIT,
                Thresholds.defaultFor(q.schema())));
    }

    /**
     * Logs a screening whose hits the caller found on this snapshot (yente and reconciliation choose
     * their own limit and threshold). Checks the actor may screen.
     */
    @Transactional
    public LoggedScreening screen(DeskQuery q, Actor actor, Channel channel, ScreeningSnapshot snapshot, List<Hit> hits) {
        requireScreener(actor);
        List<LoggedScreening.UsedVersion> versions = new ArrayList<>();
        for (StoredListVersion v : snapshot.versionsInForce(q.asOf())) {
            if (q.lists() == null || q.lists().contains(v.listKey())) {
                versions.add(new LoggedScreening.UsedVersion(v.listKey(), v.id(), v.effectiveFrom(), v.sha256()));
            }
        }
        Instant now = clock.instant();
        List<ResultStates.Stored> stored = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            stored.add(new ResultStates.Stored(stored.size() + 1, h.list(), h.sourceId(), h.category(), h.entityName(), h.matchedName(),
                    h.score(), h.explanation(), h.programs(), h.listedOn(), h.delistedOn(), h.versionId(), h.contentSha(),
                    clearances.isCleared(h), null));
        }
        List<LoggedResult> results = ResultStates.results(stored, List.of());
        Outcome outcome = ResultStates.outcome(results);
        long id = store.insertScreening(actor.username(), now, channel, q, versions, hits.size(), outcome, false);
        for (int i = 0; i < hits.size(); i++) {
            store.insertResult(id, i + 1, hits.get(i), stored.get(i).clearedBefore());
        }
        LoggedScreening logged = new LoggedScreening(id, actor.username(), now, channel, q, versions, hits.size(), outcome, false,
                results, List.of());
        events.publishEvent(new ScreeningLogged(logged));
        return logged;
    }

    /** A logged screening with its results and dispositions. */
    @Transactional(readOnly = true)
    public LoggedScreening find(long id, Actor actor) {
        requireReader(actor);
        return store.find(id).orElseThrow(() -> new NotFound("screening " + id));
    }

    /** Summaries of the logged screenings that match, newest first. */
    @Transactional(readOnly = true)
    public List<LoggedScreening> search(LogSearch search, Actor actor) {
        requireReader(actor);
        return store.search(search);
    }

    /** Who ran a screening (for the notifications its alerts send), if it exists. */
    public java.util.Optional<String> runBy(long id) {
        return store.runBy(id);
    }

    static void requireScreener(Actor actor) {
        if (!actor.hasAny(Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR)) {
            throw new NotPermitted("names are screened at the desk by analysts, reviewers and the administrator");
        }
    }

    static void requireReader(Actor actor) {
        if (!actor.hasAny(Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw new NotPermitted("the screening log is read by analysts, reviewers, the administrator and auditors");
        }
    }
}
