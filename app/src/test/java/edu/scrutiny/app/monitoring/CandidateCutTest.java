package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delta re-screening finds what the whole lists give where a name matches many listed names. The
 * whole index compares in full only the names that collected the most of a query's weight (a
 * shortlist), so whether a listed name that matches is among them depends on how many others
 * collect more: here hundreds of fictional "Corvid Trading Ltd ..." names with more words (they
 * collect all of the query's words, but score below the threshold) beside one misspelt "Corvid
 * Tradng Ltd" (it collects less, and matches). The change's small index must not cut where the
 * whole one would not, nor keep a hit the whole one no longer gives.
 */
@SpringBootTest(classes = {ScrutinyApplication.class, CandidateCutTest.Clocks.class})
class CandidateCutTest {
    private static final String LIST = "cut_watchlist";
    private static final String[] WORDS = {"Harbour", "Works", "Northfield", "Depot", "Maritime", "Foundry", "Engineering",
            "Supplies", "Logistics", "Terminal", "Export", "Holdings"};

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2024-01-10T12:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-cut")));
    }

    @Autowired MutableClock clock;
    @Autowired ListCatalog catalog;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired Assessor assessor;
    @Autowired Alerts alerts;

    @Test
    void aHitTheWholeListsGiveOrNoLongerGiveOnlyThroughTheirCandidateCutIsAlertedByTheDelta() throws Exception {
        Path dir = Files.createTempDirectory("cut-lists");
        importVersion(dir, "2024-01-10", 0, null);
        clock.set(LocalDate.parse("2024-01-15"));
        StoredEngagement corvid = engagements.submit(engagement("Corvid Trading Ltd"), "corvid", "pi");
        assertThat(hits(corvid)).isEmpty();

        // version 2 lists the misspelt name among 260 longer look-alikes: the whole lists give the hit
        clock.set(LocalDate.parse("2024-02-02"));
        importVersion(dir, "2024-02-01", 260, null);
        assertThat(hits(corvid)).as("recorded after the delta re-screening").containsExactly("y");
        assertThat(hits(corvid)).as("as the whole lists give them").isEqualTo(wholeLists(corvid, "2024-02-02"));
        assertThat(alerts.forEngagement(corvid.id())).filteredOn(a -> a.kind() == AlertKind.NEW_HIT)
                .extracting(Alert::sourceId).containsExactly("y");

        // version 3 revises the entry (remarks only) and lists 640 more look-alikes: so many names now collect more
        // of the query's weight than the misspelt one that the whole index no longer compares it, and the hit closes
        clock.set(LocalDate.parse("2024-03-02"));
        importVersion(dir, "2024-03-01", 900, "revised");
        assertThat(hits(corvid)).as("recorded after the delta re-screening").isEqualTo(wholeLists(corvid, "2024-03-02"));
        assertThat(alerts.forEngagement(corvid.id())).filteredOn(a -> a.kind() == AlertKind.HIT_CLOSED)
                .extracting(Alert::sourceId).containsExactly("y");
    }

    private Set<String> hits(StoredEngagement e) {
        return sourceIds(assessments.latest(e.id()).orElseThrow().assessment().hits());
    }

    private Set<String> wholeLists(StoredEngagement e, String date) {
        return sourceIds(assessor.reassess(e.engagement(), LocalDate.parse(date)).hits());
    }

    private static Set<String> sourceIds(List<AssessedHit> hits) {
        Set<String> ids = new TreeSet<>();
        hits.forEach(h -> ids.add(h.sourceId()));
        return ids;
    }

    /** A version of the list: an unrelated entry, and from the second on the misspelt name and its look-alikes. */
    private ImportResult importVersion(Path dir, String effective, int lookAlikes, String remarks) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks");
        lines.add("w-0,Aldgate Pewter Guild,,Organization,GB,,2020-01-01,,,,,");
        if (lookAlikes > 0) {
            lines.add("y,Corvid Tradng Ltd,,Organization,,,2020-01-01,,,,," + (remarks == null ? "" : remarks));
        }
        for (int i = 0; i < lookAlikes; i++) {
            lines.add("d-" + i + ",Corvid Trading Ltd " + WORDS[i % 12] + " " + WORDS[i / 12 % 12] + " " + WORDS[i / 144 % 12]
                    + " No " + i + ",,Organization,,,2020-01-01,,,,,");
        }
        Path file = Files.createDirectories(dir.resolve(effective)).resolve(LIST + ".csv");
        Files.write(file, lines);
        return catalog.importList(file, LocalDate.parse(effective), ListCategory.WATCHLIST, ListCatalog.ImportProgress.NONE, "test");
    }

    private static Engagement engagement(String company) {
        return new Engagement("Supply of survey equipment", null, Engagement.Type.PROCUREMENT, false, null,
                LocalDate.parse("2024-01-15"), null, null, null, null,
                new Engagement.Funding(BigDecimal.valueOf(20_000), "GBP", Engagement.FundingSource.INDUSTRY),
                List.of(new Engagement.Party(company, Engagement.Kind.ORGANIZATION, "GB", Engagement.Role.VENDOR,
                        Engagement.OrganizationType.COMPANY, List.of())),
                List.of("GB"), List.of("mathematics"));
    }
}
