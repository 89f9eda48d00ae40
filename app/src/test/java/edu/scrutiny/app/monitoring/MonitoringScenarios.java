package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring's scenarios on each database (a subclass per database): list versions arrive as the
 * Entity List changed between 2016 and 2019, with engagements stored in between; the clock moves.
 */
@SpringBootTest(classes = {ScrutinyApplication.class, MonitoringScenarios.Clocks.class})
abstract class MonitoringScenarios {
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2016-03-10T12:00:00Z"));
        }
    }

    @Autowired MutableClock clock;
    @Autowired ListCatalog catalog;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired Alerts alerts;
    @Autowired Rescreening rescreening;
    @Autowired AuditLog audit;

    private ImportResult importVersion(String date) throws Exception {
        return EntityListVersions.importVersion(catalog, date);
    }

    private StoredEngagement submit(String name) {
        return engagements.submit(Scenarios.engagement("../monitoring/" + name), name, "test");
    }

    private Tier tier(StoredEngagement e) {
        return assessments.latest(e.id()).orElseThrow().assessment().tier();
    }

    private List<Alert> alertsFor(StoredEngagement e, AlertKind kind) {
        return alerts.forEngagement(e.id()).stream().filter(a -> a.kind() == kind).toList();
    }

    @Test
    void listChangesReachEveryStoredEngagement() throws Exception {
        clock.set(LocalDate.parse("2016-03-10"));
        importVersion("2016-03-08");
        clock.set(LocalDate.parse("2016-04-02"));
        StoredEngagement zteUsa = submit("zte-usa-2016-04");
        StoredEngagement zte = submit("zte-collaboration-2016-04");
        assertThat(tier(zteUsa)).as("100% owned by a listed party: treated as listed").isEqualTo(Tier.ELEVATED);
        assertThat(tier(zte)).isEqualTo(Tier.ELEVATED);

        // March 2017: ZTE is removed. Both hits close; ZTE USA comes down, ZTE (in China) does not
        clock.set(LocalDate.parse("2017-03-30"));
        ImportResult removal = importVersion("2017-03-29");
        assertThat(removal.removed()).isEqualTo(2);
        RescreenSummary r = rescreening.summaryFor(removal.version().id()).orElseThrow();
        assertThat(r.engagements()).isEqualTo(2);
        assertThat(r.reassessed()).isEqualTo(2);
        assertThat(alertsFor(zteUsa, AlertKind.HIT_CLOSED)).singleElement().satisfies(a -> {
            assertThat(a.list()).isEqualTo("us_bis_entity_list");
            assertThat(a.sourceId()).isEqualTo("el-zte");
            assertThat(a.entityName()).contains("ZTE");
        });
        assertThat(tier(zteUsa)).as("no other factor holds it up").isEqualTo(Tier.STANDARD);
        assertThat(alertsFor(zteUsa, AlertKind.TIER_CHANGED)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("ELEVATED -> STANDARD"));
        assertThat(alertsFor(zte, AlertKind.HIT_CLOSED)).hasSize(1);
        assertThat(tier(zte)).as("a party in China still holds it up").isEqualTo(Tier.ELEVATED);
        assertThat(alertsFor(zte, AlertKind.TIER_CHANGED)).isEmpty();

        // March 2019: collaborations with Huawei and with its US arm, before the Entity List addition
        clock.set(LocalDate.parse("2019-03-20"));
        StoredEngagement huawei = submit("huawei-collaboration-2019-03");
        StoredEngagement futurewei = submit("futurewei-2019-03");
        assertThat(assessments.latest(huawei.id()).orElseThrow().assessment().hits()).isEmpty();
        assertThat(tier(futurewei)).isEqualTo(Tier.STANDARD);
        double exportControlBefore = assessments.latest(huawei.id()).orElseThrow().assessment().dimensions().get("export_control");

        // May 2019: Huawei is added, effective 2019-05-16
        clock.set(LocalDate.parse("2019-05-20"));
        ImportResult addition = importVersion("2019-05-16");
        assertThat(addition.added()).isEqualTo(1);
        RescreenSummary s = rescreening.summaryFor(addition.version().id()).orElseThrow();
        assertThat(s.engagements()).isEqualTo(4);
        assertThat(s.reassessed()).as("only the engagements the change concerns are re-assessed").isEqualTo(2);

        assertThat(alertsFor(huawei, AlertKind.NEW_HIT)).singleElement().satisfies(a -> {
            assertThat(a.sourceId()).isEqualTo("el-huawei");
            assertThat(a.entityName()).isEqualTo("Huawei Technologies Co., Ltd.");
        });
        var huaweiNow = assessments.latest(huawei.id()).orElseThrow().assessment();
        assertThat(huaweiNow.reasons()).extracting(reason -> reason.code()).contains("EXPORT_CONTROL_HIT");
        assertThat(huaweiNow.dimensions().get("export_control")).isGreaterThan(exportControlBefore);
        assertThat(tier(huawei)).as("already ELEVATED as a party in China; it does not come down").isEqualTo(Tier.ELEVATED);
        assertThat(engagements.find(huawei.id()).orElseThrow().status()).as("reopened for review").isEqualTo(EngagementStatus.IN_REVIEW);

        assertThat(alertsFor(futurewei, AlertKind.NEW_HIT)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("through ownership"));
        assertThat(tier(futurewei)).isEqualTo(Tier.ELEVATED);
        assertThat(alertsFor(futurewei, AlertKind.TIER_CHANGED)).singleElement()
                .satisfies(a -> assertThat(a.detail()).contains("STANDARD -> ELEVATED"));
        assertThat(alertsFor(zteUsa, AlertKind.NEW_HIT)).isEmpty();

        // alerts, the reopening and the re-assessments are in the audit trail, and the chain holds
        assertThat(audit.recent("engagement", futurewei.id())).extracting(AuditRecord::action)
                .contains("alert.raised", "engagement.status_changed", "assessment.recorded");
        assertThat(audit.verify().intact()).isTrue();

        // August 2019: the Huawei entry is revised (an alias added) and affiliates are added; no engagement's
        // hits change, so none is re-assessed and nothing is raised
        clock.set(LocalDate.parse("2019-08-21"));
        int before = alerts.open().size();
        long huaweiAssessment = assessments.latest(huawei.id()).orElseThrow().id();
        ImportResult revision = importVersion("2019-08-19");
        assertThat(revision.added()).isEqualTo(2);
        assertThat(revision.changed()).isEqualTo(1);
        RescreenSummary unchanged = rescreening.summaryFor(revision.version().id()).orElseThrow();
        assertThat(unchanged.reassessed()).as("Huawei's hit and Futurewei's (through its owner) are the same").isZero();
        assertThat(unchanged.alerts()).isZero();
        assertThat(alerts.open()).hasSize(before);
        assertThat(assessments.latest(huawei.id()).orElseThrow().id()).isEqualTo(huaweiAssessment);

        // a withdrawn engagement is no longer monitored; re-running raises nothing twice
        engagements.changeStatus(zte.id(), EngagementStatus.WITHDRAWN, "test");
        int open = alerts.open().size();
        RescreenSummary again = rescreening.rescreen(revision.version().id());
        assertThat(again.engagements()).isEqualTo(3);
        assertThat(again.alerts()).isZero();
        assertThat(alerts.open()).hasSize(open);
    }
}
