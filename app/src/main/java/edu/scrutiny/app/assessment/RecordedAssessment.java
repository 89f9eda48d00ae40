package edu.scrutiny.app.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** An assessment recorded for a stored engagement. */
public record RecordedAssessment(long id, @JsonProperty("engagement_id") String engagementId,
                                 @JsonProperty("assessed_at") Instant assessedAt, Assessment assessment) {
}
