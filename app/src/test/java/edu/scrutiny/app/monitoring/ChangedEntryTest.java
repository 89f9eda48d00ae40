package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.Screening;
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

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changed entry whose names stay the same can still change an assessment: here a revision names
 * the listed entry's parent, itself listed, so the engagement whose counted hit is on the entry is
 * re-assessed and gains a hit through ownership (fictional entries on an institution's watchlist).
 */
@SpringBootTest(classes = {ScrutinyApplication.class, ChangedEntryTest.Clocks.class})
class ChangedEntryTest {
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2020-01-10T12:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-changed")));
    }

    @Autowired MutableClock clock;
    @Autowired ListCatalog catalog;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired Alerts alerts;
    @Autowired Rescreening rescreening;
    @Autowired Screening screening;
    @Autowired HitClearances clearances;

    private ImportResult importVersion(String date) throws Exception {
        return importVersion(date, "institution_watchlist");
    }

    private ImportResult importVersion(String date, String list) throws Exception {
        return catalog.importList(Scenarios.path("monitoring/parents/" + date + "/" + list + ".csv"), LocalDate.parse(date),
                ListCategory.WATCHLIST, ListCatalog.ImportProgress.NONE, "test");
    }

    @Test
    void aRevisionNamingAListedParentReachesTheEngagementsThatMatchTheEntry() throws Exception {
        importVersion("2020-01-10");
        clock.set(LocalDate.parse("2020-02-03"));
        StoredEngagement northwind = engagements.submit(Scenarios.engagement("../monitoring/northwind-2020-02"), "northwind", "pi");
        assertThat(assessments.latest(northwind.id()).orElseThrow().assessment().hits()).extracting(AssessedHit::sourceId)
                .containsExactly("w-1");

        clock.set(LocalDate.parse("2020-06-02"));
        ImportResult revision = importVersion("2020-06-01");
        assertThat(revision.changed()).isEqualTo(1);
        assertThat(rescreening.summaryFor(revision.version().id()).orElseThrow().reassessed()).isEqualTo(1);
        assertThat(assessments.latest(northwind.id()).orElseThrow().assessment().hits())
                .filteredOn(h -> h.sourceId().equals("w-2")).singleElement()
                .satisfies(h -> assertThat(h.via()).contains("Eastmere Holding Group"));
        assertThat(alerts.forEngagement(northwind.id())).filteredOn(a -> a.kind() == AlertKind.NEW_HIT).singleElement()
                .satisfies(a -> {
                    assertThat(a.sourceId()).isEqualTo("w-2");
                    assertThat(a.detail()).contains("through ownership");
                });
    }

    @Test
    void aParentListedLaterReachesTheEngagementsThatMatchItsListedChildren() throws Exception {
        clock.set(LocalDate.parse("2021-03-02"));
        importVersion("2021-03-01", "corporate_families");
        clock.set(LocalDate.parse("2021-03-10"));
        StoredEngagement silverline = engagements.submit(Scenarios.engagement("../monitoring/silverline-2021-03"), "silverline", "pi");
        assertThat(assessments.latest(silverline.id()).orElseThrow().assessment().hits()).extracting(AssessedHit::sourceId)
                .containsExactly("f-1");

        // the parent the list names is listed itself: no engagement names it, but Silverline matches its child
        clock.set(LocalDate.parse("2021-09-02"));
        ImportResult parent = importVersion("2021-09-01", "corporate_families");
        assertThat(parent.added()).isEqualTo(1);
        assertThat(rescreening.summaryFor(parent.version().id()).orElseThrow().reassessed()).isEqualTo(1);
        assertThat(alerts.forEngagement(silverline.id())).filteredOn(a -> a.kind() == AlertKind.NEW_HIT).singleElement()
                .satisfies(a -> {
                    assertThat(a.sourceId()).isEqualTo("f-2");
                    assertThat(a.detail()).contains("through ownership");
                });
    }

    @Test
    void aChangeToAnEntryVoidsTheFalsePositiveClearancesOnItAndTheHitCountsAgain() throws Exception {
        clock.set(LocalDate.parse("2022-01-11"));
        importVersion("2022-01-10", "vendor_watchlist");
        clock.set(LocalDate.parse("2022-02-01"));
        StoredEngagement kestrel = engagements.submit(Scenarios.engagement("../monitoring/kestrel-2022-02"), "kestrel", "pi");
        // an analyst finds it is another company of that name, and clears the hit
        clearances.clear(screening.snapshot().screen("Kestrel Imaging Ltd", false, "GB", LocalDate.parse("2022-02-01")).getFirst(),
                "another company: different registration number", "ana");
        assessments.assessAndRecord(kestrel.id(), LocalDate.parse("2022-02-01"), "ana");
        assertThat(assessments.latest(kestrel.id()).orElseThrow().assessment().hits()).isEmpty();

        // the entry is revised (remarks only, no new name): the clearance no longer holds, so the hit counts again
        clock.set(LocalDate.parse("2022-06-02"));
        ImportResult revision = importVersion("2022-06-01", "vendor_watchlist");
        assertThat(revision.changed()).isEqualTo(1);
        assertThat(rescreening.summaryFor(revision.version().id()).orElseThrow().reassessed()).isEqualTo(1);
        assertThat(assessments.latest(kestrel.id()).orElseThrow().assessment().hits()).extracting(AssessedHit::sourceId)
                .containsExactly("v-1");
        assertThat(alerts.forEngagement(kestrel.id())).filteredOn(a -> a.kind() == AlertKind.NEW_HIT).singleElement()
                .satisfies(a -> assertThat(a.sourceId()).isEqualTo("v-1"));
    }
}
