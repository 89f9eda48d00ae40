package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.lists.ListCategory;

import java.time.LocalDate;

/** The Entity List as it was on a date (test data written from the Federal Register), imported effective that date. */
final class EntityListVersions {
    private EntityListVersions() {
    }

    static ImportResult importVersion(ListCatalog catalog, String date) throws Exception {
        return catalog.importList(Scenarios.path("monitoring/" + date + "/us_bis_entity_list.csv"), LocalDate.parse(date),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
    }
}
