package edu.scrutiny.app.lists;

/**
 * Published after a list version is committed.
 *
 * @param previousVersionId the version in force before it for the same list, or null for a new list
 * @param importedBy        who imported it (a user name, {@code command line}, {@code api})
 */
public record ListVersionImported(String listKey, long versionId, Long previousVersionId,
                                  int added, int removed, int changed, String importedBy) {
}
