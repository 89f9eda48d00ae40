package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/** Attaches a condition from the mitigation library, with an owner (who attests later) and a due date: by one who acts in the case's stage. */
@Service
public class AttachCondition {
    private final CaseAccess access;
    private final CaseStore store;
    private final AssignCase assignment;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttachCondition(CaseAccess access, CaseStore store, AssignCase assignment, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.assignment = assignment;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseRecords.Condition attach(long caseId, Mitigation kind, String detail, String owner, LocalDate dueOn, Actor actor) {
        ReviewCase c = access.lockForStageWork(caseId, actor, "attach conditions");
        if (kind == null) {
            throw new InvalidInput("case " + caseId, "kind", "is required: one of technology_control_plan, data_access_limits, ip_terms, "
                    + "publication_rights, no_on_site_access, travel_briefing, training");
        }
        String d = CaseAccess.required(detail, "detail", caseId);
        String o = CaseAccess.required(owner, "owner", caseId);
        if (dueOn == null) {
            throw new InvalidInput("case " + caseId, "due_on", "is required: the date by which the owner attests");
        }
        if (dueOn.isBefore(LocalDate.now(clock))) {
            throw new InvalidInput("case " + caseId, "due_on", "must not be in the past");
        }
        CaseRecords.Condition condition = store.insertCondition(caseId, kind, d, o, dueOn, actor.username(), clock.instant());
        events.publishEvent(new ReviewEvent.ConditionAttached(caseId, c.engagementId(), condition, actor.username()));
        assignment.onAction(c, actor);
        return condition;
    }
}
