package edu.scrutiny.app.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * An alert: what happened, to which engagement (or watched screening of the desk) and list entry
 * where it concerns one.
 *
 * @param screeningRow the row of a watched batch the alert is about (its {@code row} in the batch's
 *                     results), or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Alert(long id,
                    AlertKind kind,
                    String status,
                    @JsonProperty("engagement_id") String engagementId,
                    String list,
                    @JsonProperty("source_id") String sourceId,
                    @JsonProperty("entity_name") String entityName,
                    String detail,
                    @JsonProperty("created_at") Instant createdAt,
                    @JsonProperty("screening_id") Long screeningId,
                    @JsonProperty("screening_row") Integer screeningRow) {
    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
}
