package edu.scrutiny.app.desk;

import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.lists.ListCategory;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which entries a reconciliation preview card shows to a request without credentials (OpenRefine's
 * iframe, which sends no {@code Authorization} header): only those of lists a government publishes
 * (sanctions, denial, export-control and research-security lists), which anyone may read at their
 * source. Never the institution's own watchlist, and an unknown list is answered as a non-public
 * one, so that a request without credentials cannot even learn which list keys exist beyond the
 * published ones. The card reads the list; it screens nobody and shows nothing of the screening log.
 */
final class PublicPreview {
    static final Set<String> PUBLISHED = Set.of(ListCategory.SANCTIONS.key(), ListCategory.DENIAL.key(),
            ListCategory.EXPORT_CONTROL.key(), ListCategory.RESEARCH_SECURITY.key());

    private PublicPreview() {
    }

    /** Whether the list's entries may be shown without credentials: it is held and every version of it is a published list's. */
    static boolean shows(ScreeningSnapshot snapshot, String list, LocalDate today) {
        boolean held = false;
        for (StoredListVersion v : snapshot.versionsInForce(today)) {
            if (v.listKey().equals(list)) {
                held = true;
                if (v.category() == null || !PUBLISHED.contains(v.category())) {
                    return false;
                }
            }
        }
        return held;
    }
}
