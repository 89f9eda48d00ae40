package edu.scrutiny.app.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading cases: one case with everything on it, an engagement's cases. What a reader sees depends on who they are. */
@Service
public class Cases {
    private final CaseStore store;
    private final CaseAccess access;
    private final Engagements engagements;
    private final Assessments assessments;
    private final List<CaseTimeline> timelines;

    Cases(CaseStore store, CaseAccess access, Engagements engagements, Assessments assessments, List<CaseTimeline> timelines) {
        this.store = store;
        this.access = access;
        this.engagements = engagements;
        this.assessments = assessments;
        this.timelines = timelines;
    }

    /**
     * A case with its engagement, assessment (hits and reasons), adjudications, information
     * requests, conditions, recommendations, decisions, and timeline; analysts' notes only for
     * those who may read them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(@JsonProperty("case") ReviewCase reviewCase,
                           String title,
                           @JsonProperty("engagement_status") String engagementStatus,
                           Assessment assessment,
                           List<CaseRecords.Adjudication> adjudications,
                           @JsonProperty("information_requests") List<CaseRecords.InformationRequest> informationRequests,
                           List<CaseRecords.Condition> conditions,
                           List<CaseRecords.RecommendationMade> recommendations,
                           List<CaseRecords.Decision> decisions,
                           List<CaseRecords.Note> notes,
                           List<CaseTimeline.Entry> timeline) {
    }

    /** A decision's date and outcome, without the case: what the dashboard counts. */
    public record DecisionMade(java.time.Instant decidedAt, String outcome) {
    }

    /** Every decision's date and outcome, oldest first (no case details: a count for the dashboard). */
    public List<DecisionMade> decisionsMade() {
        return store.decisionsMade();
    }

    public ReviewCase get(long id, Actor actor) {
        return access.visible(id, actor);
    }

    /**
     * The case as {@code actor} may see it. Staff see everything (notes only if they may read them);
     * a submitter sees what their page {@code /mine/{id}} shows and nothing more: the case's status,
     * stage and tier, the questions asked of them with the answers, the decisions and the conditions,
     * without who asked or decided. Never the assessment's hits and list evidence, the adjudications,
     * the recommendations, the notes, the timeline nor the case's analyst.
     */
    @Transactional(readOnly = true)
    public CaseView view(long id, Actor actor) {
        ReviewCase c = access.visible(id, actor);
        Optional<StoredEngagement> e = engagements.find(c.engagementId());
        if (!CaseAccess.staff(actor)) {
            return submitterView(c, e);
        }
        Assessment a = assessments.history(c.engagementId()).stream().filter(r -> r.id() == c.assessmentId())
                .map(RecordedAssessment::assessment).findFirst().orElse(null);
        boolean notes = CaseAccess.canReadNotes(actor);
        List<CaseTimeline.Entry> timeline = new ArrayList<>();
        for (CaseTimeline t : timelines) {
            for (CaseTimeline.Entry entry : t.of(c.id(), c.engagementId())) {
                if (notes || !entry.action().equals("case.note_added")) {
                    timeline.add(entry);
                }
            }
        }
        return new CaseView(c, e.map(x -> x.engagement().title()).orElse(null), e.map(x -> x.status().key()).orElse(null), a,
                store.adjudications(id), store.requests(id), store.conditions(id), store.recommendations(id), store.decisions(id),
                notes ? store.notes(id) : null, timeline);
    }

    private CaseView submitterView(ReviewCase c, Optional<StoredEngagement> e) {
        ReviewCase shown = new ReviewCase(c.id(), c.engagementId(), c.assessmentId(), c.tier(), c.route(), c.stage(), c.status(),
                c.submittedBy(), c.openedAt(), c.stageEnteredAt(), c.dueAt(), c.closedAt(), c.reopenedFrom(), null);
        List<CaseRecords.InformationRequest> requests = store.requests(c.id()).stream()
                .map(r -> new CaseRecords.InformationRequest(r.id(), r.caseId(), r.question(), null, r.askedAt(), r.answer(),
                        r.answeredBy(), r.answeredAt()))
                .toList();
        List<CaseRecords.Decision> decisions = store.decisions(c.id()).stream()
                .map(d -> new CaseRecords.Decision(d.id(), d.caseId(), d.stage(), d.outcome(), d.rationale(), d.cites(), d.reverses(),
                        null, d.decidedAt()))
                .toList();
        return new CaseView(shown, e.map(x -> x.engagement().title()).orElse(null), e.map(x -> x.status().key()).orElse(null), null,
                null, requests, store.conditions(c.id()), null, decisions, null, null);
    }

    /** The cases of an engagement the actor may see, oldest first. */
    public List<ReviewCase> forEngagement(String engagementId, Actor actor) {
        return store.forEngagement(engagementId).stream().filter(c -> CaseAccess.canSee(c, actor)).toList();
    }

    /** The engagement's latest case, whoever asks (for notifications and monitoring): no actor, no rules. */
    public Optional<ReviewCase> latestFor(String engagementId) {
        return store.latest(engagementId);
    }

    public List<CaseRecords.Decision> decisions(long id, Actor actor) {
        access.visible(id, actor);
        return store.decisions(id);
    }

    public List<CaseRecords.Adjudication> adjudications(long id, Actor actor) {
        access.visible(id, actor);
        return store.adjudications(id);
    }

    public List<CaseRecords.Condition> conditions(long id, Actor actor) {
        access.visible(id, actor);
        return store.conditions(id);
    }

    /** The analysts' internal notes: never for a submitter. */
    public List<CaseRecords.Note> notes(long id, Actor actor) {
        access.visible(id, actor);
        if (!CaseAccess.canReadNotes(actor)) {
            throw new NotPermitted("internal notes are for analysts, reviewers, administrators and auditors");
        }
        return store.notes(id);
    }
}
