package edu.scrutiny.app.lists;

import edu.scrutiny.app.lists.internal.EntryCodec;
import edu.scrutiny.lists.ListEntry;

/**
 * An entry of a stored version as read from the database: the list's own id for it and its content hash,
 * with its document decoded only when asked. The hash covers the whole document, so two rows with the
 * same hash hold the same entry: rebuilding the screening index after an import decodes only the
 * contents it has not met, where decoding every row of every version was a fifth of an import.
 *
 * @param document the entry's JSON, as stored
 */
public record StoredEntryRow(long versionId, String sourceId, String contentSha, String document) {
    /** The entry, decoded from its document (a new object on each call). */
    public ListEntry entry() {
        return EntryCodec.fromJson(document);
    }

    /** The entry decoded, with its version and content hash. */
    public StoredEntry decoded() {
        return new StoredEntry(versionId, entry(), contentSha);
    }
}
