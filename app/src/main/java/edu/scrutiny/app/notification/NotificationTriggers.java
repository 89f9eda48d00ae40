package edu.scrutiny.app.notification;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.AlertRaised;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.ReviewCase;
import edu.scrutiny.app.review.ReviewEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** Who is told what, on which event. */
@Component
class NotificationTriggers {
    private final Notifications notifications;
    private final Cases cases;

    NotificationTriggers(Notifications notifications, Cases cases) {
        this.notifications = notifications;
        this.cases = cases;
    }

    private static String link(long caseId) {
        return "/api/cases/" + caseId;
    }

    /** A new case: the analysts. */
    @EventListener
    void on(ReviewEvent.CaseOpened e) {
        notifications.tellRole(Role.ANALYST, "New case " + e.caseId() + " (" + e.tier() + "): engagement " + e.engagementId(),
                "Engagement " + e.engagementId() + " needs review: case " + e.caseId() + ", tier " + e.tier() + ", now in "
                        + e.stage().key() + (e.reopenedFrom() == null ? "" : " (reopens case " + e.reopenedFrom() + ")") + ".",
                link(e.caseId()));
    }

    /** Information requested: the submitter. */
    @EventListener
    void on(ReviewEvent.InformationRequested e) {
        notifications.tellUser(e.submittedBy(), "Information requested on engagement " + e.engagementId(),
                e.by() + " asks about engagement " + e.engagementId() + " (case " + e.caseId() + "):\n\n" + e.request().question()
                        + "\n\nThe review waits for your answer.", link(e.caseId()));
    }

    /** Decided: the submitter. */
    @EventListener
    void on(ReviewEvent.CaseDecided e) {
        String outcome = e.decision().outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        notifications.tellUser(e.submittedBy(), "Engagement " + e.engagementId() + ": " + outcome,
                "Case " + e.caseId() + " on engagement " + e.engagementId() + " is " + outcome
                        + (e.decision().reverses() == null ? "" : " (reversing decision " + e.decision().reverses() + ")")
                        + ".\n\nRationale: " + e.decision().rationale(), link(e.caseId()));
    }

    /** A monitoring alert on an engagement with a case: the analysts. */
    @EventListener
    void on(AlertRaised e) {
        Alert a = e.alert();
        if (a.engagementId() == null) {
            // about a list or a due date, not an engagement (a failed refresh, a directive to revisit): the analysts
            notifications.tellRole(Role.ANALYST, "Alert: " + a.kind() + (a.list() == null ? "" : " (" + a.list() + ")"),
                    a.detail(), "/alerts");
            return;
        }
        Optional<ReviewCase> c = cases.latestFor(a.engagementId());
        if (c.isEmpty()) {
            return;
        }
        notifications.tellRole(Role.ANALYST, "Alert on engagement " + a.engagementId() + ": " + a.kind(),
                a.detail() + "\n\nCase " + c.get().id() + " (" + c.get().status().name().toLowerCase(Locale.ROOT) + ").",
                link(c.get().id()));
    }
}
