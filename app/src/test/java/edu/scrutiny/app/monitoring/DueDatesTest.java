package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import edu.scrutiny.app.testsupport.MutableClock;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Directives, country lists and engagements come due on their dates; the clock moves. */
@SpringBootTest(classes = {ScrutinyApplication.class, DueDatesTest.Clocks.class})
class DueDatesTest {
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2019-06-03T12:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-due")));
    }

    @Autowired MutableClock clock;
    @Autowired DueDates dueDates;
    @Autowired Alerts alerts;
    @Autowired Directives directives;
    @Autowired CountryLists countryLists;
    @Autowired Engagements engagements;

    private List<AlertKind> kinds() {
        return alerts.open().stream().map(Alert::kind).toList();
    }

    @Test
    void dueItemsRaiseAlertsOnceWhenDueAndOnceWhenOverdue() {
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test"); // revisit by 2020-04-03
        CountryList elevated = countryLists.current(CountryList.ELEVATED_RISK);
        countryLists.update(CountryList.ELEVATED_RISK, elevated.countries(), "annual review", LocalDate.parse("2020-01-31"), "test");
        StoredEngagement saudi = engagements.submit(Scenarios.engagement("saudi-gift-2020"), "test", "test"); // ELEVATED: re-review every 12 months
        StoredEngagement german = engagements.submit(Scenarios.engagement("german-mou"), "test", "test");     // STANDARD: every 36 months

        assertThat(dueDates.check()).isZero();

        clock.set(LocalDate.parse("2020-01-31"));
        assertThat(dueDates.check()).isEqualTo(1);
        assertThat(kinds()).containsExactly(AlertKind.COUNTRY_LIST_REVISIT_DUE);

        clock.set(LocalDate.parse("2020-04-03"));
        assertThat(dueDates.check()).isEqualTo(2); // the directive is due; the country list is 63 days overdue
        assertThat(kinds()).containsExactly(AlertKind.COUNTRY_LIST_REVISIT_DUE, AlertKind.DIRECTIVE_REVISIT_DUE,
                AlertKind.COUNTRY_LIST_REVISIT_DUE);
        assertThat(alerts.open().get(2).detail()).contains("overdue by 63 days");
        assertThat(dueDates.check()).as("nothing is raised twice").isZero();

        clock.set(LocalDate.parse("2020-06-03"));
        dueDates.check();
        assertThat(alerts.forEngagement(saudi.id())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.REVIEW_DUE);
            assertThat(a.detail()).contains("every 12 months").contains("due 2020-06-03");
        });
        assertThat(alerts.forEngagement(german.id())).isEmpty();

        clock.set(LocalDate.parse("2022-06-03"));
        dueDates.check();
        assertThat(alerts.forEngagement(german.id())).extracting(Alert::kind).containsExactly(AlertKind.REVIEW_DUE);
    }
}
