package edu.scrutiny.app.review;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;

/** What people record on a case; each is only ever inserted. */
public final class CaseRecords {
    private CaseRecords() {
    }

    public record InformationRequest(long id, @JsonProperty("case_id") long caseId, String question,
                                     @JsonProperty("asked_by") String askedBy, @JsonProperty("asked_at") Instant askedAt,
                                     String answer, @JsonProperty("answered_by") String answeredBy,
                                     @JsonProperty("answered_at") Instant answeredAt) {
    }

    /**
     * An analyst's adjudication of a hit; {@code confirms} names the adjudication a second analyst
     * confirms (a false positive on a sanctions hit).
     */
    public record Adjudication(long id, @JsonProperty("case_id") long caseId, String party, String list,
                               @JsonProperty("source_id") String sourceId, String category, Verdict verdict, String reason,
                               @JsonProperty("adjudicated_by") String adjudicatedBy,
                               @JsonProperty("adjudicated_at") Instant adjudicatedAt, Long confirms) {
        public boolean sameHit(String party, String list, String sourceId) {
            return this.party.equals(party) && this.list.equals(list) && this.sourceId.equals(sourceId);
        }
    }

    public record Condition(long id, @JsonProperty("case_id") long caseId, Mitigation kind, String detail, String owner,
                            @JsonProperty("due_on") LocalDate dueOn, @JsonProperty("added_by") String addedBy,
                            @JsonProperty("added_at") Instant addedAt, Attestation attestation) {
    }

    public record Attestation(long id, @JsonProperty("condition_id") long conditionId, String statement,
                              @JsonProperty("attested_by") String attestedBy, @JsonProperty("attested_at") Instant attestedAt) {
    }

    public record RecommendationMade(long id, @JsonProperty("case_id") long caseId, Stage stage,
                                     Recommendation recommendation, String rationale,
                                     @JsonProperty("recommended_by") String recommendedBy,
                                     @JsonProperty("recommended_at") Instant recommendedAt) {
    }

    /** A decision; {@code reverses} names the decision it reverses, if it is a reversal. */
    public record Decision(long id, @JsonProperty("case_id") long caseId, Stage stage, Outcome outcome, String rationale,
                           String cites, Long reverses, @JsonProperty("decided_by") String decidedBy,
                           @JsonProperty("decided_at") Instant decidedAt) {
    }

    public record Note(long id, @JsonProperty("case_id") long caseId, String body,
                       @JsonProperty("written_by") String writtenBy, @JsonProperty("written_at") Instant writtenAt) {
    }
}
