package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.monitoring.internal.SubjectIndex;
import edu.scrutiny.app.screening.NameScreenings;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delta re-screening finds what the whole lists give where a name matches many listed names. The
 * whole index compares in full only the names that collected the most of a query's weight (a
 * shortlist), so whether a listed name that matches is among them depends on how many others
 * collect more: here hundreds of fictional "Corvid Trading Ltd ..." names with more words (they
 * collect all of the query's words, but score below the threshold) beside one misspelt "Corvid
 * Tradng Ltd" (it collects less, and matches). The change's small index must not cut where the
 * whole one would not, nor keep a hit the whole one no longer gives. The second case is one the
 * rescreen benchmark found: a person's name matching a legal entity (the delta once asked which
 * engagement names could match a listed name the other way round, where the rules of which kind may
 * match which do not hold). {@link ChangedEntryRescreenTest} covers the other.
 */
@SpringBootTest(classes = {ScrutinyApplication.class, CandidateCutTest.Clocks.class})
class CandidateCutTest extends DeltaRescreeningScenario {
    private static final String LIST = "cut_watchlist";
    @org.springframework.beans.factory.annotation.Autowired Screening screening;
    @org.springframework.beans.factory.annotation.Autowired Rescreening rescreening;


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
        // the delta confirms a hit the party's own name gave by screening that name against the whole lists again
        Assessment atVersion2 = assessments.latest(corvid.id()).orElseThrow().assessment();
        // and, recording, tells whether the latest assessment is still the one it read by its id alone
        assertThat(assessments.latestId(corvid.id())).hasValue(assessments.latest(corvid.id()).orElseThrow().id());
        assertThat(assessments.latestId("no-such-engagement")).isEmpty();
        assertThat(Rescreening.stillGiven(corvid.engagement(), atVersion2, LIST, Set.of("y"),
                wholeListsOn(LocalDate.parse("2024-02-02")))).as("the whole lists give the hit").isTrue();
        // but not one that came through ownership or a ROR name: assessing in full settles those
        AssessedHit y = atVersion2.hits().getFirst();
        assertThat(Rescreening.stillGiven(corvid.engagement(), withHit(atVersion2, new AssessedHit(y.party(), y.screenedName(),
                        y.list(), y.category(), y.sourceId(), y.entityName(), y.matchedName(), y.score(), y.listedOn(), y.delistedOn(),
                        y.programs(), y.explanation(), y.versionId(), "through its owner", 0.6, null)), LIST, Set.of("y"),
                wholeListsOn(LocalDate.parse("2024-02-02")))).as("a hit through ownership").isFalse();
        assertThat(Rescreening.stillGiven(corvid.engagement(), withHit(atVersion2, new AssessedHit(y.party(), "Corvid Tradng",
                        y.list(), y.category(), y.sourceId(), y.entityName(), y.matchedName(), y.score(), y.listedOn(), y.delistedOn(),
                        y.programs(), y.explanation(), y.versionId(), null, null, null)), LIST, Set.of("y"),
                wholeListsOn(LocalDate.parse("2024-02-02")))).as("a hit another name gave").isFalse();

        // a hit the change matched and the assessment does not count: the names that matched it settle whether the
        // whole lists give it (here they do, so the engagement is assessed in full)
        SubjectIndex.Subject party = SubjectIndex.subjects(corvid.engagement()).getFirst();
        assertThat(Rescreening.anyGiven(corvid.engagement(), LIST, Set.of("y"), Map.of(party, Set.of("y")),
                wholeListsOn(LocalDate.parse("2024-02-02")))).as("the whole lists give the hit its name matched").isTrue();
        assertThat(Rescreening.anyGiven(corvid.engagement(), LIST, Set.of("y"), Map.of(),
                wholeListsOn(LocalDate.parse("2024-02-02")))).as("matched through no name the engagement holds").isTrue();

