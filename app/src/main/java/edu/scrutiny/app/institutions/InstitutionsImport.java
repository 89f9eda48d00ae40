package edu.scrutiny.app.institutions;

import java.util.Locale;

/**
 * What an import of a ROR dump did.
 *
 * @param version   the version stored (for a duplicate, the version in force, which holds these bytes)
 * @param previous  the version it replaced, or null for the first
 * @param duplicate the same bytes are already the version in force: nothing was stored
 */
public record InstitutionsImport(InstitutionsVersion version, InstitutionsVersion previous, boolean duplicate) {

    /** The one-line summary the command line prints. */
    public String summary() {
        if (duplicate) {
            return String.format(Locale.ROOT, "ROR: already in force as version %d (same bytes); nothing changed", version.id());
        }
        return String.format(Locale.ROOT, "ROR: imported version %d (sha256 %s): %d records%s", version.id(),
                version.sha256().substring(0, 12), version.records(),
                previous == null ? " (first version)" : "; replaces version " + previous.id() + " (" + previous.records() + " records)");
    }
}
