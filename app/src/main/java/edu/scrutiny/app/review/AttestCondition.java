package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** The owner of a condition attests that it is met, once; in any state of the case (conditions outlive the decision). */
@Service
public class AttestCondition {
    private final CaseAccess access;
    private final CaseStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttestCondition(CaseAccess access, CaseStore store, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CaseRecords.Attestation attest(long caseId, long conditionId, String statement, Actor actor) {
        CaseRecords.Condition condition = store.condition(conditionId).filter(x -> x.caseId() == caseId)
                .orElseThrow(() -> new NotFound("no condition " + conditionId + " on case " + caseId));
        if (!condition.owner().equals(actor.username())) {
            // the owner may attest on a case they cannot otherwise see; to anyone else who cannot see it, the
            // condition does not exist (nothing about it, nor its owner, is told)
            if (store.find(caseId).filter(c -> CaseAccess.canSee(c, actor)).isEmpty()) {
                throw new NotFound("no condition " + conditionId + " on case " + caseId);
            }
            throw new NotPermitted("only the condition's owner, " + condition.owner() + ", attests it");
        }
        ReviewCase c = store.lock(caseId).orElseThrow(() -> new NotFound("no case " + caseId));
        String s = CaseAccess.required(statement, "statement", caseId);
        if (store.condition(conditionId).orElseThrow().attestation() != null) {
            throw new Conflict("condition " + conditionId + " is attested already");
        }
        CaseRecords.Attestation a = store.insertAttestation(conditionId, s, actor.username(), clock.instant());
        events.publishEvent(new ReviewEvent.ConditionAttested(caseId, c.engagementId(), a, actor.username()));
        return a;
    }
}
