package edu.scrutiny.app.review;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An analyst adjudicates a hit of the case's engagement as a true match or a false positive, with a
 * reason. A false positive on a hit of a {@code sanctions} list counts only once a second, different
 * analyst confirms it. A false positive that counts is remembered by screening ({@link
 * HitClearances}: not raised again for that party and entry unless either changes), and the
 * engagement is re-assessed without it.
 */
@Service
public class AdjudicateHit {

    private final CaseAccess access;
    private final CaseStore store;
    private final AssignCase assignment;
    private final Engagements engagements;
    private final Assessments assessments;
    private final Screening screening;
    private final HitClearances clearances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdjudicateHit(CaseAccess access, CaseStore store, AssignCase assignment, Engagements engagements, Assessments assessments, Screening screening,
                  HitClearances clearances, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.assignment = assignment;
        this.engagements = engagements;
        this.assessments = assessments;
        this.screening = screening;
        this.clearances = clearances;
        this.events = events;
        this.clock = clock;
    }

    /** A hit named by the party it counts against, its list and the entry's id in the list. */
    public record HitRef(String party, String list, String sourceId) {
    }

    /** The adjudication recorded, and whether the hit is now cleared (no longer counts). */
    public record Result(CaseRecords.Adjudication adjudication, boolean cleared) {
    }

    @Transactional
    public Result adjudicate(long caseId, HitRef ref, Verdict verdict, String reason, Actor actor) {
        ReviewCase c = access.lockVisible(caseId, actor);
        if (!actor.has(Role.ANALYST)) {
            throw new NotPermitted("hits are adjudicated by analysts");
        }
        if (!c.status().isOpen()) {
            throw new Conflict("case " + caseId + " is " + c.status().name().toLowerCase(java.util.Locale.ROOT) + ": its hits are no longer adjudicated");
        }
        if (verdict == null) {
            throw new InvalidInput("case " + caseId, "verdict", "is required: true_match or false_positive");
        }
        String why = CaseAccess.required(reason, "reason", caseId);
        if (ref == null || ref.party() == null || ref.list() == null || ref.sourceId() == null) {
            throw new InvalidInput("case " + caseId, "hit", "name the hit by party, list and source_id");
        }
        RecordedAssessment latest = assessments.latest(c.engagementId()).orElseThrow();
        AssessedHit hit = latest.assessment().hits().stream()
                .filter(h -> h.party().equals(ref.party()) && h.list().equals(ref.list()) && h.sourceId().equals(ref.sourceId()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("case " + caseId, "hit", "the engagement's latest assessment counts no hit of "
                        + ref.party() + " on " + ref.list() + " #" + ref.sourceId()));

        Long confirms = null;
        boolean cleared = false;
        if (verdict == Verdict.FALSE_POSITIVE) {
            FourEyes.Outcome rule = FourEyes.falsePositive(hit.category(), judgments(caseId, ref), actor.username());
            confirms = rule.confirms();
            cleared = rule.cleared();
        }
        CaseRecords.Adjudication a = store.insertAdjudication(caseId, ref.party(), ref.list(), ref.sourceId(), hit.category(), verdict, why,
                actor.username(), clock.instant(), confirms);
        events.publishEvent(new ReviewEvent.HitAdjudicated(caseId, c.engagementId(), a, cleared, actor.username()));
        assignment.onAction(c, actor);
        if (cleared) {
            String clearance = confirms == null ? why
                    : store.adjudications(caseId).stream().filter(x -> x.id() == a.confirms()).findFirst().orElseThrow().reason()
                    + " (confirmed by " + actor.username() + ": " + why + ")";
            clearances.clear(raw(c.engagementId(), hit, latest), clearance, actor.username());
            assessments.assessAndRecord(c.engagementId(), null, actor.username());
        }
        return new Result(a, cleared);
    }

    /** The hit's earlier adjudications on this case, oldest first, as the two-analyst rule reads them. */
    private List<FourEyes.Judgment> judgments(long caseId, HitRef ref) {
        return store.adjudications(caseId).stream()
                .filter(a -> a.sameHit(ref.party(), ref.list(), ref.sourceId()))
                .map(a -> new FourEyes.Judgment(a.id(), a.verdict() == Verdict.FALSE_POSITIVE, a.confirms(), a.adjudicatedBy()))
                .toList();
    }

    /** The screening hit behind an assessed one (screening remembers clearances by the entry's content). */
    private Hit raw(String engagementId, AssessedHit hit, RecordedAssessment assessment) {
        Engagement e = engagements.find(engagementId).orElseThrow().engagement();
        ScreeningSnapshot snapshot = screening.snapshot();
        List<Object[]> tries = new ArrayList<>();
        for (Engagement.Party p : e.parties()) {
            if (p.name().equals(hit.screenedName())) {
                tries.add(new Object[] {p.kind() == Engagement.Kind.PERSON, p.country()});
            }
            for (Engagement.Owner o : p.owners()) {
                if (o.name().equals(hit.screenedName())) {
                    tries.add(new Object[] {false, o.country()});
                }
            }
        }
        tries.add(new Object[] {false, null});
        tries.add(new Object[] {true, null});
        for (Object[] t : tries) {
            for (Hit h : snapshot.screen(hit.screenedName(), (Boolean) t[0], (String) t[1], assessment.assessment().asOf())) {
                if (h.list().equals(hit.list()) && h.sourceId().equals(hit.sourceId())) {
                    return h;
                }
            }
        }
        throw new Conflict("the entry " + hit.list() + " #" + hit.sourceId() + " no longer matches " + hit.screenedName()
                + " as of " + assessment.assessment().asOf() + ": re-assess the engagement");
    }
}
