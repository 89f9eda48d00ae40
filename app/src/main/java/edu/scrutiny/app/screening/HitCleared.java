package edu.scrutiny.app.screening;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * Published when a hit is cleared as a false positive, in the clearance's transaction.
 *
 * @param clearanceId the clearance's id
 * @param party       the party name as screened
 * @param list        the entry's list key
 * @param sourceId    the entry's id in its list
 * @param contentSha  the SHA-256 of the entry's content the clearance holds for
 * @param reason      why the hit is a false positive
 * @param clearedBy   who cleared it (a user name, {@code command line}, {@code api})
 */
public record HitCleared(@JsonProperty("clearance_id") long clearanceId,
                         String party,
                         String list,
                         @JsonProperty("source_id") String sourceId,
                         @JsonProperty("content_sha") String contentSha,
                         String reason,
                         @JsonProperty("cleared_by") String clearedBy,
                         @JsonProperty("cleared_at") Instant clearedAt) {
}
