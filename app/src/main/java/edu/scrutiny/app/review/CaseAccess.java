package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.stereotype.Component;

/**
 * The rules every action shares: who may see a case (analysts, reviewers, administrators and
 * auditors see every case; a submitter only the cases of engagements they submitted; to anyone
 * else a case does not exist), and who may act on it in its stage.
 */
@Component
class CaseAccess {
    private final CaseStore store;

    CaseAccess(CaseStore store) {
        this.store = store;
    }

    static boolean staff(Actor actor) {
        return actor.hasAny(Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR, Role.AUDITOR);
    }

    static boolean canSee(ReviewCase c, Actor actor) {
        return staff(actor) || isSubmitter(c, actor);
    }

    static boolean isSubmitter(ReviewCase c, Actor actor) {
        return c.submittedBy() != null && c.submittedBy().equals(actor.username());
    }

    /** Who may read the analysts' internal notes: never a submitter (unless they also hold a staff role). */
    static boolean canReadNotes(Actor actor) {
        return actor.hasAny(Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR, Role.AUDITOR);
    }

    ReviewCase visible(long id, Actor actor) {
        ReviewCase c = store.find(id).orElseThrow(() -> new NotFound("no case " + id));
        if (!canSee(c, actor)) {
            throw new NotFound("no case " + id);
        }
        return c;
    }

    /** Locks the case for an action, after checking the actor may see it. */
    ReviewCase lockVisible(long id, Actor actor) {
        visible(id, actor);
        return store.lock(id).orElseThrow(() -> new NotFound("no case " + id));
    }

    /** Locks an open case (not waiting for information) whose current stage the actor acts in. */
    ReviewCase lockForStageWork(long id, Actor actor, String what) {
        ReviewCase c = lockVisible(id, actor);
        // the role first: someone who never acts in the stage (a submitter) learns nothing of the case's state
        if (c.stage() != null) {
            requireStageRole(c, actor, what);
        }
        if (c.status() == CaseStatus.AWAITING_INFORMATION) {
            throw new Conflict("case " + id + " is waiting for the submitter's answer: " + what + " once it returns to the queue");
        }
        if (!c.status().isOpen()) {
            throw new Conflict("case " + id + " is " + c.status().name().toLowerCase(java.util.Locale.ROOT) + ": no one may " + what + " on it any more");
        }
        return c;
    }

    static void requireStageRole(ReviewCase c, Actor actor, String what) {
        if (!actor.has(c.stage().role())) {
            throw new NotPermitted("case " + c.id() + " is in " + c.stage().key() + ": only a user with role "
                    + c.stage().role().key() + " may " + what + " there");
        }
    }

    /** The most a text written on a case (a note, a question, a rationale, a reason) may hold. */
    static final int MAX_TEXT = 20_000;

    static String required(String value, String field, long caseId) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("case " + caseId, field, "is required");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInput("case " + caseId, field, "is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }
}
