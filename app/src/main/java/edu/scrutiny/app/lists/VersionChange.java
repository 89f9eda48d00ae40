package edu.scrutiny.app.lists;

import edu.scrutiny.lists.ListEntry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a version changed against the one before it, by the list's own ids.
 *
 * @param added     entries new in this version
 * @param changed   entries whose content changed (as they are now)
 * @param removedIds ids of entries the previous version had and this one has not
 * @param before    the changed entries as the previous version had them, by id
 */
public record VersionChange(long versionId, List<StoredEntry> added, List<StoredEntry> changed, List<String> removedIds,
                            Map<String, ListEntry> before) {
    public VersionChange {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removedIds = List.copyOf(removedIds);
        before = Map.copyOf(before);
    }

    /**
     * Whether something screening or an assessment reads of a changed entry, other than its names,
     * changed (kind, category, countries, birth dates, listing dates, owners), or its previous
     * content is unknown: then every engagement that matches it may be assessed differently.
     */
    public boolean readsChanged(StoredEntry changedEntry) {
        ListEntry now = changedEntry.entry();
        ListEntry was = before.get(now.sourceId());
        return was == null || was.schema() != now.schema() || !Objects.equals(was.category(), now.category())
                || !was.countries().equals(now.countries()) || !was.birthDates().equals(now.birthDates())
                || !Objects.equals(was.listedOn(), now.listedOn()) || !Objects.equals(was.delistedOn(), now.delistedOn())
                || !was.owners().equals(now.owners());
    }

    /**
     * The names of a changed entry that could match what they did not match before: every name when
     * {@link #readsChanged} holds; otherwise (only its names, or what screening does not read, such
     * as addresses, identifiers, programs and remarks, changed) the names it gained.
     */
    public List<String> namesToScreen(StoredEntry changedEntry) {
        ListEntry now = changedEntry.entry();
        if (readsChanged(changedEntry)) {
            return now.allNames();
        }
        Set<String> had = new HashSet<>(before.get(now.sourceId()).allNames());
        return now.allNames().stream().filter(n -> !had.contains(n)).toList();
    }
}
