package edu.scrutiny.app.lists;

import java.util.List;

/**
 * What a version changed against the one before it, by the list's own ids.
 *
 * @param added     entries new in this version
 * @param changed   entries whose content changed (as they are now)
 * @param removedIds ids of entries the previous version had and this one has not
 */
public record VersionChange(long versionId, List<StoredEntry> added, List<StoredEntry> changed, List<String> removedIds) {
    public VersionChange {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removedIds = List.copyOf(removedIds);
    }
}
