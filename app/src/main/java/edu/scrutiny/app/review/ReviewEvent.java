package edu.scrutiny.app.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.policy.Tier;

import java.util.List;

/**
 * What happened to a case, published in the action's transaction: the audit trail records each,
 * notifications follow some.
 */
public sealed interface ReviewEvent {
    long caseId();

    String engagementId();

    /** Who did it: a user name, or {@code system}. */
    String by();

    /** The audit trail's action name, e.g. {@code case.decided}. */
    String action();

    /**
     * A case opened (on a first assessment, or reopened by monitoring or a higher tier); a case that
     * reopens an earlier one starts with its {@code analyst}.
     */
    record CaseOpened(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId, Tier tier,
                      Stage stage, List<Stage> route, @JsonProperty("reopened_from") Long reopenedFrom, String analyst,
                      String by) implements ReviewEvent {
        public String action() {
            return "case.opened";
        }
    }

    /** A STANDARD case cleared without review; its record kept. */
    record CaseAutoCleared(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                           @JsonProperty("assessment_id") long assessmentId, String by) implements ReviewEvent {
        public String action() {
            return "case.auto_cleared";
        }
    }

    /** A case moved to another stage: passed on by a recommendation, or returned to compliance review. */
    record CaseMoved(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId, Stage from, Stage to,
                     String why, String by) implements ReviewEvent {
        public String action() {
            return "case.moved";
        }
    }

    record InformationRequested(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                                CaseRecords.InformationRequest request, @JsonProperty("submitted_by") String submittedBy,
                                String by) implements ReviewEvent {
        public String action() {
            return "case.information_requested";
        }
    }

    record InformationAnswered(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                               CaseRecords.InformationRequest request, String by) implements ReviewEvent {
        public String action() {
            return "case.information_answered";
        }
    }

    /** A hit adjudicated; {@code cleared} when it no longer counts (remembered by screening). */
    record HitAdjudicated(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                          CaseRecords.Adjudication adjudication, boolean cleared, String by) implements ReviewEvent {
        public String action() {
            return "case.hit_adjudicated";
        }
    }

    record ConditionAttached(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                             CaseRecords.Condition condition, String by) implements ReviewEvent {
        public String action() {
            return "case.condition_attached";
        }
    }

    record ConditionAttested(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                             CaseRecords.Attestation attestation, String by) implements ReviewEvent {
        public String action() {
            return "case.condition_attested";
        }
    }

    record CaseRecommended(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                           CaseRecords.RecommendationMade recommendation, Stage next, String by) implements ReviewEvent {
        public String action() {
            return "case.recommended";
        }
    }

    record CaseDecided(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                       CaseRecords.Decision decision, @JsonProperty("submitted_by") String submittedBy, String by) implements ReviewEvent {
        public String action() {
            return "case.decided";
        }
    }

    /**
     * A case's analyst changed: taken by an analyst, assigned by an analyst or administrator, or
     * the first analyst to act on an unassigned case.
     *
     * @param previous the analyst before, or null
     * @param how      {@code taken}, {@code assigned} or {@code first_action}
     */
    record AnalystAssigned(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                           String analyst, String previous, String how, String by) implements ReviewEvent {
        public String action() {
            return "case.analyst_assigned";
        }
    }

    /** An internal note written; the event (and so the audit trail) holds its id, not its text. */
    record NoteAdded(@JsonProperty("case_id") long caseId, @JsonProperty("engagement_id") String engagementId,
                     @JsonProperty("note_id") long noteId, String by) implements ReviewEvent {
        public String action() {
            return "case.note_added";
        }
    }
}
