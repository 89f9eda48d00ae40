package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** The submitter answers a request for information; the case returns to its stage's queue. */
@Service
public class AnswerInformation {
    private final CaseAccess access;
    private final CaseStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerInformation(CaseAccess access, CaseStore store, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseRecords.InformationRequest answer(long caseId, String answer, Actor actor) {
        ReviewCase c = access.lockVisible(caseId, actor);
        if (!CaseAccess.isSubmitter(c, actor)) {
            throw new NotPermitted("only the submitter of the engagement, " + c.submittedBy() + ", answers its requests for information");
        }
        String text = CaseAccess.required(answer, "answer", caseId);
        if (c.status() != CaseStatus.AWAITING_INFORMATION) {
            throw new Conflict("case " + caseId + " is not waiting for information");
        }
        CaseRecords.InformationRequest pending = store.pendingRequest(caseId)
                .orElseThrow(() -> new Conflict("case " + caseId + " has no question waiting for an answer"));
        CaseRecords.InformationRequest answered = store.answer(pending.id(), text, actor.username(), clock.instant());
        store.setStatus(caseId, CaseStatus.OPEN, clock.instant());
        events.publishEvent(new ReviewEvent.InformationAnswered(caseId, c.engagementId(), answered, actor.username()));
        return answered;
    }
}
