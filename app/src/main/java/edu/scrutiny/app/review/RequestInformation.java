package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.Conflict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Asks the submitter for information: by one who acts in the case's stage, on an open case. The case
 * waits (AWAITING_INFORMATION) until the submitter answers; the submitter is told.
 */
@Service
public class RequestInformation {
    private final CaseAccess access;
    private final CaseStore store;
    private final AssignCase assignment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestInformation(CaseAccess access, CaseStore store, AssignCase assignment, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.assignment = assignment;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseRecords.InformationRequest request(long caseId, String question, Actor actor) {
        ReviewCase c = access.lockForStageWork(caseId, actor, "request information");
        String q = CaseAccess.required(question, "question", caseId);
        if (c.submittedBy() == null) {
            throw new Conflict("case " + caseId + ": who submitted the engagement is not known, so there is no one to ask");
        }
        CaseRecords.InformationRequest r = store.insertRequest(caseId, q, actor.username(), clock.instant());
        store.setStatus(caseId, CaseStatus.AWAITING_INFORMATION, clock.instant());
        events.publishEvent(new ReviewEvent.InformationRequested(caseId, c.engagementId(), r, c.submittedBy(), actor.username()));
        assignment.onAction(c, actor);
        return r;
    }
}
