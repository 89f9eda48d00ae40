package edu.scrutiny.app.lists;

/**
 * What an import did.
 *
 * @param version         the version stored (or, for a duplicate, the version that already holds these bytes)
 * @param previous        the version it is compared with, or null for a new list
 * @param duplicate       the same bytes with the same effective date were already imported: nothing was stored
 */
public record ImportResult(StoredListVersion version, StoredListVersion previous, boolean duplicate,
                           int added, int removed, int changed, long unchanged) {

    /** The one-line summary the command line prints. */
    public String summary() {
        if (duplicate) {
            return String.format(java.util.Locale.ROOT, "%s: already imported as version %d (same bytes, effective %s); nothing changed",
                    version.listKey(), version.id(), version.effectiveFrom());
        }
        return String.format(java.util.Locale.ROOT,
                "%s: imported version %d (%s, effective %s, sha256 %s): %d entries; %d added, %d removed, %d changed%s",
                version.listKey(), version.id(), version.format(), version.effectiveFrom(), version.sha256().substring(0, 12),
                version.entries(), added, removed, changed,
                previous == null ? " (new list)" : " since version " + previous.id());
    }
}
