package edu.scrutiny.app.review;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides a case: APPROVED, APPROVED_WITH_CONDITIONS (the case carries at least one condition),
 * DECLINED or DEFERRED (the case stays in its stage), always with a rationale. A reviewer decides in
 * the last stage of an ELEVATED case; an analyst declines a PROHIBITED case, citing the directive or
 * list entry (nothing else may be decided on it). Nobody decides a case whose engagement they
 * submitted. Decisions are never edited: a reversal is a new decision by a reviewer that names the
 * one it reverses. The engagement's status follows the decision.
 */
@Service
public class Decide {
    private final CaseAccess access;
    private final CaseStore store;
    private final AssignCase assignment;
    private final Engagements engagements;
    private final Assessments assessments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Decide(CaseAccess access, CaseStore store, AssignCase assignment, Engagements engagements, Assessments assessments,
           ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.assignment = assignment;
        this.engagements = engagements;
        this.assessments = assessments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param cites    for a PROHIBITED case: the directive id, or the list entry ({@code list#source_id}
     *                 or the entry's source_id), the decline rests on
     * @param reverses the id of the decision this one reverses, or null
     */
    @Transactional
    public CaseRecords.Decision decide(long caseId, Outcome outcome, String rationale, String cites, Long reverses, Actor actor) {
        ReviewCase c = access.lockVisible(caseId, actor);
        if (CaseAccess.isSubmitter(c, actor)) {
            throw new NotPermitted("nobody decides a case they submitted");
        }
        if (outcome == null) {
            throw new InvalidInput("case " + caseId, "outcome", "is required: approved, approved_with_conditions, declined or deferred");
        }
        String why = CaseAccess.required(rationale, "rationale", caseId);
        if (c.tier() == Tier.PROHIBITED && outcome != Outcome.DECLINED) {
            throw new InvalidInput("case " + caseId, "outcome", "a PROHIBITED case can only be declined");
        }
        if (outcome == Outcome.APPROVED_WITH_CONDITIONS && store.conditions(caseId).isEmpty()) {
            throw new InvalidInput("case " + caseId, "outcome", "approved_with_conditions needs at least one condition on the case: attach them first");
        }
        CaseRecords.Decision decision = reverses == null ? first(c, outcome, why, cites, actor) : reversal(c, outcome, why, reverses, actor);
        if (outcome != Outcome.DEFERRED) {
            store.setStatus(caseId, CaseStatus.DECIDED, clock.instant());
            engagements.changeStatus(c.engagementId(), outcome.engagementStatus(), actor.username());
        }
        events.publishEvent(new ReviewEvent.CaseDecided(caseId, c.engagementId(), decision, c.submittedBy(), actor.username()));
        assignment.onAction(c, actor);
        return decision;
    }

    private CaseRecords.Decision first(ReviewCase c, Outcome outcome, String why, String cites, Actor actor) {
        if (c.status() == CaseStatus.DECIDED) {
            throw new Conflict("case " + c.id() + " is decided already; decisions are never edited: a reversal names the decision it reverses");
        }
        if (c.status() == CaseStatus.AUTO_CLEARED) {
            throw new Conflict("case " + c.id() + " was cleared automatically (STANDARD)");
        }
        if (c.status() == CaseStatus.AWAITING_INFORMATION) {
            throw new Conflict("case " + c.id() + " is waiting for the submitter's answer");
        }
        if (!c.atFinalStage()) {
            throw new Conflict("case " + c.id() + " is in " + c.stage().key() + "; it is decided in " + c.route().getLast().key()
                    + ": recommend to pass it on");
        }
        CaseAccess.requireStageRole(c, actor, "decide");
        String cited = null;
        if (c.tier() == Tier.PROHIBITED) {
            cited = citation(c, cites);
        }
        return store.insertDecision(c.id(), c.stage(), outcome, why, cited, null, actor.username(), clock.instant());
    }

    private CaseRecords.Decision reversal(ReviewCase c, Outcome outcome, String why, long reverses, Actor actor) {
        List<CaseRecords.Decision> decisions = store.decisions(c.id());
        CaseRecords.Decision reversed = decisions.stream().filter(d -> d.id() == reverses).findFirst()
                .orElseThrow(() -> new NotFound("no decision " + reverses + " on case " + c.id()));
        if (!actor.has(Role.REVIEWER)) {
            throw new NotPermitted("a decision is reversed by a reviewer");
        }
        if (decisions.stream().anyMatch(d -> d.reverses() != null && d.reverses() == reverses)) {
            throw new Conflict("decision " + reverses + " is reversed already");
        }
        if (decisions.getLast().id() != reverses) {
            throw new Conflict("decision " + reverses + " is not the case's latest decision; reverse decision " + decisions.getLast().id());
        }
        if (outcome == Outcome.DEFERRED || outcome == reversed.outcome()) {
            throw new InvalidInput("case " + c.id(), "outcome", "a reversal approves, approves with conditions or declines, "
                    + "and differs from the decision it reverses (" + reversed.outcome().name().toLowerCase(Locale.ROOT) + ")");
        }
        return store.insertDecision(c.id(), reversed.stage(), outcome, why, null, reverses, actor.username(), clock.instant());
    }

    /** A PROHIBITED decline cites what prohibits it: a directive that applies, or a list entry hit. */
    private String citation(ReviewCase c, String cites) {
        Assessment a = assessments.latest(c.engagementId()).orElseThrow().assessment();
        List<String> valid = new ArrayList<>();
        a.directives().forEach(d -> valid.add(d.id()));
        for (AssessedHit h : a.hits()) {
            valid.add(h.list() + "#" + h.sourceId());
            valid.add(h.sourceId());
        }
        if (cites == null || cites.isBlank()) {
            throw new InvalidInput("case " + c.id(), "cites", "a PROHIBITED case is declined citing the directive or list entry: one of "
                    + String.join(", ", valid));
        }
        if (!valid.contains(cites.strip())) {
            throw new InvalidInput("case " + c.id(), "cites", "'" + cites + "' is not a directive or list entry of this case: one of "
                    + String.join(", ", valid));
        }
        return cites.strip();
    }
}
