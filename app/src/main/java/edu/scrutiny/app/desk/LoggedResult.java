package edu.scrutiny.app.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.util.List;

/**
 * One result of a logged screening, as found, with where its dispositions stand.
 *
 * @param cleared     whether it no longer counts: an earlier clearance covered it, or a false positive here counted
 * @param verdict     the latest disposition's verdict, or null when nobody has disposed of it
 * @param awaitingConfirmation whether a first analyst's false positive on a sanctions entry waits for a second
 * @param closedOn    when a watched screening saw the entry delisted or removed, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedResult(int rank,
                           String list,
                           @JsonProperty("source_id") String sourceId,
                           String category,
                           @JsonProperty("entity_name") String entityName,
                           @JsonProperty("matched_name") String matchedName,
                           double score,
                           String explanation,
                           List<String> programs,
                           @JsonProperty("listed_on") LocalDate listedOn,
                           @JsonProperty("delisted_on") LocalDate delistedOn,
                           @JsonProperty("version_id") long versionId,
                           @JsonProperty("content_sha") String contentSha,
                           boolean cleared,
                           Verdict verdict,
                           @JsonProperty("awaiting_confirmation") boolean awaitingConfirmation,
                           @JsonProperty("closed_on") LocalDate closedOn) {
}
