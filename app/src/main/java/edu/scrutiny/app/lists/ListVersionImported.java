package edu.scrutiny.app.lists;

/**
 * Published after a list version is committed.
 *
 * @param previousVersionId the version in force before it for the same list, or null for a new list
 */
public record ListVersionImported(String listKey, long versionId, Long previousVersionId,
                                  int added, int removed, int changed) {
}
