package edu.scrutiny.app.screening;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
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
 * After an import of a list's next version, the screening snapshot reads only that version and keeps
 * the entries of the one in use; a version that takes effect before one already held, a list's first
 * version and a version superseding the latest on its own day are read in full. Whichever way, the
 * snapshot must hold what reading every version in full gives: the same entries in the same order
 * (ties between equal scores fall by it), each with the same windows of force (fictional entries).
 */
@SpringBootTest(classes = ScrutinyApplication.class)
class SnapshotExtensionTest {
    private static final String HEADER = "id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-snapshot-extension")));
    }

    @Autowired ListCatalog catalog;
    @Autowired Screening screening;

    private int importThenRead(String list, String effective, String... rows) throws Exception {
        Path file = Scenarios.temporaryDirectory("scrutiny-snapshot-files").resolve(list + ".csv");
        Files.writeString(file, HEADER + String.join("\n", rows) + "\n");
        catalog.importList(file, LocalDate.parse(effective), ListCategory.WATCHLIST, ListCatalog.ImportProgress.NONE, "test");
        ScreeningSnapshot now = screening.snapshot();
        SnapshotEntries full = SnapshotEntries.read(catalog, SnapshotEntries.enabledLists(catalog, catalog.allVersions()), null);
        assertThat(described(now.order(), now::indexedOf)).containsExactlyElementsOf(described(full.order, full.indexed::get));
        // whether the lists name owners, carried from the snapshot before where the build could tell, is what looking gives
        boolean looked = full.order.stream().anyMatch(e -> !e.owners().isEmpty());
        assertThat(full.namesOwners).isEqualTo(looked);
        assertThat(now.namesOwnersIfKnown()).isIn(null, looked);
        assertThat(now.namesOwners()).isEqualTo(looked);
        return now.versionsRead();
    }

    /** Each entry in order: its list, id, content hash and windows (version, from, until, first). */
    private static List<String> described(List<ListEntry> order, java.util.function.Function<ListEntry, ScreeningSnapshot.Indexed> indexed) {
        return order.stream().map(e -> {
            ScreeningSnapshot.Indexed i = indexed.apply(e);
            return e.list() + " " + e.sourceId() + " " + i.contentSha() + " " + i.windows().stream()
                    .map(w -> w.version().id() + ":" + w.from() + ".." + w.until() + (w.first() ? " first" : "")).toList();
        }).toList();
    }

    @Test
    void aVersionThatNamesAParentIsReadAloneAndTheSnapshotThenKnowsTheListsNameOwners() throws Exception {
        String falcon = "o-1,Falcon Avionics Ltd,,Company,GB,Watchlist,2022-01-10,,,,,no parent";
        importThenRead("owner_watchlist", "2022-01-10", falcon);
        // no entry names an owner, known from the build: the first screening after it need not look at every entry
        assertThat(screening.snapshot().namesOwnersIfKnown()).isFalse();
        assertThat(screening.snapshot().knownOwners("Falcon Avionics Ltd", false)).isEmpty();

        // the list's next version names a parent: read alone, and the snapshot made from the one before knows it
        assertThat(importThenRead("owner_watchlist", "2022-03-01", falcon,
                "o-2,Falcon Avionics Services Ltd,,Company,GB,Watchlist,2022-03-01,,Falcon Holdings Group,,,parent named")).isEqualTo(1);
        assertThat(screening.snapshot().namesOwnersIfKnown()).isTrue();
        assertThat(screening.snapshot().knownOwners("Falcon Avionics Services Ltd", false))
                .extracting(edu.scrutiny.lists.Owner::name).containsExactly("Falcon Holdings Group");
        assertThat(screening.snapshot().childrenOf(List.of("Falcon Holdings Group"))).extracting(ListEntry::sourceId).containsExactly("o-2");

        // and the version after it, which names none again, still holds the one before: the snapshot still names owners
        assertThat(importThenRead("owner_watchlist", "2022-05-01", falcon)).isEqualTo(1);
        assertThat(screening.snapshot().namesOwnersIfKnown()).isTrue();
    }

    @Test
    void aListsNextVersionIsReadAloneAndTheSnapshotIsWhatReadingEveryVersionGives() throws Exception {
        String kestrel = "v-1,Kestrel Imaging Ltd,,Company,GB,Watchlist,2022-01-10,,,,,unchanged throughout";
        String osprey = "v-2,Osprey Optics GmbH,,Company,DE,Watchlist,2022-01-10,,,,,first text";
        String harrier = "v-3,Harrier Sensors Ltd,,Company,GB,Watchlist,2022-01-10,,,,,removed then back as it was";
        assertThat(importThenRead("vendor_watchlist", "2022-01-10", kestrel, osprey, harrier)).isEqualTo(1);
        // another list's first version: the lists held changed, everything is read
        assertThat(importThenRead("zeta_watchlist", "2022-02-01", "a-1,Merlin Lasers Ltd,,Company,GB,Watchlist,,,,,,")).isEqualTo(2);

        // the next versions: one changed, one removed, one added; then the removed one back with its first content
        String goshawk = "v-4,Goshawk Drones Ltd,,Company,GB,Watchlist,2022-03-01,,,,,added";
        assertThat(importThenRead("vendor_watchlist", "2022-03-01", kestrel,
                "v-2,Osprey Optics GmbH,,Company,DE,Watchlist,2022-01-10,,,,,revised", goshawk)).isEqualTo(1);
        assertThat(importThenRead("vendor_watchlist", "2022-05-01", kestrel,
                "v-2,Osprey Optics GmbH,,Company,DE,Watchlist,2022-01-10,,,,,revised", goshawk, harrier)).isEqualTo(1);
        assertThat(screening.snapshot().screen("Harrier Sensors Ltd", false, "GB", LocalDate.parse("2022-04-01"))).isEmpty();
        assertThat(screening.snapshot().screen("Harrier Sensors Ltd", false, "GB", LocalDate.parse("2022-06-01")))
                .extracting(Hit::sourceId).containsExactly("v-3");

        // a version taking effect between two held, and one superseding the latest on its own day: read in full
        assertThat(importThenRead("vendor_watchlist", "2022-04-01", kestrel, goshawk)).isEqualTo(5);
        assertThat(importThenRead("vendor_watchlist", "2022-05-01", kestrel, osprey)).isEqualTo(5);
        // and the next version after those
        assertThat(importThenRead("vendor_watchlist", "2022-07-01", kestrel, osprey, goshawk)).isEqualTo(1);
    }
}