        // version 3 revises the entry (remarks only) and lists 640 more look-alikes: so many names now collect more
        // of the query's weight than the misspelt one that the whole index no longer compares it, and the hit closes
        clock.set(LocalDate.parse("2024-03-02"));
        importVersion(dir, "2024-03-01", 900, "revised");
        assertThat(hits(corvid)).as("recorded after the delta re-screening").isEqualTo(wholeLists(corvid, "2024-03-02"));
        assertThat(alerts.forEngagement(corvid.id())).filteredOn(a -> a.kind() == AlertKind.HIT_CLOSED)
                .extracting(Alert::sourceId).containsExactly("y");
        // the change's names still match the engagement's (only the remarks changed): the whole lists settled it
        assertThat(Rescreening.stillGiven(corvid.engagement(), atVersion2, LIST, Set.of("y"),
                wholeListsOn(LocalDate.parse("2024-03-02")))).as("the whole lists no longer give the hit").isFalse();
        // nor would they give it as a new one: the change's small index matching it is not enough to assess in full
        assertThat(Rescreening.anyGiven(corvid.engagement(), LIST, Set.of("y"), Map.of(party, Set.of("y")),
                wholeListsOn(LocalDate.parse("2024-03-02")))).as("the whole lists do not give the hit its name matched").isFalse();

        // version 4 lists another misspelt look-alike among them: the change matches it, the whole lists do not give it,
        // and the delta leaves the engagement as it was
        clock.set(LocalDate.parse("2024-04-02"));
        ImportResult v4 = importVersion(dir, "2024-04-01", 900, "revised", "z,Corvid Tradin Ltd,,Organization,,,2020-01-01,,,,,");
        assertThat(wholeLists(corvid, "2024-04-02")).as("the whole lists give no hit").isEmpty();
        assertThat(hits(corvid)).isEmpty();
        assertThat(alerts.forEngagement(corvid.id())).filteredOn(a -> "z".equals(a.sourceId())).isEmpty();
        assertThat(rescreening.summaryFor(v4.version().id()).orElseThrow().reassessed()).isZero();
    }

    private NameScreenings wholeListsOn(LocalDate asOf) {
        return NameScreenings.each(screening.snapshot(), asOf);
    }

    private static Assessment withHit(Assessment a, AssessedHit hit) {
        return new Assessment(a.tier(), a.policyVersion(), a.asOf(), a.dimensions(), a.reasons(), List.of(hit), a.clearedHits(),
                a.directives(), a.listVersions(), a.ownership());
    }

    /**
     * The benchmark's {@code new-460}: a visitor entered as a person under a company's name ("Isis-Tunisia
     * Ltd") matches an entry of no stated kind (a legal entity) that a version adds. Screening lets a
     * person match a legal entity; the delta must not ask the question the other way round (an
     * organisation's name against persons' names, which screening never matches).
     */
    @Test
    void aPersonPartyMatchingAnAddedLegalEntityIsAlertedByTheDelta() throws Exception {
        Path dir = Files.createTempDirectory("kind-lists");
        importLines(dir, "kind_watchlist", "2024-01-10", List.of("w-0,Aldgate Pewter Guild,,Organization,GB,,2020-01-01,,,,,"));
        clock.set(LocalDate.parse("2024-01-15"));
        StoredEngagement visit = engagements.submit(visit("Isis-Tunisia Ltd"), "visit", "pi");
        assertThat(hits(visit)).isEmpty();

        clock.set(LocalDate.parse("2024-02-02"));
        importLines(dir, "kind_watchlist", "2024-02-01", List.of("w-0,Aldgate Pewter Guild,,Organization,GB,,2020-01-01,,,,,",
                "le-1,Isis-Tunisia Air,Isis-Tunisia,LegalEntity,IQ,,2020-01-01,,,,,"));
        assertThat(wholeLists(visit, "2024-02-02")).as("the whole lists give the hit").containsExactly("le-1");
        assertThat(hits(visit)).as("recorded after the delta re-screening").containsExactly("le-1");
        assertThat(alerts.forEngagement(visit.id())).filteredOn(a -> a.kind() == AlertKind.NEW_HIT)
                .extracting(Alert::sourceId).containsExactly("le-1");
    }

    /** A version of the list: an unrelated entry, and from the second on the misspelt name and its look-alikes. */
    private ImportResult importVersion(Path dir, String effective, int lookAlikes, String remarks, String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of(more));
        lines.add("w-0,Aldgate Pewter Guild,,Organization,GB,,2020-01-01,,,,,");
        if (lookAlikes > 0) {
            lines.add("y,Corvid Tradng Ltd,,Organization,,,2020-01-01,,,,," + (remarks == null ? "" : remarks));
        }
        for (int i = 0; i < lookAlikes; i++) {
            lines.add("d-" + i + ",Corvid Trading Ltd " + WORDS[i % 12] + " " + WORDS[i / 12 % 12] + " " + WORDS[i / 144 % 12]
                    + " No " + i + ",,Organization,,,2020-01-01,,,,,");
        }
        return importLines(dir, LIST, effective, lines);
    }
}
