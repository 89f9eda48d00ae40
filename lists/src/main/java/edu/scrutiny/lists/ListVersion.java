package edu.scrutiny.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One import of a list: which list, from where, exactly which bytes (SHA-256), when it was
 * retrieved and from when it is in force. Screening "as of" a date uses the version in force then.
 *
 * @param list          the list key
 * @param format        the format it was read in
 * @param source        the path or URL it was read from
 * @param sha256        SHA-256 of the bytes read, hex
 * @param retrievedAt   when the bytes were fetched or read
 * @param effectiveFrom from which date the version is in force
 * @param entries       how many entries it holds
 */
public record ListVersion(String list, ListFormat format, String source, String sha256,
                          Instant retrievedAt, LocalDate effectiveFrom, long entries) {
    public ListVersion {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(retrievedAt, "retrievedAt");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }
}
