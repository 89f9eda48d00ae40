package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.directives.Directive;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.directives.StoredDirective;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Raises the alerts for what has come due: directives and country lists at their revisit-by
 * dates, engagements at their periodic re-review (the policy's {@code review_every_months} by
 * tier, counted from the latest assessment). Each is raised once when due and once more when
 * {@value #OVERDUE_DAYS} days overdue; running the check again raises nothing new.
 */
@Service
public class DueDates {
    static final int OVERDUE_DAYS = 30;

    private final Directives directives;
    private final CountryLists countryLists;
    private final Engagements engagements;
    private final Assessments assessments;
    private final Policies policies;
    private final Alerts alerts;
    private final Clock clock;

    DueDates(Directives directives, CountryLists countryLists, Engagements engagements, Assessments assessments,
             Policies policies, Alerts alerts, Clock clock) {
        this.directives = directives;
        this.countryLists = countryLists;
        this.engagements = engagements;
        this.assessments = assessments;
        this.policies = policies;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Checks every due date as of today; returns the number of alerts raised. */
    @Transactional
    public int check() {
        LocalDate today = LocalDate.now(clock);
        int raised = 0;
        for (StoredDirective s : directives.current()) {
            Directive d = s.directive();
            if (d.revisitBy() != null) {
                raised += due(AlertKind.DIRECTIVE_REVISIT_DUE, null, today, d.revisitBy(), "directive:" + d.id() + ":" + s.revision(),
                        "Directive " + d.id() + " (" + d.title() + ") is to be revisited by " + d.revisitBy());
            }
        }
        for (CountryList l : countryLists.currentAll()) {
            if (l.revisitBy() != null) {
                raised += due(AlertKind.COUNTRY_LIST_REVISIT_DUE, null, today, l.revisitBy(), "country_list:" + l.key() + ":" + l.version(),
                        "Country list " + l.key() + " (version " + l.version() + ") is to be revisited by " + l.revisitBy());
            }
        }
        Map<Tier, Integer> every = policies.current().document().reviewEveryMonths();
        for (StoredEngagement e : engagements.live()) {
            Optional<RecordedAssessment> latest = assessments.latest(e.id());
            if (latest.isEmpty()) {
                continue;
            }
            Integer months = every.get(latest.get().assessment().tier());
            if (months == null) {
                continue;
            }
            LocalDate reviewed = latest.get().assessedAt().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate dueOn = reviewed.plusMonths(months);
            raised += due(AlertKind.REVIEW_DUE, e.id(), today, dueOn, "review:" + e.id() + ":" + latest.get().id(),
                    e.id() + " (" + e.engagement().title() + ", " + latest.get().assessment().tier() + ") is due for its re-review every "
                            + months + " months: last assessed " + reviewed + ", due " + dueOn);
        }
        return raised;
    }

    private int due(AlertKind kind, String engagementId, LocalDate today, LocalDate dueOn, String key, String detail) {
        int raised = 0;
        if (!today.isBefore(dueOn)) {
            raised += alerts.raise(new Alerts.Raise(kind, engagementId, null, null, null, detail, key + ":due")).isPresent() ? 1 : 0;
        }
        if (!today.isBefore(dueOn.plusDays(OVERDUE_DAYS))) {
            raised += alerts.raise(new Alerts.Raise(kind, engagementId, null, null, null,
                    detail + " (overdue by " + (today.toEpochDay() - dueOn.toEpochDay()) + " days)", key + ":overdue")).isPresent() ? 1 : 0;
        }
        return raised;
    }
}
