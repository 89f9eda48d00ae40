package edu.scrutiny.app.institutions;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One import of a ROR dump.
 *
 * @param source     where it came from: a path, or {@code upload NAME}
 * @param sha256     SHA-256 of the file's bytes as published (the zip, or the JSON file)
 * @param records    how many organisation records it holds
 * @param importedBy who imported it (a user name, {@code command line})
 */
public record InstitutionsVersion(long id, String source, String sha256, int records,
                                  @JsonProperty("imported_at") Instant importedAt,
                                  @JsonProperty("imported_by") String importedBy) {
}
