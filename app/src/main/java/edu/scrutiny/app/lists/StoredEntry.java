package edu.scrutiny.app.lists;

import edu.scrutiny.lists.ListEntry;

/**
 * An entry of a stored version, with the SHA-256 of its content: a hit cleared as a false positive
 * stays cleared only while the content is the same.
 */
public record StoredEntry(long versionId, ListEntry entry, String contentSha) {
}
