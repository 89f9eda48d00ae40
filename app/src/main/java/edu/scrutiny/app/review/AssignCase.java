package edu.scrutiny.app.review;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.UserAccount;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is responsible for a case: its analyst, whom monitoring's alerts on the engagement reach. An
 * analyst takes a case, or an analyst or administrator assigns it to a user who holds the analyst
 * role; and the first analyst to act on an unassigned case (adjudicate, request information,
 * attach a condition, recommend, decide) becomes its analyst. A case in any state may change hands:
 * a decided case's analyst is still who hears of its engagement's alerts.
 */
@Service
public class AssignCase {
    static final String TAKEN = "taken", ASSIGNED = "assigned", FIRST_ACTION = "first_action";

    private final CaseAccess access;
    private final CaseStore store;
    private final Users users;
    private final ApplicationEventPublisher events;

    AssignCase(CaseAccess access, CaseStore store, Users users, ApplicationEventPublisher events) {
        this.access = access;
        this.store = store;
        this.users = users;
        this.events = events;
    }

    /**
     * Makes {@code analyst} the case's analyst; null or blank: the actor takes it.
     *
     * @return the case as it now is
     */
    @Transactional
    public ReviewCase assign(long caseId, String analyst, Actor actor) {
        ReviewCase c = access.lockVisible(caseId, actor);
        if (!actor.hasAny(Role.ANALYST, Role.ADMINISTRATOR)) {
            throw new NotPermitted("a case is taken by an analyst, or assigned by an analyst or administrator");
        }
        boolean take = analyst == null || analyst.isBlank();
        String who;
        if (take) {
            if (!actor.has(Role.ANALYST)) {
                throw new InvalidInput("case " + caseId, "analyst", "is required: name the analyst to assign the case to ("
                        + actor.username() + " does not hold the analyst role, so cannot take it)");
            }
            who = actor.username();
        } else {
            who = analyst.strip();
            UserAccount user = users.find(who).orElseThrow(() -> new InvalidInput("case " + caseId, "analyst", "no user " + who));
            if (!user.enabled()) {
                throw new InvalidInput("case " + caseId, "analyst", "user " + who + " is disabled");
            }
            if (!user.roles().contains(Role.ANALYST)) {
                throw new InvalidInput("case " + caseId, "analyst", "user " + who + " does not hold the analyst role");
            }
        }
        if (who.equals(c.analyst())) {
            return c;
        }
        store.assign(caseId, who);
        events.publishEvent(new ReviewEvent.AnalystAssigned(caseId, c.engagementId(), who, c.analyst(),
                take || who.equals(actor.username()) ? TAKEN : ASSIGNED, actor.username()));
        return store.find(caseId).orElseThrow();
    }

    /**
     * After an action on a case (in its transaction, the case locked): the actor becomes the case's
     * analyst if it has none and they hold the analyst role.
     */
    void onAction(ReviewCase c, Actor actor) {
        if (c.analyst() == null && actor.has(Role.ANALYST) && store.assignIfUnassigned(c.id(), actor.username())) {
            events.publishEvent(new ReviewEvent.AnalystAssigned(c.id(), c.engagementId(), actor.username(), null, FIRST_ACTION,
                    actor.username()));
        }
    }
}
