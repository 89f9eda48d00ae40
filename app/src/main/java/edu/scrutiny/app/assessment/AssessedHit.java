package edu.scrutiny.app.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.screening.Hit;

import java.time.LocalDate;
import java.util.List;

/**
 * A hit as the assessment counts it: on an engagement party, either directly or through its owners
 * when the ownership rules make it blocked (then {@code via} gives the computation in words,
 * {@code ownership_share} the total its listed and blocked owners hold, and {@code ownership} the
 * paths, shares and total).
 *
 * @param party        the engagement party
 * @param screenedName the name that matched: the party's own, or an owner's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessedHit(
        String party,
        @JsonProperty("screened_name") String screenedName,
        String list,
        String category,
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("entity_name") String entityName,
        @JsonProperty("matched_name") String matchedName,
        double score,
        // part of the contract even when unknown: written as null
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("listed_on") LocalDate listedOn,
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("delisted_on") LocalDate delistedOn,
        List<String> programs,
        String explanation,
        @JsonProperty("version_id") long versionId,
        String via,
        @JsonProperty("ownership_share") Double ownershipShare,
        HitOwnership ownership) {

    static AssessedHit of(String party, Hit hit, String via, Double share) {
        return of(party, hit, via, share, null);
    }

    static AssessedHit of(String party, Hit hit, String via, Double share, HitOwnership ownership) {
        return new AssessedHit(party, hit.party(), hit.list(), hit.category(), hit.sourceId(), hit.entityName(),
                hit.matchedName(), hit.score(), hit.listedOn(), hit.delistedOn(), hit.programs(), hit.explanation(),
                hit.versionId(), via, share, ownership);
    }
}
