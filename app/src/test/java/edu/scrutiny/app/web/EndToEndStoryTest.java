package edu.scrutiny.app.web;

import edu.scrutiny.app.testsupport.Browser;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.review.CaseRecords;
import edu.scrutiny.app.review.CaseStatus;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.Mitigation;
import edu.scrutiny.app.review.Outcome;
import edu.scrutiny.app.review.ReviewCase;
import edu.scrutiny.app.review.Stage;
import edu.scrutiny.app.review.Verdict;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main story of the web interface, end to end in headless Chromium, each step through the pages
 * as its user would take it, with a screenshot of each page (under target/screenshots): a submitter
 * files, through the intake form, a collaboration with a British company whose name is on the Entity
 * List (an export-control hit, no directive: ELEVATED, compliance review then the faculty committee);
 * an analyst finds the case in the queues, reads the hit's explanation and the list entry, adjudicates
 * the hit, attaches a condition on the submitter and recommends approval with conditions; a reviewer
 * approves it with conditions; the submitter, reloading their engagement's page, sees the decision and
 * the condition they must attest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndStoryTest {
    static final Path data = Scenarios.temporaryDirectory("scrutiny-story-");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    private static final Actor AUDITOR = new Actor("audrey", Set.of(Role.AUDITOR), null);

    private static final String TITLE = "Collaboration on antenna arrays for 5G base stations";
    /** On the Entity List fixture (el-huawei, listed 2019-05-16); given here in GB, with no directive imported. */
    private static final String COUNTERPARTY = "Huawei Technologies Co., Ltd.";
    private static final String ADJUDICATION = "Same company: the UK arm of the listed Shenzhen company";
    private static final String CONDITION = "A technology control plan before any controlled technology is shared";
    private static final String RECOMMENDATION = "Entity List hit: approve under a technology control plan";
    private static final String RATIONALE = "Approved under the technology control plan the analyst proposed";

    @LocalServerPort
    int port;

    @Autowired ListCatalog catalog;
    @Autowired Engagements engagements;
    @Autowired Cases cases;
    @Autowired Users users;

    @BeforeAll
    void seed() throws Exception {
        // the Entity List as of 2019-06-01; no directives, so a hit on it elevates rather than prohibits
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        users.add("sam", null, null, Set.of(Role.SUBMITTER), Browser.PASSWORD, "test");
        users.add("ana", null, null, Set.of(Role.ANALYST), Browser.PASSWORD, "test");
        users.add("rex", null, null, Set.of(Role.REVIEWER), Browser.PASSWORD, "test");
    }








    @Test
    void aSubmitterFilesAListedCounterpartyAnAnalystRoutesItAReviewerApprovesWithConditionsAndTheSubmitterSeesIt() {
        try (Browser sam = Browser.signedIn(port, "sam")) {
            // 1. the submitter files the engagement through the intake form, and lands on its page
            assertThat(sam.path()).isEqualTo("/mine");
            sam.go("/engagements/new");
            sam.type("f-title", TITLE);
            new Select(sam.byId("f-type")).selectByValue("collaboration");
            sam.setValue(sam.byId("f-submitted_on"), "2019-06-10");
            sam.type("f-funding-amount", "250000");
            sam.type("f-funding-currency", "USD");
            new Select(sam.byId("f-funding-source")).selectByValue("industry");
            sam.type("f-parties-0-name", COUNTERPARTY);
            new Select(sam.byId("f-parties-0-kind")).selectByValue("organization");
            sam.type("f-parties-0-country", "GB");
            new Select(sam.byId("f-parties-0-role")).selectByValue("collaborator");
            new Select(sam.byId("f-parties-0-organization_type")).selectByValue("company");
            sam.type("f-work_countries", "US");
            sam.find(By.cssSelector("input[name=research_areas][value=networking_communications]")).click();
            sam.screenshot("story-1-intake");
            sam.byId("submit").click();
            sam.await(ExpectedConditions.urlMatches("/mine/ENG-\\d+$"));
            String id = sam.path().substring("/mine/".length());
            assertThat(sam.find(By.tagName("h1")).getText()).contains(id, TITLE);
            assertThat(sam.byId("submitted").getText()).contains(COUNTERPARTY + " (Collaborator, GB)", "Collaboration", "2019-06-10");
            assertThat(sam.byId("tier").getText()).isEqualTo("Elevated");
            assertThat(sam.byId("case-status").getText()).isEqualTo("Open");
            assertThat(sam.byId("case-stage").getText()).isEqualTo("Compliance review");
            assertThat(sam.byId("decisions").getText()).contains("None yet");
            sam.screenshot("story-1-submitted");
            sam.consoleIsClean();

            ReviewCase c = cases.forEngagement(id, AUDITOR).getLast();
            assertThat(c.submittedBy()).isEqualTo("sam");
            assertThat(c.tier()).isEqualTo(Tier.ELEVATED);
            assertThat(c.stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);
            assertThat(c.route()).containsExactly(Stage.COMPLIANCE_REVIEW, Stage.FACULTY_COMMITTEE);
            String casePath = "/cases/" + c.id();

            // 2. the analyst finds the case in the queues, reads the hit and the list entry, adjudicates,
            //    attaches a condition on the submitter and recommends approval with conditions
            try (Browser ana = Browser.signedIn(port, "ana")) {
                ana.go("/cases");
                WebElement row = ana.byId("queue-compliance_review").findElement(By.id("case-row-" + c.id()));
                assertThat(row.getText()).contains(id, TITLE, "Elevated");
                assertThat(ana.byId("queue-faculty_committee").getText()).doesNotContain(id);
                ana.screenshot("story-2-queues");
                row.findElement(By.linkText("Case " + c.id())).click();
                ana.await(ExpectedConditions.urlMatches(casePath + "$"));
                assertThat(ana.byId("case-tier").getText()).isEqualTo("Elevated");
                assertThat(ana.byId("case-stage").getText()).isEqualTo("Compliance review");
                assertThat(ana.byId("engagement-link").getText()).isEqualTo(id);
                assertThat(ana.byId("engagement").getText()).contains(COUNTERPARTY + " (Collaborator, GB)");

                // the hit, with the explanation of its score; the assessment's reason; no directive
                WebElement hit = ana.byId("hit-0");
                assertThat(hit.getText()).contains(COUNTERPARTY, "us_bis_entity_list", "Export control", "Not adjudicated");
                String explanation = hit.findElement(By.className("explanation")).getText();
                assertThat(explanation).startsWith("Why the score:");
                assertThat(explanation).contains("huawei~huawei", "countries differ (query GB, list CN)");
                assertThat(ana.findAll("#hits > li.hit")).as("one hit: the listed company").hasSize(1);
                assertThat(ana.byId("reasons").getText()).contains("EXPORT_CONTROL_HIT");
                assertThat(ana.byId("assessment").getText()).doesNotContain("Directives applied");
                ana.screenshot("story-2-case");

                // the list entry's details, one click from the hit
                hit.findElement(By.partialLinkText("List entry el-huawei")).click();
                ana.await(ExpectedConditions.urlContains("/entries/el-huawei"));
                WebElement details = ana.find(By.className("entry-details"));
                assertThat(details.findElement(By.className("entry-name")).getText()).isEqualTo(COUNTERPARTY);
                assertThat(details.findElement(By.className("entry-programs")).getText()).contains("Entity List");
                assertThat(details.findElement(By.className("entry-listed")).getText()).isEqualTo("2019-05-16");
                assertThat(details.findElement(By.className("entry-remarks")).getText()).contains("84 FR 22961");
                ana.screenshot("story-2-list-entry");
                ana.driver().navigate().back();
                ana.await(ExpectedConditions.urlMatches(casePath + "$"));

                // adjudicate the hit
                new Select(ana.byId("adjudicate-0-verdict")).selectByValue("TRUE_MATCH");
                ana.type("adjudicate-0-reason", ADJUDICATION);
                ana.find(By.cssSelector("#hit-0 form button[type=submit]")).click();
                ana.notice("Hit adjudicated");
                assertThat(ana.byId("hit-0").findElement(By.className("adjudications")).getText())
                        .contains("True match", "ana", ADJUDICATION);

                // a condition the submitter owns and will attest
                new Select(ana.byId("condition-kind")).selectByValue("TECHNOLOGY_CONTROL_PLAN");
                ana.type("condition-detail", CONDITION);
                ana.type("condition-owner", "sam");
                ana.setValue(ana.byId("condition-due_on"), LocalDate.now().plusMonths(3).toString());
                ana.submit("condition-form");
                ana.notice("Condition attached");
                assertThat(ana.byId("condition-list").getText()).contains("Technology control plan", CONDITION, "sam");

                // recommend approval with conditions: the case passes to the faculty committee
                new Select(ana.byId("recommend-recommendation")).selectByValue("APPROVE_WITH_CONDITIONS");
                ana.type("recommend-rationale", RECOMMENDATION);
                ana.submit("recommend-form");
                ana.notice("Recommendation recorded");
                assertThat(ana.byId("case-stage").getText()).isEqualTo("Faculty committee");
                assertThat(ana.byId("recommendation-list").getText()).contains("Approve with conditions", "ana", RECOMMENDATION);
                assertThat(ana.findAll("#decide-form")).as("the analyst does not decide at the committee").isEmpty();
                ana.screenshot("story-2-recommended");
                ana.consoleIsClean();
            }
            assertThat(cases.adjudications(c.id(), AUDITOR)).singleElement().satisfies(a -> {
                assertThat(a.verdict()).isEqualTo(Verdict.TRUE_MATCH);
                assertThat(a.adjudicatedBy()).isEqualTo("ana");
            });
            List<CaseRecords.Condition> conditions = cases.conditions(c.id(), AUDITOR);
            assertThat(conditions).singleElement().satisfies(k -> {
                assertThat(k.kind()).isEqualTo(Mitigation.TECHNOLOGY_CONTROL_PLAN);
                assertThat(k.owner()).isEqualTo("sam");
                assertThat(k.attestation()).isNull();
            });
            long conditionId = conditions.getFirst().id();
            ReviewCase routed = cases.get(c.id(), AUDITOR);
            assertThat(routed.stage()).isEqualTo(Stage.FACULTY_COMMITTEE);
            assertThat(routed.status()).isEqualTo(CaseStatus.OPEN);

            // 3. the reviewer finds it at the committee and approves it with conditions
            try (Browser rex = Browser.signedIn(port, "rex")) {
                rex.go("/cases");
                WebElement row = rex.byId("queue-faculty_committee").findElement(By.id("case-row-" + c.id()));
                assertThat(row.getText()).contains(id, TITLE);
                assertThat(rex.byId("queue-compliance_review").getText()).doesNotContain(id);
                row.findElement(By.linkText("Case " + c.id())).click();
                rex.await(ExpectedConditions.urlMatches(casePath + "$"));
                assertThat(rex.byId("recommendation-list").getText()).contains("Approve with conditions", RECOMMENDATION);
                assertThat(rex.byId("condition-list").getText()).contains("Technology control plan", CONDITION);
                assertThat(rex.byId("hit-0").getText()).contains("True match", ADJUDICATION);
                new Select(rex.byId("decide-outcome")).selectByValue("APPROVED_WITH_CONDITIONS");
                rex.type("decide-rationale", RATIONALE);
                rex.screenshot("story-3-decide");
                rex.submit("decide-form");
                rex.notice("Decision recorded");
                assertThat(rex.byId("case-status").getText()).isEqualTo("Decided");
                assertThat(rex.byId("decision-list").getText()).contains("Approved with conditions", "Faculty committee", "rex", RATIONALE);
                assertThat(rex.byId("timeline").getText()).contains("case.recommended", "case.decided");
                rex.screenshot("story-3-decided");
                rex.consoleIsClean();
            }
            assertThat(cases.decisions(c.id(), AUDITOR)).singleElement().satisfies(d -> {
                assertThat(d.outcome()).isEqualTo(Outcome.APPROVED_WITH_CONDITIONS);
                assertThat(d.decidedBy()).isEqualTo("rex");
                assertThat(d.rationale()).isEqualTo(RATIONALE);
            });
            assertThat(cases.get(c.id(), AUDITOR).status()).isEqualTo(CaseStatus.DECIDED);
            assertThat(engagements.find(id).orElseThrow().status()).isEqualTo(EngagementStatus.APPROVED_WITH_CONDITIONS);

            // 4. the submitter, still signed in, reloads their engagement's page: the decision and their condition
            sam.driver().navigate().refresh();
            sam.await(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "Decided"));
            assertThat(sam.path()).isEqualTo("/mine/" + id);
            assertThat(sam.byId("engagement-status").getText()).isEqualTo("Approved with conditions");
            assertThat(sam.byId("decision-list").getText()).contains("Approved with conditions", RATIONALE);
            WebElement condition = sam.byId("condition-" + conditionId);
            assertThat(condition.getText()).contains("Technology control plan", CONDITION, "owner sam", "Not attested yet");
            assertThat(sam.byId("attest-" + conditionId).isDisplayed()).as("the submitter may attest it").isTrue();
            assertThat(sam.driver().getPageSource()).as("staff's records stay with the staff")
                    .doesNotContain("Screening hits").doesNotContain(ADJUDICATION);
            sam.screenshot("story-4-decision");
            sam.consoleIsClean();
        }
    }
}
