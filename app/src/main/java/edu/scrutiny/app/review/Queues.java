package edu.scrutiny.app.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The queues: the open cases of each stage, soonest due first, with their age and whether the
 * stage's service level has run out (a case waiting for the submitter's answer is not overdue).
 */
@Service
public class Queues {
    private final CaseStore store;
    private final Engagements engagements;
    private final Clock clock;

    Queues(CaseStore store, Engagements engagements, Clock clock) {
        this.store = store;
        this.engagements = engagements;
        this.clock = clock;
    }

    /**
     * A case in a queue.
     *
     * @param ageDays whole days since the case opened
     * @param overdue whether the stage's due date has passed while the case was in the queue
     * @param analyst the case's analyst, or null while nobody has taken it
     */
    public record Entry(@JsonProperty("case_id") long caseId,
                        @JsonProperty("engagement_id") String engagementId,
                        String title,
                        String tier,
                        Stage stage,
                        CaseStatus status,
                        @JsonProperty("opened_at") Instant openedAt,
                        @JsonProperty("due_at") Instant dueAt,
                        @JsonProperty("age_days") long ageDays,
                        boolean overdue,
                        String analyst) {
    }

    /** The queue of one stage: for those who act in it, administrators and auditors. */
    public List<Entry> forStage(Stage stage, Actor actor) {
        if (!actor.hasAny(stage.role(), Role.ADMINISTRATOR, Role.AUDITOR)) {
            throw new NotPermitted("the " + stage.key() + " queue is for users with role " + stage.role().key());
        }
        return store.openInStage(stage).stream().map(this::entry).toList();
    }

    /** Every open case in the stages the actor may see (all for administrators and auditors). */
    public List<Entry> all(Actor actor) {
        boolean everything = actor.hasAny(Role.ADMINISTRATOR, Role.AUDITOR);
        if (!everything && !actor.hasAny(Role.ANALYST, Role.REVIEWER)) {
            throw new NotPermitted("the queues are for analysts, reviewers, administrators and auditors");
        }
        return store.open().stream().filter(c -> everything || actor.has(c.stage().role())).map(this::entry).toList();
    }

    /** Every overdue case in the queues the actor may see. */
    public List<Entry> overdue(Actor actor) {
        return all(actor).stream().filter(Entry::overdue).toList();
    }

    private Entry entry(ReviewCase c) {
        Instant now = clock.instant();
        String title = engagements.find(c.engagementId()).map(e -> e.engagement().title()).orElse(null);
        boolean overdue = c.status() == CaseStatus.OPEN && c.dueAt() != null && now.isAfter(c.dueAt());
        return new Entry(c.id(), c.engagementId(), title, c.tier().name(), c.stage(), c.status(), c.openedAt(), c.dueAt(),
                Duration.between(c.openedAt(), now).toDays(), overdue, c.analyst());
    }
}
