package edu.scrutiny.app.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.policy.Tier;

import java.time.Instant;
import java.util.List;

/**
 * A case: one engagement assessment that needs review (or a STANDARD one, cleared automatically).
 *
 * @param route         the stages the case passes through, in order
 * @param stage         the stage it is in; null once decided or auto-cleared
 * @param submittedBy   who submitted the engagement (never decides it); null when unknown
 * @param dueAt         when the current stage's service level runs out
 * @param reopenedFrom  the earlier case of the engagement this one reopens, or null
 * @param analyst       the analyst responsible for the case (who monitoring's alerts on the
 *                      engagement reach), or null while nobody has taken it
 */
public record ReviewCase(long id,
                         @JsonProperty("engagement_id") String engagementId,
                         @JsonProperty("assessment_id") long assessmentId,
                         Tier tier,
                         List<Stage> route,
                         Stage stage,
                         CaseStatus status,
                         @JsonProperty("submitted_by") String submittedBy,
                         @JsonProperty("opened_at") Instant openedAt,
                         @JsonProperty("stage_entered_at") Instant stageEnteredAt,
                         @JsonProperty("due_at") Instant dueAt,
                         @JsonProperty("closed_at") Instant closedAt,
                         @JsonProperty("reopened_from") Long reopenedFrom,
                         @JsonProperty("analyst") String analyst) {

    /** Whether the case is in its route's last stage, where it is decided. */
    public boolean atFinalStage() {
        return stage != null && !route.isEmpty() && route.getLast() == stage;
    }

    /** The stage after the current one, or null at the last. */
    public Stage nextStage() {
        int i = route.indexOf(stage);
        return i < 0 || i + 1 >= route.size() ? null : route.get(i + 1);
    }
}
