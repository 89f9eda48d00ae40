package edu.scrutiny.app.reporting;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.support.NotPermitted;

/** Who may print reports: analysts, reviewers, the administrator and auditors (and the system); never submitters. */
final class PrintAccess {
    private PrintAccess() {
    }

    static void requireStaff(Actor actor, String what) {
        if (!actor.isSystem() && !actor.hasAny(Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw new NotPermitted(what + " are for analysts, reviewers, administrators and auditors");
        }
    }
}
