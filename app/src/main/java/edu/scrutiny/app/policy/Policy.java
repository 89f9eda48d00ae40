package edu.scrutiny.app.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** One version of the policy. Assessments record {@link #version()}. */
public record Policy(int version, PolicyDocument document, String note,
                     @JsonProperty("recorded_at") Instant recordedAt,
                     @JsonProperty("recorded_by") String recordedBy) {
}
