package edu.scrutiny.app.directives;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** A revision of a directive as recorded. */
public record StoredDirective(Directive directive, int revision,
                             @JsonProperty("recorded_at") Instant recordedAt,
                             @JsonProperty("recorded_by") String recordedBy) {
}
