package edu.scrutiny.app.lists;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;

/** A list version as stored. {@code category} is what entries without their own category are counted as. */
public record StoredListVersion(long id,
                                @JsonProperty("list") String listKey,
                                String format,
                                String category,
                                String source,
                                String sha256,
                                @JsonProperty("retrieved_at") Instant retrievedAt,
                                @JsonProperty("effective_from") LocalDate effectiveFrom,
                                int entries,
                                @JsonProperty("imported_at") Instant importedAt) {
}
