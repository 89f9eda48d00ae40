package edu.scrutiny.app.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the screening log: who ran what, when, against which list versions, what it found
 * and what analysts made of it.
 *
 * @param listVersions the version of each list in force on the query's as-of date
 * @param results      the results as found (empty in a search's summaries; see {@code result_count})
 * @param open         whether a result waits for review (a {@code NEEDS_REVIEW}, or a false positive awaiting its second analyst)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedScreening(long id,
                              @JsonProperty("run_by") String runBy,
                              @JsonProperty("run_at") Instant runAt,
                              Channel channel,
                              DeskQuery query,
                              @JsonProperty("list_versions") List<UsedVersion> listVersions,
                              @JsonProperty("result_count") int resultCount,
                              Outcome outcome,
                              boolean open,
                              List<LoggedResult> results,
                              List<Disposition> dispositions) {

    /** A list version a screening used. */
    public record UsedVersion(String list, @JsonProperty("version_id") long versionId,
                              @JsonProperty("effective_from") java.time.LocalDate effectiveFrom, String sha256) {
    }

    /** A result by list and source id. */
    public java.util.Optional<LoggedResult> result(String list, String sourceId) {
        return results.stream().filter(r -> r.list().equals(list) && r.sourceId().equals(sourceId)).findFirst();
    }
}
