package edu.scrutiny.app.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * A disposition recorded on one result of a logged screening. Dispositions are never edited: a
 * later one supersedes an earlier one on the same result.
 *
 * @param confirms the first analyst's false positive this one confirms, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Disposition(long id,
                          @JsonProperty("screening_id") long screeningId,
                          String list,
                          @JsonProperty("source_id") String sourceId,
                          Verdict verdict,
                          String reason,
                          @JsonProperty("disposed_by") String disposedBy,
                          @JsonProperty("disposed_at") Instant disposedAt,
                          Long confirms) {
}
