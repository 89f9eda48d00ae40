package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.policy.Condition;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.policy.Rule;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.review.Cases;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Huawei scenario where the tier can rise: under the default policy a Chinese
 * counterparty is ELEVATED already and an Entity List hit (export-control review) is ELEVATED too
 * ({@link MonitoringScenarios} shows that). Here the institution's policy counts a counterparty's
 * country only with sensitive research areas (as UK Trusted Research does), so the collaboration
 * on coding theory with Huawei stored in March 2019 is STANDARD until the Entity List addition
 * effective 2019-05-16 makes it ELEVATED.
 */
@SpringBootTest(classes = {ScrutinyApplication.class, EntityListTierTest.Clocks.class})
class EntityListTierTest {
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2019-03-01T12:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-tier")));
    }

    @Autowired MutableClock clock;
    @Autowired ListCatalog catalog;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired Alerts alerts;
    @Autowired Policies policies;
    @Autowired Cases cases;

    private ImportResult importVersion(String date) throws Exception {
        return EntityListVersions.importVersion(catalog, date);
    }

    private Tier tier(StoredEngagement e) {
        return assessments.latest(e.id()).orElseThrow().assessment().tier();
    }

    @Test
    void huaweiCollaborationGoesUpWhenHuaweiIsListed() throws Exception {
        PolicyDocument current = policies.current().document();
        Set<Condition> countryAlone = Set.of(Condition.PARTY_COUNTRY, Condition.WORK_COUNTRY, Condition.UNKNOWN_OWNERSHIP);
        List<Rule> rules = current.rules().stream().filter(r -> !countryAlone.contains(r.when())).toList();
        policies.update(new PolicyDocument("countries count with sensitive research areas only", rules,
                current.reviewEveryMonths()), "test: a Trusted Research policy", "test");

        importVersion("2017-03-29");
        clock.set(LocalDate.parse("2019-03-20"));
        StoredEngagement huawei = engagements.submit(
                Scenarios.engagement("../monitoring/huawei-collaboration-2019-03"), "huawei-collaboration-2019-03", "pi");
        assertThat(tier(huawei)).isEqualTo(Tier.STANDARD);
        assertThat(engagements.find(huawei.id()).orElseThrow().status()).isEqualTo(EngagementStatus.AUTO_CLEARED);

        clock.set(LocalDate.parse("2019-05-20"));
        importVersion("2019-05-16");

        assertThat(alerts.forEngagement(huawei.id())).extracting(Alert::kind)
                .containsExactlyInAnyOrder(AlertKind.NEW_HIT, AlertKind.TIER_CHANGED);
        assertThat(alerts.forEngagement(huawei.id()).stream().filter(a -> a.kind() == AlertKind.TIER_CHANGED))
                .singleElement().satisfies(a -> assertThat(a.detail()).contains("STANDARD -> ELEVATED"));
        assertThat(tier(huawei)).as("its tier goes up").isEqualTo(Tier.ELEVATED);
        assertThat(assessments.latestTiers()).as("lists of engagements show the latest tier").containsEntry(huawei.id(), Tier.ELEVATED);
        assertThat(assessments.latest(huawei.id()).orElseThrow().assessment().reasons())
                .extracting(r -> r.code()).containsExactly("EXPORT_CONTROL_HIT");
        assertThat(engagements.find(huawei.id()).orElseThrow().status()).as("reopened for review").isEqualTo(EngagementStatus.IN_REVIEW);
        assertThat(cases.latestFor(huawei.id())).hasValueSatisfying(c -> {
            assertThat(c.tier()).isEqualTo(Tier.ELEVATED);
            assertThat(c.status().isOpen()).isTrue();
        });
    }
}
