package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Recommends (approve, approve with conditions, decline, defer, with a rationale) and passes the
 * case to the next stage of its route: by one who acts in the current stage, not the submitter.
 * The last stage decides instead.
 */
@Service
public class Recommend {
    private final CaseAccess access;
    private final CaseStore store;
    private final AssignCase assignment;
    private final CaseRouting routing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Recommend(CaseAccess access, CaseStore store, AssignCase assignment, CaseRouting routing, ApplicationEventPublisher events,
              Clock clock) {
        this.access = access;
        this.store = store;
        this.assignment = assignment;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseRecords.RecommendationMade recommend(long caseId, Recommendation recommendation, String rationale, Actor actor) {
        ReviewCase c = access.lockForStageWork(caseId, actor, "recommend");
        if (CaseAccess.isSubmitter(c, actor)) {
            throw new NotPermitted("nobody reviews an engagement they submitted");
        }
        if (recommendation == null) {
            throw new InvalidInput("case " + caseId, "recommendation", "is required: approve, approve_with_conditions, decline or defer");
        }
        String why = CaseAccess.required(rationale, "rationale", caseId);
        Stage next = c.nextStage();
        if (next == null) {
            throw new Conflict("case " + caseId + " is in its last stage, " + c.stage().key() + ": decide it");
        }
        Instant now = clock.instant();
        CaseRecords.RecommendationMade made = store.insertRecommendation(caseId, c.stage(), recommendation, why, actor.username(), now);
        store.moveTo(caseId, next, now, routing.dueFor(c, next, now));
        events.publishEvent(new ReviewEvent.CaseRecommended(caseId, c.engagementId(), made, next, actor.username()));
        assignment.onAction(c, actor);
        return made;
    }
}
