package edu.scrutiny.app;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.assessment.OwnershipTree;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementDocuments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.monitoring.Alert;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.monitoring.Alerts;
import edu.scrutiny.app.monitoring.OwnershipRuleDates;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ownership-and-control scenarios of issue 12, run against each database by a subclass: a
 * fictional sanctions list (a listed person, a listed bank, two listed companies, a listed
 * director; a second version lists a holding), a directive naming two companies of one group, and
 * engagements whose parties are owned or controlled by them.
 */
@SpringBootTest(classes = {ScrutinyApplication.class, OwnershipScenarios.Clocks.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OwnershipScenarios {
    /** Today is fixed: the BIS Affiliates Rule's suspension makes outcomes depend on it. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
        }
    }

    @Autowired MutableClock clock;
    @Autowired OwnershipRuleDates ruleDates;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired ListCatalog catalog;
    @Autowired Directives directives;
    @Autowired Assessor assessor;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired Alerts alerts;
    @Autowired Policies policies;
    @Autowired Users users;
    @Autowired ApiTokens tokens;
    @LocalServerPort int port;
    private String token;

    @BeforeAll
    void importTheFacts() throws Exception {
        ImportResult first = importVersion("2020-01-01");
        assertThat(first.version().entries()).isEqualTo(5);
        catalog.importList(Scenarios.path("ownership/us_bis_entity_list.csv"), LocalDate.parse("2020-01-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("ownership/directives.yaml"), "directives.yaml"), "test");
        users.add("ownership-analyst", null, null, Set.of(Role.ANALYST), null, "test");
        token = tokens.create("ownership-analyst", "OwnershipScenarios", "test").secret();
    }

    private ImportResult importVersion(String date) throws Exception {
        return catalog.importList(Scenarios.path("ownership/" + date + "/example_sanctions.csv"), LocalDate.parse(date),
                ListCategory.SANCTIONS, ListCatalog.ImportProgress.NONE, "test");
    }

    /** A gift from one donor in Great Britain, the party written as JSON (its owners and controllers included). */
    private static String engagementJson(String party) {
        return """
                {"title": "Gift for a materials laboratory", "type": "gift", "renewal": false, "submitted_on": "2024-03-01",
                 "funding": {"amount": 250000, "currency": "GBP", "source": "industry"},
                 "parties": [%s],
                 "work_countries": ["US"], "research_areas": ["mathematics"]}""".formatted(party);
    }

    private static Engagement engagement(String party) {
        return EngagementDocuments.read(engagementJson(party), "test");
    }

    private Assessment assess(String party) {
        return assessor.assess(engagement(party), LocalDate.parse("2024-03-01"));
    }

    private static List<String> codes(Assessment a) {
        return a.reasons().stream().map(Assessment.Reason::code).distinct().toList();
    }

    @Test
    void aCompanyWhollyOwnedByAListedPersonIsProhibited() {
        Assessment a = assess("""
                {"name": "Northgate Instruments Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Ivan Petrovich Sidorenko", "kind": "person", "share": 100, "country": "RU"}]}""");
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(a.hits()).singleElement().satisfies(h -> {
            assertThat(h.sourceId()).isEqualTo("sx-oligarch");
            assertThat(h.party()).isEqualTo("Northgate Instruments Ltd");
            assertThat(h.ownership().total()).isEqualTo(100.0);
        });
        assertThat(codes(a)).contains("OWNED_BY_LISTED");
        // screened as an organisation (the old behaviour), the person is never found
        Assessment asOrganization = assess("""
                {"name": "Northgate Instruments Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Ivan Petrovich Sidorenko", "kind": "organization", "share": 100, "country": "RU"}]}""");
        assertThat(asOrganization.hits()).isEmpty();
    }

    @Test
    void twoListedMinorityOwnersBlockInTheAggregate() {
        Assessment a = assess("""
                {"name": "Harbourside Coatings Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Alpha Listed Trading LLC", "share": 30, "country": "RU"},
                            {"name": "Beta Listed Shipping LLC", "share": 25, "country": "RU"},
                            {"name": "Harbour Founders Trust", "share": 45, "country": "GB"}]}""");
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(a.hits()).extracting(AssessedHit::sourceId).containsExactlyInAnyOrder("sx-alpha", "sx-beta");
        assertThat(a.hits()).allSatisfy(h -> {
            assertThat(h.ownershipShare()).isEqualTo(55.0);
            assertThat(h.ownership().paths()).hasSize(2);
        });
        assertThat(a.reasons()).filteredOn(r -> r.code().equals("OWNED_BY_LISTED")).first()
                .satisfies(r -> assertThat(r.detail()).contains("Alpha Listed Trading LLC (30%, listed)", "Beta Listed Shipping LLC (25%, listed)", "= 55%"));
        OwnershipTree tree = a.ownership().get(0);
        assertThat(tree.root().blocked()).contains("example_sanctions");
        assertThat(tree.decisions()).singleElement().satisfies(d -> {
            assertThat(d.total()).isEqualTo(55.0);
            assertThat(d.outcome()).isEqualTo("blocked");
        });
    }

    private static final String CHAIN = """
            {"name": "Meridian Optics Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
             "owners": [{"name": "Meridian Holdings Malta Limited", "kind": "organization", "share": 60, "country": "MT",
                         "owners": [{"name": "%s", "share": 60, "country": "%s"}]},
                        {"name": "Meridian Staff Fund", "share": 40, "country": "GB"}]}""";

    @Test
    void aChainOfMajoritiesBlocksIndirectlyWhereMultiplyingWouldNot() {
        Assessment a = assess(CHAIN.formatted("Example Listed Bank PJSC", "RU"));
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(a.hits()).singleElement().satisfies(h -> {
            assertThat(h.sourceId()).isEqualTo("sx-bank");
            assertThat(h.ownership().total()).isEqualTo(60.0);
            assertThat(h.ownership().paths()).singleElement().satisfies(p -> {
                assertThat(p).extracting(l -> l.name()).containsExactly("Meridian Holdings Malta Limited", "Example Listed Bank PJSC");
                assertThat(p).extracting(l -> l.status()).containsExactly("blocked", "listed");
            });
        });
        OwnershipTree.Node holding = a.ownership().get(0).root().owners().get(0);
        assertThat(holding.blocked()).contains("example_sanctions");
        assertThat(holding.owners().get(0).listed()).contains("example_sanctions");
    }

    @Test
    void theSameChainWithAnUnlistedTopIsStandard() {
        Assessment a = assess(CHAIN.formatted("Riverside Mutual Savings Bank", "NL"));
        assertThat(a.tier()).isEqualTo(Tier.STANDARD);
        assertThat(a.hits()).isEmpty();
        assertThat(a.reasons()).isEmpty();
    }

    @Test
    void aListedThirtyPercentOwnerIsElevatedNotBlocked() {
        Assessment a = assess("""
                {"name": "Harbourside Coatings Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Alpha Listed Trading LLC", "share": 30, "country": "RU"},
                            {"name": "Harbour Founders Trust", "share": 70, "country": "GB"}]}""");
        assertThat(a.hits()).isEmpty();
        assertThat(a.tier()).isEqualTo(Tier.ELEVATED);
        assertThat(a.reasons()).filteredOn(r -> r.code().equals("LISTED_MINORITY_OWNER")).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("Alpha Listed Trading LLC", "30%"));
        assertThat(codes(a)).doesNotContain("OWNED_BY_LISTED", "SANCTIONS_HIT");
        assertThat(a.ownership().get(0).decisions()).singleElement().satisfies(d -> assertThat(d.outcome()).isEqualTo("not_blocked"));
    }

    @Test
    void aListedDirectorIsElevated() {
        Assessment a = assess("""
                {"name": "Harbourside Coatings Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Harbour Founders Trust", "share": 100, "country": "GB"}],
                 "controllers": [{"name": "Boris Nikolaevich Petrenko", "kind": "person", "role": "director", "country": "RU"}]}""");
        assertThat(a.hits()).isEmpty();
        assertThat(a.tier()).isEqualTo(Tier.ELEVATED);
        assertThat(a.reasons()).filteredOn(r -> r.code().equals("LISTED_CONTROLLER")).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("Boris Nikolaevich Petrenko", "director"));
        assertThat(a.ownership().get(0).root().controllers()).singleElement()
                .satisfies(c -> assertThat(c.listed()).contains("example_sanctions"));
    }

    @Test
    void aDirectiveReachesASubsidiaryInTheAggregate() {
        Assessment a = assess("""
                {"name": "Lyra Sensors Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Orion Dynamics Corporation", "share": 30, "country": "US"},
                            {"name": "Orion Aerospace Limited", "share": 25, "country": "GB"},
                            {"name": "Lyra Founders", "share": 45, "country": "GB"}]}""");
        assertThat(a.directives()).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("orion-2024");
            assertThat(d.party()).isEqualTo("Lyra Sensors Ltd");
            assertThat(d.via()).contains("Orion Dynamics Corporation (30%", "Orion Aerospace Limited (25%", "= 55%");
        });
        assertThat(a.tier()).isEqualTo(Tier.PROHIBITED);
        // one of them alone does not reach it
        Assessment one = assess("""
                {"name": "Lyra Sensors Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Orion Dynamics Corporation", "share": 30, "country": "US"},
                            {"name": "Lyra Founders", "share": 70, "country": "GB"}]}""");
        assertThat(one.directives()).isEmpty();
    }

    @Test
    void aListVersionThatBlocksAnOwnerReachesTheOwnedEngagement() throws Exception {
        StoredEngagement owned = engagements.submit(engagement("""
                {"name": "Alpine Precision Ltd", "kind": "organization", "country": "GB", "role": "donor", "organization_type": "company",
                 "owners": [{"name": "Alpine Group Holding AG", "share": 100, "country": "CH",
                             "owners": [{"name": "Gamma Listed Holdings AG", "share": 60, "country": "CH"}]}]}"""), "test", "test");
        assertThat(assessments.latest(owned.id()).orElseThrow().assessment().tier()).isEqualTo(Tier.STANDARD);

        importVersion("2024-06-01");

        Assessment now = assessments.latest(owned.id()).orElseThrow().assessment();
        assertThat(now.tier()).isEqualTo(Tier.PROHIBITED);
        assertThat(now.hits()).singleElement().satisfies(h -> assertThat(h.sourceId()).isEqualTo("sx-gamma"));
        List<Alert> raised = alerts.forEngagement(owned.id());
        assertThat(raised).filteredOn(x -> x.kind() == AlertKind.NEW_HIT).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("through ownership", "Gamma Listed Holdings AG"));
        assertThat(raised).filteredOn(x -> x.kind() == AlertKind.TIER_CHANGED).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("STANDARD -> PROHIBITED"));
    }

    private static final String KESTREL_SUBSIDIARY = """
            {"name": "Falcon Components GmbH", "kind": "organization", "country": "DE", "role": "donor", "organization_type": "company",
             "owners": [{"name": "Kestrel Avionics Company Limited", "share": 60, "country": "CN"},
                        {"name": "Falcon Founders GmbH", "share": 40, "country": "DE"}]}""";

    @Test
    void theAffiliatesRuleIsDataWithItsSuspensionAndTheDailyJobActsWhenItsDatesArrive() {
        Engagement e = engagement(KESTREL_SUBSIDIARY);
        // in force from 2025-09-29: the subsidiary is treated as listed
        Assessment inForce = assessor.assess(e, LocalDate.parse("2025-10-01"));
        assertThat(inForce.hits()).singleElement().satisfies(h -> {
            assertThat(h.sourceId()).isEqualTo("el-kestrel");
            assertThat(h.ownership().rule()).contains("Affiliates Rule");
        });
        assertThat(codes(inForce)).contains("OWNED_BY_LISTED");
        // suspended from 2025-11-10 until 2026-11-10: a red flag, not a listing
        Assessment suspended = assessor.assess(e, LocalDate.parse("2026-06-01"));
        assertThat(suspended.hits()).isEmpty();
        assertThat(suspended.tier()).isEqualTo(Tier.ELEVATED);
        assertThat(suspended.reasons()).filteredOn(r -> r.code().equals("LISTED_MINORITY_OWNER")).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("suspended"));
        assertThat(suspended.ownership().get(0).decisions()).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo("suspended"));

        // stored while suspended; when the suspension ends, the daily job re-assesses it
        clock.set(LocalDate.parse("2026-06-01"));
        StoredEngagement stored = engagements.submit(EngagementDocuments.read(engagementJson(KESTREL_SUBSIDIARY)
                .replace("2024-03-01", "2026-06-01"), "test"), "test", "test");
        assertThat(assessments.latest(stored.id()).orElseThrow().assessment().hits()).isEmpty();
        clock.set(LocalDate.parse("2026-11-09"));
        assertThat(ruleDates.check()).as("no rule date has arrived since it was assessed").isZero();
        clock.set(LocalDate.parse("2026-11-10"));
        try {
            assertThat(ruleDates.check()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.set(LocalDate.parse("2026-12-02"));
        }
        Assessment after = assessments.latest(stored.id()).orElseThrow().assessment();
        assertThat(after.hits()).singleElement().satisfies(h -> assertThat(h.sourceId()).isEqualTo("el-kestrel"));
        assertThat(alerts.forEngagement(stored.id())).filteredOn(x -> x.kind() == AlertKind.NEW_HIT).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("ownership rules' change of 2026-11-10"));
    }

    @Test
    void badOwnershipIsA400NamingTheFieldAndNothingIsStored() throws Exception {
        int before = engagements.all().size();
        assertProblem("""
                {"name": "Cycle Ltd", "kind": "organization", "country": "GB", "role": "donor",
                 "owners": [{"name": "Loop Holdings", "share": 60, "country": "GB",
                             "owners": [{"name": "Cycle  Ltd.", "share": 100, "country": "GB"}]}]}""",
                "parties[0].owners[0].owners[0].name", "cycle");
        assertProblem("""
                {"name": "Over Ltd", "kind": "organization", "country": "GB", "role": "donor",
                 "owners": [{"name": "A", "share": 60}, {"name": "B", "share": 50}, {"name": "C"}]}""",
                "parties[0].owners", "110%");
        assertProblem("""
                {"name": "Deep Ltd", "kind": "organization", "country": "GB", "role": "donor",
                 "owners": [{"name": "L1", "owners": [{"name": "L2", "owners": [{"name": "L3", "owners": [{"name": "L4",
                   "owners": [{"name": "L5", "owners": [{"name": "L6"}]}]}]}]}]}]}""",
                "parties[0].owners[0].owners[0].owners[0].owners[0].owners[0].owners", "at most 5");
        assertProblem("""
                {"name": "Kind Ltd", "kind": "organization", "country": "GB", "role": "donor",
                 "owners": [{"name": "A", "kind": "trust", "share": 10}]}""",
                "parties[0].owners[0].kind", "'trust' is not one of");
        assertProblem("""
                {"name": "Role Ltd", "kind": "organization", "country": "GB", "role": "donor",
                 "controllers": [{"name": "A Person", "role": "chairman"}]}""",
                "parties[0].controllers[0].role", "'chairman' is not one of");
        assertThat(engagements.all()).hasSize(before);
    }

    private void assertProblem(String party, String field, String message) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/engagements"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(engagementJson(party))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode problems = JSON.readTree(r.body()).get("problems");
        assertThat(problems).as(r.body()).anySatisfy(p -> {
            assertThat(p.get("field").asString()).isEqualTo(field);
            assertThat(p.get("message").asString()).contains(message);
        });
    }
}
