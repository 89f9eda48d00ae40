package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.engagement.StoredEngagement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delta re-screening screens again the names a changed entry kept, not only the ones it gained: the
 * whole lists' hits on an entry whose names stayed can move with the rest of the version. Here (the
 * rescreen benchmark's {@code syn-351} made deterministic) the party "Plover Quillon Tarn Marsh Kestrel"
 * misses the listed "Plover Quillon Tarn" (0.76: two words of its own unmatched), until a version that
 * changes that entry's remarks only also lists 10,000 names with "Marsh" or "Kestrel": the two words
 * are then common, leaving them unmatched costs less, and the whole lists give the hit (0.82). No
 * added name comes near the party's, so only screening the changed entry's kept names finds it (the
 * earlier delta screened a changed entry's gained names only, and the party was no candidate for any
 * added name). In a database of its own, since the word weights are the point.
 */
@SpringBootTest(classes = {ScrutinyApplication.class, CandidateCutTest.Clocks.class})
class ChangedEntryRescreenTest extends DeltaRescreeningScenario {
    private static final String LIST = "stay_watchlist";
    private static final String LISTED = "Plover Quillon Tarn";
    private static final String OTHER_WORDS = "Marsh Kestrel";
    private static final int COMMON = 10_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-stay")));
    }

    @Test
    void aHitOnAChangedEntryWhoseNamesStayedIsAlertedByTheDelta() throws Exception {
        Path dir = Files.createTempDirectory("stay-lists");
        importVersion(dir, "2024-01-10", List.of("s-1," + LISTED + ",,Organization,,,2020-01-01,,,,,"));
        clock.set(LocalDate.parse("2024-01-15"));
        StoredEngagement party = engagements.submit(engagement(LISTED + " " + OTHER_WORDS), "stay", "pi");
        assertThat(hits(party)).as("two words of the party's own weigh too much").isEmpty();

        clock.set(LocalDate.parse("2024-02-02"));
        List<String> v2 = new ArrayList<>();
        v2.add("s-1," + LISTED + ",,Organization,,,2020-01-01,,,,,revised");
        for (int i = 0; i < COMMON; i++) {
            // one of the two words each, so that no added name comes near the party's: only s-1's can give it a hit
            v2.add("c-" + i + "," + OTHER_WORDS.split(" ")[i % 2] + " " + WORDS[i % 12] + " " + WORDS[i / 12 % 12] + " " + WORDS[i / 144 % 12]
                    + ",,Organization,,,2020-01-01,,,,,");
        }
        importVersion(dir, "2024-02-01", v2);
        assertThat(wholeLists(party, "2024-02-02")).as("the whole lists now give the hit").containsExactly("s-1");
        assertThat(hits(party)).as("recorded after the delta re-screening").isEqualTo(wholeLists(party, "2024-02-02"));
        assertThat(alerts.forEngagement(party.id())).filteredOn(a -> a.kind() == AlertKind.NEW_HIT)
                .extracting(Alert::sourceId).containsExactly("s-1");
    }

    private void importVersion(Path dir, String effective, List<String> entries) throws IOException {
        importLines(dir, LIST, effective, entries);
    }
}
