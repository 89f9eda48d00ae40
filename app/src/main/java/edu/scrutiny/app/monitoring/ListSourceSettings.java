package edu.scrutiny.app.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;

/** Where a list is refreshed from, how often, and how the last refresh went. */
public record ListSourceSettings(@JsonProperty("list") String listKey,
                                 String location,
                                 Duration every,
                                 String category,
                                 @JsonProperty("last_checked_at") Instant lastCheckedAt,
                                 @JsonProperty("last_success_at") Instant lastSuccessAt,
                                 @JsonProperty("last_outcome") String lastOutcome,
                                 int failures,
                                 @JsonProperty("next_due_at") Instant nextDueAt) {
}
