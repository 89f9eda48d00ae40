package edu.scrutiny.app.institutions;

/**
 * Published after a ROR dump's version is committed.
 *
 * @param previousVersionId the version it replaced, or null for the first
 */
public record InstitutionsImported(long versionId, Long previousVersionId, int records, String importedBy) {
}
