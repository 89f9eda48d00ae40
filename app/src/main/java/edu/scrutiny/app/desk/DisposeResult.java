package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.review.FourEyes;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a disposition on one result of a logged screening. {@code FALSE_POSITIVE} is an
 * analyst's, under the two-analyst rule of case adjudication ({@link FourEyes}); once it counts,
 * the clearance is remembered by screening ({@link HitClearances}), as a case's is, so that the
 * same party and entry are not raised again anywhere. {@code NEEDS_REVIEW} keeps the screening
 * open; any later disposition of that result closes it again.
 */
@Service
public class DisposeResult {
    private final DeskStore store;
    private final HitClearances clearances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisposeResult(DeskStore store, HitClearances clearances, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.clearances = clearances;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ScreeningDisposed dispose(long screeningId, String list, String sourceId, Verdict verdict, String reason, Actor actor) {
        ScreeningLog.requireScreener(actor);
        String source = "screening " + screeningId;
        if (!store.lock(screeningId)) {
            throw new NotFound(source);
        }
        List<InvalidInput.Problem> problems = new ArrayList<>();
        if (list == null || list.isBlank()) {
            problems.add(new InvalidInput.Problem("list", "is required: the result's list key"));
        }
        if (sourceId == null || sourceId.isBlank()) {
            problems.add(new InvalidInput.Problem("source_id", "is required: the result's id in its list"));
        }
        if (verdict == null) {
            problems.add(new InvalidInput.Problem("verdict", "is required: TRUE_MATCH, FALSE_POSITIVE or NEEDS_REVIEW"));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null && verdict != Verdict.NEEDS_REVIEW) {
            problems.add(new InvalidInput.Problem("reason", "is required: say why"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
        LoggedScreening s = store.find(screeningId).orElseThrow();
        LoggedResult result = s.result(list, sourceId).orElseThrow(() -> new InvalidInput(source, "source_id",
                "the screening found no result " + list + " #" + sourceId));
        Long confirms = null;
        boolean cleared = false;
        if (verdict == Verdict.FALSE_POSITIVE) {
            if (!actor.has(Role.ANALYST)) {
                throw new NotPermitted("results are cleared as false positives by analysts");
            }
            List<FourEyes.Judgment> earlier = ResultStates.on(s.dispositions(), list, sourceId).stream()
                    .map(d -> new FourEyes.Judgment(d.id(), d.verdict() == Verdict.FALSE_POSITIVE, d.confirms(), d.disposedBy()))
                    .toList();
            FourEyes.Outcome rule = FourEyes.falsePositive(result.category(), earlier, actor.username());
            confirms = rule.confirms();
            cleared = rule.cleared();
        }
        Instant now = clock.instant();
        long id = store.insertDisposition(screeningId, list, sourceId, verdict, why, actor.username(), now, confirms);
        if (cleared) {
            Long firstId = confirms;
            // a confirmed clearance keeps the first analyst's reason and the second's, as a case's does
            String first = firstId == null ? why : s.dispositions().stream().filter(d -> d.id() == firstId).findFirst()
                    .map(Disposition::reason).orElse("") + " (confirmed by " + actor.username() + ": " + why + ")";
            clearances.clear(new Hit(s.query().name(), list, result.category(), sourceId, result.entityName(), result.matchedName(),
                    result.score(), result.listedOn(), result.delistedOn(), result.programs(), result.explanation(), result.versionId(),
                    result.contentSha(), null), first, actor.username());
        }
        LoggedScreening after = store.find(screeningId).orElseThrow();
        store.updateState(screeningId, ResultStates.outcome(after.results()), ResultStates.open(after.results()));
        Disposition d = after.dispositions().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        ScreeningDisposed disposed = new ScreeningDisposed(d, cleared, ResultStates.outcome(after.results()), ResultStates.open(after.results()));
        events.publishEvent(disposed);
        return disposed;
    }
}
