package edu.scrutiny.app.lists;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListDiff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import reads the version before it without decoding the entries the new version holds unchanged
 * (same id, same content hash), and the screening index rebuilt after it decodes only contents it has
 * not met: what the import counts as added, removed, changed and unchanged must be what a diff of the
 * two stored versions decoded in full gives, and screening must hold each entry once, in its versions'
 * windows (fictional entries).
 */
@SpringBootTest(classes = ScrutinyApplication.class)
class ImportDiffTest {
    private static final String HEADER = "id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-import-diff")));
    }

    @Autowired ListCatalog catalog;
    @Autowired Screening screening;

    private ImportResult importVersion(String csv, String effective) throws Exception {
        Path file = Scenarios.temporaryDirectory("scrutiny-import-diff-files").resolve("vendor_watchlist.csv");
        Files.writeString(file, HEADER + csv);
        return catalog.importList(file, LocalDate.parse(effective), ListCategory.WATCHLIST, ListCatalog.ImportProgress.NONE, "test");
    }

    @Test
    void theImportCountsWhatADiffOfTheStoredVersionsDecodedInFullGives() throws Exception {
        ImportResult first = importVersion("""
                v-1,Kestrel Imaging Ltd,,Company,GB,Watchlist,2022-01-10,,,,,unchanged
                v-2,Osprey Optics GmbH,,Company,DE,Watchlist,2022-01-10,,,,,revised next
                v-3,Harrier Sensors Ltd,,Company,GB,Watchlist,2022-01-10,,,,,removed next
                v-4,Merlin Lasers Ltd,,Company,GB,Watchlist,2022-01-10,,,,,unchanged too
                """, "2022-01-10");
        ImportResult second = importVersion("""
                v-1,Kestrel Imaging Ltd,,Company,GB,Watchlist,2022-01-10,,,,,unchanged
                v-2,Osprey Optics GmbH,,Company,DE,Watchlist,2022-01-10,,,,,revised: remarks only
                v-4,Merlin Lasers Ltd,,Company,GB,Watchlist,2022-01-10,,,,,unchanged too
                v-5,Goshawk Drones Ltd,,Company,GB,Watchlist,2022-06-01,,,,,added
                """, "2022-06-01");

        ListDiff decoded = ListDiff.between(catalog.entries(first.version().id()), catalog.entries(second.version().id()));
        assertThat(second.added()).isEqualTo(decoded.added().size());
        assertThat(second.removed()).isEqualTo(decoded.removed().size());
        assertThat(second.changed()).isEqualTo(decoded.changed().size()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(decoded.unchanged()).isEqualTo(2);
        assertThat(catalog.changes(second.version().id()).changed()).singleElement()
                .satisfies(c -> assertThat(c.entry().remarks()).contains("revised: remarks only"));

        // each entry once, as of each version's window: the unchanged one, the revised one, the removed one before it went
        assertThat(hits("Kestrel Imaging Ltd", "2022-07-01")).containsExactly("v-1");
        assertThat(hits("Osprey Optics GmbH", "2022-07-01")).containsExactly("v-2");
        assertThat(hits("Harrier Sensors Ltd", "2022-03-01")).containsExactly("v-3");
        assertThat(hits("Harrier Sensors Ltd", "2022-07-01")).isEmpty();
        assertThat(hits("Goshawk Drones Ltd", "2022-07-01")).containsExactly("v-5");
    }

    private List<String> hits(String name, String asOf) {
        return screening.snapshot().screen(name, false, "GB", LocalDate.parse(asOf)).stream().map(Hit::sourceId).toList();
    }
}
