package edu.scrutiny.app;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.assessment.RecordedAssessment;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.Policy;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.policy.Rule;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios of the application-core issue, run against each database by a subclass: the
 * Huawei/ZTE history of the Entity List and the Denied Persons List, the MIT directive of April
 * 2019, the institutional country list, and an unremarkable German collaboration.
 */
@SpringBootTest(classes = ScrutinyApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssessmentScenarios {
    @Autowired ListCatalog catalog;
    @Autowired Directives directives;
    @Autowired Assessor assessor;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired CountryLists countryLists;
    @Autowired Policies policies;
    @Autowired JdbcClient jdbc;
    @Autowired HitClearances clearances;
    @Autowired Screening screening;

    @BeforeAll
    void importTheFacts() throws Exception {
        ImportResult april = catalog.importList(Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv"),
                LocalDate.parse("2019-04-01"), ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        assertThat(april.version().entries()).isEqualTo(3);
        ImportResult june = catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"),
                LocalDate.parse("2019-06-01"), ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        assertThat(june.added()).isEqualTo(2);
        assertThat(june.previous().id()).isEqualTo(april.version().id());
        catalog.importList(Scenarios.path("lists/us_bis_dpl.csv"), LocalDate.parse("2018-04-15"), ListCategory.DENIAL,
                ListCatalog.ImportProgress.NONE, "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test");
    }

    private Assessment assess(String engagement, String asOf) {
        return assessor.assess(Scenarios.engagement(engagement), asOf == null ? null : LocalDate.parse(asOf));
    }

    private static List<String> codes(Assessment a) {
        return a.reasons().stream().map(Assessment.Reason::code).distinct().toList();
    }

    private static List<String> hitLists(Assessment a) {
        return a.hits().stream().map(AssessedHit::list).toList();
    }

    @Test
    void huaweiSponsoredResearchInJune2019IsProhibitedByTheDirectiveAndTheEntityList() {
        Assessment a = assess("huawei-2019-06-01", null);
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(a.asOf()).isEqualTo(LocalDate.parse("2019-06-01"));
        assertThat(a.directives()).extracting(Assessment.AppliedDirective::id).containsExactly("mit-2019-huawei-zte");
        assertThat(a.hits()).singleElement().satisfies(h -> {
            assertThat(h.list()).isEqualTo("us_bis_entity_list");
            assertThat(h.sourceId()).isEqualTo("el-huawei");
            assertThat(h.category()).isEqualTo("export_control");
            assertThat(h.listedOn()).isEqualTo(LocalDate.parse("2019-05-16"));
            assertThat(h.score()).isGreaterThanOrEqualTo(0.95);
            assertThat(h.explanation()).contains("huawei");
        });
        assertThat(codes(a)).contains("DIRECTIVE", "EXPORT_CONTROL_HIT", "PARTY_COUNTRY", "SENSITIVE_AREA_COUNTRY");
        assertThat(a.reasons()).filteredOn(r -> r.code().equals("DIRECTIVE")).singleElement()
                .satisfies(r -> assertThat(r.tier()).isEqualTo(Tier.PROHIBITED));
        assertThat(a.dimensions()).containsOnlyKeys("ip", "data_security", "national_security", "export_control", "sanctions", "reputation");
        assertThat(a.dimensions().get("reputation")).isEqualTo(1.0);
        assertThat(a.dimensions().get("export_control")).isGreaterThan(0.5);
        assertThat(a.policyVersion()).isEqualTo(policies.current().version());
        assertThat(a.listVersions()).extracting(Assessment.ListVersionUsed::effectiveFrom).contains(LocalDate.parse("2019-06-01"));
    }

    @Test
    void huaweiInAprilIsProhibitedByTheDirectiveAloneWithNoEntityListHit() {
        Assessment a = assess("huawei-2019-04-10", null);
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(a.hits()).isEmpty();
        assertThat(a.directives()).extracting(Assessment.AppliedDirective::id).containsExactly("mit-2019-huawei-zte");
        assertThat(codes(a)).contains("DIRECTIVE").doesNotContain("EXPORT_CONTROL_HIT");
    }

    @Test
    void zteThroughItsListingHistory() {
        Assessment listed = assess("zte", "2016-06-01");
        assertThat(hitLists(listed)).containsExactly("us_bis_entity_list");
        assertThat(listed.hits().get(0).sourceId()).isEqualTo("el-zte");
        assertThat(listed.hits().get(0).matchedName()).isIn("ZTE Corporation", "ZTE");
        assertThat(listed.tier()).isEqualTo(Tier.ELEVATED);
        assertThat(listed.directives()).isEmpty();

        Assessment removed = assess("zte", "2017-06-01");
        assertThat(removed.hits()).isEmpty();
        assertThat(codes(removed)).doesNotContain("EXPORT_CONTROL_HIT", "DENIAL_HIT");

        Assessment denied = assess("zte", "2018-05-01");
        assertThat(hitLists(denied)).containsExactly("us_bis_dpl");
        assertThat(denied.hits().get(0).category()).isEqualTo("denial");
        assertThat(denied.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(codes(denied)).contains("DENIAL_HIT");

        Assessment directive = assess("zte", "2019-04-10");
        assertThat(directive.hits()).isEmpty();
        assertThat(directive.directives()).extracting(Assessment.AppliedDirective::id).containsExactly("mit-2019-huawei-zte");
        assertThat(directive.tier()).isEqualTo(Tier.PROHIBITED);
    }

    @Test
    void aSaudiGiftIsElevatedByTheInstitutionalCountryListAlone() {
        Assessment a = assess("saudi-gift-2020", null);
        assertThat(a.tier()).isEqualTo(Tier.ELEVATED);
        assertThat(a.hits()).isEmpty();
        assertThat(a.directives()).isEmpty();
        assertThat(a.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("PARTY_COUNTRY");
            assertThat(r.detail()).contains("elevated_risk").doesNotContain("countries_of_concern");
        });
        assertThat(countryLists.current(CountryList.COUNTRIES_OF_CONCERN).find("SA")).isEmpty();
    }

    @Test
    void aGermanCoPublicationMouIsStandard() {
        Assessment a = assess("german-mou", null);
        assertThat(a.tier()).isEqualTo(Tier.STANDARD);
        assertThat(a.reasons()).isEmpty();
        assertThat(a.hits()).isEmpty();
        assertThat(a.dimensions().values()).allMatch(v -> v == 0.0);
    }

    @Test
    void aCompanyMajorityOwnedByAListedPartyIsTreatedAsListedAndReachedByTheDirective() {
        Engagement e = Scenarios.engagement("huawei-2019-06-01");
        Engagement.Party shell = new Engagement.Party("Lakeside Photonics Ltd.", Engagement.Kind.ORGANIZATION, "GB",
                Engagement.Role.SPONSOR, Engagement.OrganizationType.COMPANY,
                List.of(new Engagement.Owner("Huawei Technologies Co., Ltd.", 60.0, "CN")));
        Engagement owned = new Engagement(e.title(), null, e.type(), false, null, e.submittedOn(), null, null, null, null,
                e.funding(), List.of(shell), List.of("US"), List.of("mathematics"));
        Assessment a = assessor.assess(owned, null);
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(a.hits()).singleElement().satisfies(h -> {
            assertThat(h.party()).isEqualTo("Lakeside Photonics Ltd.");
            assertThat(h.screenedName()).isEqualTo("Huawei Technologies Co., Ltd.");
            assertThat(h.ownershipShare()).isEqualTo(60.0);
            assertThat(h.via()).contains("60%");
        });
        assertThat(a.reasons()).filteredOn(r -> r.code().equals("OWNED_BY_LISTED")).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("treated as listed", "Huawei Technologies Co., Ltd. (60%, listed)", "EXPORT_CONTROL_HIT"));
        assertThat(a.directives()).singleElement().satisfies(d -> assertThat(d.via()).contains("Huawei"));
        // an owner from a country on the lists counts too
        assertThat(codes(a)).contains("PARTY_COUNTRY");

        Engagement minority = new Engagement(e.title(), null, e.type(), false, null, e.submittedOn(), null, null, null, null,
                e.funding(), List.of(new Engagement.Party(shell.name(), shell.kind(), "GB", shell.role(), shell.organizationType(),
                List.of(new Engagement.Owner("Huawei Technologies Co., Ltd.", 20.0, null), new Engagement.Owner("Lake Holdings plc", 80.0, "GB")))),
                List.of("US"), List.of("mathematics"));
        Assessment b = assessor.assess(minority, null);
        assertThat(b.hits()).isEmpty();
        assertThat(b.directives()).isEmpty();
        assertThat(b.tier()).isEqualTo(Tier.STANDARD);
    }

    @Test
    void aSubsidiaryTheListsNameAsSuchIsReachedByTheDirective() {
        Engagement e = Scenarios.engagement("huawei-2019-04-10");
        Engagement device = new Engagement(e.title(), null, e.type(), false, null, LocalDate.parse("2019-06-10"), null, null, null, null,
                e.funding(), List.of(new Engagement.Party("Huawei Device Co., Ltd.", Engagement.Kind.ORGANIZATION, "CN",
                Engagement.Role.SPONSOR, Engagement.OrganizationType.COMPANY, List.of())), List.of("US"), List.of());
        Assessment a = assessor.assess(device, null);
        assertThat(a.directives()).singleElement().satisfies(d -> {
            assertThat(d.party()).isEqualTo("Huawei Device Co., Ltd.");
            assertThat(d.via()).contains("Huawei Technologies Co., Ltd.");
        });
        // its parent is known from the list, so its ownership is not unknown
        assertThat(codes(a)).doesNotContain("OWNERSHIP_UNKNOWN");
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
    }

    @Test
    void directivesRespectTheirScope() {
        Engagement e = Scenarios.engagement("huawei-2019-04-10");
        Engagement gift = new Engagement(e.title(), null, Engagement.Type.GIFT, true, null, e.submittedOn(), null, null, null, null,
                e.funding(), e.parties(), e.workCountries(), e.researchAreas());
        // a renewal is in scope of the directive (new, renewal)
        assertThat(assessor.assess(gift, null).directives()).hasSize(1);
        Engagement before = new Engagement(e.title(), null, e.type(), false, null, LocalDate.parse("2019-04-02"), null, null, null, null,
                e.funding(), e.parties(), e.workCountries(), e.researchAreas());
        assertThat(assessor.assess(before, null).directives()).as("not yet in force on 2019-04-02").isEmpty();
    }

    @Test
    void aClearedFalsePositiveStopsCountingForThatPartyOnly() {
        Engagement e = Scenarios.engagement("zte");
        Engagement namesake = new Engagement(e.title(), null, e.type(), false, null, LocalDate.parse("2016-06-01"), null, null, null, null,
                // no country given: a namesake the screening cannot set apart by country (one in another country than the
                // listed institution's needs much more evidence, issue 11), so only the analyst's clearance does
                e.funding(), List.of(new Engagement.Party("National University of Defence Technology", Engagement.Kind.ORGANIZATION, null,
                Engagement.Role.COLLABORATOR, Engagement.OrganizationType.UNIVERSITY, List.of())), List.of("GB"), List.of());
        Assessment before = assessor.assess(namesake, null);
        assertThat(before.hits()).extracting(AssessedHit::sourceId).containsExactly("el-nudt");
        Hit hit = screening.snapshot().screen("National University of Defence Technology", false, null, LocalDate.parse("2016-06-01")).get(0);
        clearances.clear(hit, "A British namesake, not the Chinese military university", "analyst@example.edu");
        Assessment after = assessor.assess(namesake, null);
        assertThat(after.hits()).isEmpty();
        assertThat(after.clearedHits()).extracting(AssessedHit::sourceId).containsExactly("el-nudt");
        assertThat(after.tier()).isEqualTo(Tier.STANDARD);
        // the real one is still a hit
        Engagement real = new Engagement(e.title(), null, e.type(), false, null, LocalDate.parse("2016-06-01"), null, null, null, null,
                e.funding(), List.of(new Engagement.Party("National University of Defense Technology", Engagement.Kind.ORGANIZATION, "CN",
                Engagement.Role.COLLABORATOR, Engagement.OrganizationType.UNIVERSITY, List.of())), List.of("US"), List.of());
        assertThat(assessor.assess(real, null).hits()).extracting(AssessedHit::sourceId).containsExactly("el-nudt");
    }

    @Test
    void aSubmittedEngagementIsStoredWithItsAssessment() {
        StoredEngagement stored = engagements.submit(Scenarios.engagement("huawei-2019-06-01"), "test", "test");
        assertThat(stored.id()).matches("ENG-\\d{6}");
        assertThat(engagements.find(stored.id())).get().extracting(s -> s.engagement().title())
                .isEqualTo("Sponsored research agreement: 5G antenna arrays");
        RecordedAssessment recorded = assessments.latest(stored.id()).orElseThrow();
        assertThat(recorded.assessment().tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(recorded.assessment().hits()).extracting(AssessedHit::sourceId).containsExactly("el-huawei");
    }

    @Test
    void policyAndCountryListsAreVersionedDataThatChangeTheOutcome() {
        int before = policies.current().version();
        CountryList elevated = countryLists.current(CountryList.ELEVATED_RISK);
        List<CountryList.Country> withoutSaudi = new ArrayList<>(elevated.countries());
        withoutSaudi.removeIf(c -> c.code().equals("SA"));
        countryLists.update(CountryList.ELEVATED_RISK, withoutSaudi, "test: Saudi Arabia removed", null, "test");
        try {
            assertThat(assess("saudi-gift-2020", null).tier()).isEqualTo(Tier.STANDARD);
        } finally {
            countryLists.update(CountryList.ELEVATED_RISK, elevated.countries(), "test: restored", null, "test");
        }
        assertThat(countryLists.history(CountryList.ELEVATED_RISK)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(assess("saudi-gift-2020", null).tier()).isEqualTo(Tier.ELEVATED);

        // a policy in which export-control hits prohibit
        PolicyDocument current = policies.current().document();
        policies.update(exportControlProhibits(current), "test: export control prohibits", "test");
        try {
            Assessment a = assess("zte", "2016-06-01");
            assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
            assertThat(a.policyVersion()).isEqualTo(before + 1);
        } finally {
            policies.update(current, "test: restored", "test");
        }
        assertThat(assess("zte", "2016-06-01").tier()).isEqualTo(Tier.ELEVATED);
    }

    @Test
    void aPolicyVersionAnotherServerRecordsIsTheCurrentOneAtOnceAndAnUnchangedOneIsParsedOnce() {
        Policy current = policies.current();
        // parsed once while it stays the latest row: the same object again
        assertThat(policies.current()).isSameAs(current);
        // another server on the same database records a version (no event reaches this one)
        PolicyDocument document = current.document();
        jdbc.sql("INSERT INTO policy_version (version, document, note, recorded_at, recorded_by) VALUES (:v, :d, :n, :at, :by)")
                .param("v", current.version() + 1).param("d", Documents.toJson(exportControlProhibits(document)))
                .param("n", "test: recorded by another server").param("at", Timestamp.from(Instant.now())).param("by", "other").update();
        try {
            Policy other = policies.current();
            assertThat(other.version()).isEqualTo(current.version() + 1);
            assertThat(other.note()).isEqualTo("test: recorded by another server");
            Assessment a = assess("zte", "2016-06-01");
            assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
            assertThat(a.policyVersion()).isEqualTo(current.version() + 1);
        } finally {
            policies.update(document, "test: restored", "test");
        }
        assertThat(assess("zte", "2016-06-01").tier()).isEqualTo(Tier.ELEVATED);
    }

    /** The document with export-control hits prohibiting (ELEVATED in the default policy). */
    private static PolicyDocument exportControlProhibits(PolicyDocument document) {
        List<Rule> rules = document.rules().stream().map(r -> r.code().equals("EXPORT_CONTROL_HIT")
                ? new Rule(r.code(), r.when(), Tier.PROHIBITED, r.dimensions(), r.description(), r.categories(), r.fundingSources(),
                r.countryLists(), r.organizationTypes(), r.includeUnknownType()) : r).toList();
        return new PolicyDocument(document.description(), rules);
    }
}
