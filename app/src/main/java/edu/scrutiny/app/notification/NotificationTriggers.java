package edu.scrutiny.app.notification;

import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.monitoring.AlertRaised;
import edu.scrutiny.app.policy.Policies;
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
    private final Engagements engagements;
    private final Policies policies;

    private final ScreeningLog screenings;

    NotificationTriggers(Notifications notifications, Cases cases, Engagements engagements, Policies policies,
                         ScreeningLog screenings) {
        this.notifications = notifications;
        this.screenings = screenings;
        this.cases = cases;
        this.engagements = engagements;
        this.policies = policies;
    }

    private static String link(long caseId) {
        return "/api/cases/" + caseId;
    }

    /** A new case: the analysts; a case that reopens one with an analyst (who keeps it): that analyst. */
    @EventListener
    void on(ReviewEvent.CaseOpened e) {
        String subject = "New case " + e.caseId() + " (" + e.tier() + "): engagement " + e.engagementId();
        String body = "Engagement " + e.engagementId() + " needs review: case " + e.caseId() + ", tier " + e.tier() + ", now in "
                + e.stage().key() + (e.reopenedFrom() == null ? "" : " (reopens case " + e.reopenedFrom() + ")") + ".";
        String analyst = e.reopenedFrom() == null ? null
                : cases.latestFor(e.engagementId()).filter(c -> c.id() == e.caseId()).map(ReviewCase::analyst).orElse(null);
        if (analyst != null) {
            notifications.tellUser(analyst, subject, body, link(e.caseId()));
        } else {
            notifications.tellRole(Role.ANALYST, subject, body, link(e.caseId()));
        }
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

    /**
     * A monitoring alert. On an engagement: its latest case's analyst, or every analyst while the
     * case has none (or there is no case); and its submitter too when the current policy's
     * {@code notify_submitter} names the alert's kind, in words of their own. About a list or a
     * due date: every analyst.
     */
    @EventListener
    void on(AlertRaised e) {
        Alert a = e.alert();
        if (a.screeningId() != null) {
            // a watched screening of the desk: the person who ran it (every analyst if it is gone)
            String subject = "Alert on watched screening " + a.screeningId() + (a.screeningRow() == null ? "" : ", row " + a.screeningRow())
                    + ": " + a.kind();
            String link = "/api/screenings/" + a.screeningId();
            screenings.runBy(a.screeningId()).ifPresentOrElse(u -> notifications.tellUser(u, subject, a.detail(), link),
                    () -> notifications.tellRole(Role.ANALYST, subject, a.detail(), link));
            return;
        }
        if (a.engagementId() == null) {
            // about a list or a due date, not an engagement (a failed refresh, a directive to revisit): the analysts
            notifications.tellRole(Role.ANALYST, "Alert: " + a.kind() + (a.list() == null ? "" : " (" + a.list() + ")"),
                    a.detail(), "/alerts");
            return;
        }
        Optional<ReviewCase> c = cases.latestFor(a.engagementId());
        String subject = "Alert on engagement " + a.engagementId() + ": " + a.kind();
        String body = a.detail() + c.map(x -> "\n\nCase " + x.id() + " (" + x.status().name().toLowerCase(Locale.ROOT) + ")"
                + (x.analyst() == null ? ", not yet taken by an analyst" : "") + ".").orElse("");
        String link = c.map(x -> link(x.id())).orElse("/api/engagements/" + a.engagementId());
        String analyst = c.map(ReviewCase::analyst).orElse(null);
        if (analyst != null) {
            notifications.tellUser(analyst, subject, body, link);
        } else {
            notifications.tellRole(Role.ANALYST, subject, body, link);
        }
        if (policies.current().document().notifiesSubmitterOf(a.kind().name())) {
            String submitter = c.map(ReviewCase::submittedBy).or(() -> engagements.submitter(a.engagementId())).orElse(null);
            tellSubmitter(submitter, a);
        }
    }

    /**
     * What the submitter is told of an alert: that something changed and what to do, never the
     * list entry, the match, scores or the analysts' notes (those are the office's).
     */
    private void tellSubmitter(String submitter, Alert a) {
        String id = a.engagementId();
        String text = switch (a.kind()) {
            case NEW_HIT -> "Your engagement " + id + " is back in review after a change to the restricted-party lists; "
                    + "the research security office will be in touch.";
            case HIT_CLOSED -> "A change to the restricted-party lists concerns your engagement " + id
                    + "; the research security office will be in touch if anything is needed from you.";
            case TIER_CHANGED -> "The risk assessment of your engagement " + id + " has changed after a change to the "
                    + "restricted-party lists; the research security office will be in touch if it needs review.";
            case REVIEW_DUE -> "Your engagement " + id + " is due for its periodic re-review: please check its details are current.";
            default -> null; // not about one engagement: the policy cannot name it
        };
        if (text == null) {
            return;
        }
        String subject = a.kind() == AlertKind.REVIEW_DUE ? "Your engagement " + id + " is due for re-review"
                : "Your engagement " + id + ": the restricted-party lists changed";
        notifications.tellUser(submitter, subject, text, "/mine/" + id);
    }
}
