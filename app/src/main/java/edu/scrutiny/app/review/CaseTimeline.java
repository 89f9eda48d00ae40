package edu.scrutiny.app.review;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A case's timeline: the audit trail's records about the case and its engagement, oldest first.
 * The audit module implements it (it listens to this module's events, so this module must not
 * depend on it); without an implementation a case has no timeline.
 */
public interface CaseTimeline {
    List<Entry> of(long caseId, String engagementId);

    /** One record of the audit trail. */
    record Entry(long seq, @JsonProperty("recorded_at") Instant recordedAt, String actor, String action,
                 @JsonProperty("object_type") String objectType, @JsonProperty("object_id") String objectId, String after) {
    }
}
