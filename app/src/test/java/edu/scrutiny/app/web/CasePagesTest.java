package edu.scrutiny.app.web;

import edu.scrutiny.app.testsupport.Browser;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.review.CaseRecords;
import edu.scrutiny.app.review.CaseStatus;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.Outcome;
import edu.scrutiny.app.review.ReviewCase;
import edu.scrutiny.app.review.Stage;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import edu.scrutiny.app.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
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
 * The queues, the case page, the users and the tokens pages in headless Chromium: an analyst takes
 * the Saudi gift (ELEVATED: compliance review, then the faculty committee) through compliance
 * review, a reviewer decides it with conditions, the administrator adds a user, a submitter makes
 * and revokes an API token. Each checks the outcome in the services, not only on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(CasePagesTest.Config.class)
class CasePagesTest {
    /** A clock the test moves, to let a case's service level run out. */
    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    static final Path data = Scenarios.temporaryDirectory("scrutiny-cases-");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired ListCatalog catalog;
    @Autowired Directives directives;
    @Autowired Engagements engagements;
    @Autowired Cases cases;
    @Autowired Users users;
    @Autowired ApiTokens tokens;
    @Autowired MutableClock clock;

    private static final Actor AUDITOR = new Actor("audrey", Set.of(Role.AUDITOR), null);

    @BeforeAll
    void seed() throws Exception {
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test");
        users.add("ana", null, "ana@example.edu", Set.of(Role.ANALYST), Browser.PASSWORD, "test");
        users.add("rex", null, null, Set.of(Role.REVIEWER), Browser.PASSWORD, "test");
        users.add("ada", null, null, Set.of(Role.ADMINISTRATOR), Browser.PASSWORD, "test");
        users.add("sam", null, null, Set.of(Role.SUBMITTER), Browser.PASSWORD, "test");
    }








    @Test
    void anAnalystRecommendsTheSaudiGiftAndAReviewerApprovesItWithConditions() {
        StoredEngagement gift = engagements.submit(Scenarios.engagement("saudi-gift-2020"), "saudi-gift-2020", "sam");
        ReviewCase c = cases.forEngagement(gift.id(), AUDITOR).getLast();
        assertThat(c.stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);
        String casePath = "/cases/" + c.id();

        try (Browser ana = Browser.signedIn(port, "ana")) {
            // the queue: the case in compliance review, with its engagement and title; not elsewhere
            ana.go("/cases");
            WebElement queue = ana.byId("queue-compliance_review");
            WebElement row = queue.findElement(By.id("case-row-" + c.id()));
            assertThat(row.getText()).contains(gift.id(), "Gift for a graduate fellowship in water desalination", "Elevated", "on time",
                    "not taken");
            assertThat(ana.byId("queue-faculty_committee").getText()).contains("reviewer").doesNotContain(gift.id());
            ana.screenshot("cases-queues");
            row.findElement(By.linkText("Case " + c.id())).click();
            ana.await(ExpectedConditions.urlMatches(casePath + "$"));
            assertThat(ana.byId("case-stage").getText()).isEqualTo("Compliance review");
            assertThat(ana.byId("engagement-link").getText()).isEqualTo(gift.id());
            assertThat(ana.findAll("#dimensions meter")).isNotEmpty();

            // nobody has the case yet: the analyst takes it, and its alerts will reach her alone
            assertThat(ana.byId("case-analyst").getText()).contains("not taken");
            ana.submit("take-form");
            ana.notice("You are the case's analyst");
            assertThat(ana.byId("case-analyst").getText()).isEqualTo("ana");
            assertThat(ana.findAll("#take-form")).as("nothing left to take").isEmpty();
            assertThat(cases.get(c.id(), AUDITOR).analyst()).isEqualTo("ana");

            // an internal note
            ana.type("note-body", "Donor vetted against the foundation registry <b>ok</b>");
            ana.submit("note-form");
            ana.notice("Note added");
            assertThat(ana.byId("note-list").getText()).contains("ana", "Donor vetted against the foundation registry <b>ok</b>");
            assertThat(ana.findAll("#note-list b")).as("written as text").isEmpty();

            // a condition, for the committee to approve with
            new Select(ana.byId("condition-kind")).selectByValue("PUBLICATION_RIGHTS");
            ana.type("condition-detail", "Results may be published without the donor's review");
            ana.type("condition-owner", "pi-lee");
            ana.setValue(ana.byId("condition-due_on"), LocalDate.now(clock).plusMonths(3).toString());
            ana.submit("condition-form");
            ana.notice("Condition attached");
            assertThat(ana.byId("condition-list").getText()).contains("Publication rights", "pi-lee");

            // a recommendation without its rationale is refused beside the field, and nothing moves
            new Select(ana.byId("recommend-recommendation")).selectByValue("APPROVE_WITH_CONDITIONS");
            ana.submit("recommend-form");
            WebElement error = ana.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-recommend-rationale")));
            assertThat(error.getText()).contains("is required");
            assertThat(ana.byId("recommend-rationale").getDomAttribute("aria-describedby")).isEqualTo("error-recommend-rationale");
            assertThat(new Select(ana.byId("recommend-recommendation")).getFirstSelectedOption().getDomAttribute("value"))
                    .isEqualTo("APPROVE_WITH_CONDITIONS");
            assertThat(cases.get(c.id(), AUDITOR).stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);

            ana.type("recommend-rationale", "Donor in an elevated-risk country; publication rights protect the work");
            ana.submit("recommend-form");
            ana.notice("Recommendation recorded");
            assertThat(ana.byId("case-stage").getText()).isEqualTo("Faculty committee");
            assertThat(ana.byId("recommendation-list").getText()).contains("Approve with conditions", "ana");
            assertThat(ana.findAll("#decide-form")).as("the analyst does not decide at the committee").isEmpty();
            ana.consoleIsClean();
        }
        assertThat(cases.get(c.id(), AUDITOR).stage()).isEqualTo(Stage.FACULTY_COMMITTEE);
        assertThat(cases.notes(c.id(), AUDITOR)).singleElement().satisfies(n -> assertThat(n.writtenBy()).isEqualTo("ana"));

        try (Browser rex = Browser.signedIn(port, "rex")) {
            rex.go("/cases");
            assertThat(rex.byId("queue-faculty_committee").getText()).contains(gift.id());
            assertThat(rex.byId("queue-compliance_review").getText()).doesNotContain(gift.id());
            rex.go(casePath);
            new Select(rex.byId("decide-outcome")).selectByValue("APPROVED_WITH_CONDITIONS");
            rex.type("decide-rationale", "Accepted with the publication rights condition");
            rex.submit("decide-form");
            rex.notice("Decision recorded");
            assertThat(rex.byId("case-status").getText()).isEqualTo("Decided");
            assertThat(rex.byId("decision-list").getText()).contains("Approved with conditions", "rex",
                    "Accepted with the publication rights condition");
            assertThat(rex.byId("timeline").getText()).contains("case.recommended", "case.decided");
            rex.screenshot("case-decided");

            // a second first decision (a double submit) is refused with a message, and records nothing
            new Select(rex.byId("decide-outcome")).selectByValue("APPROVED");
            rex.type("decide-rationale", "again");
            rex.submit("decide-form");
            WebElement refusal = rex.await(ExpectedConditions.visibilityOfElementLocated(By.id("refusal-decide")));
            assertThat(refusal.getText()).contains("decided already");
            assertThat(rex.path()).isEqualTo(casePath + "/decisions");

            // the dashboard counts the decision, by month and by outcome
            rex.go("/");
            assertThat(rex.byId("table-outcomes").getText()).contains("Approved with conditions 1");
            assertThat(rex.byId("table-decisions").findElements(By.cssSelector("tbody tr"))).hasSize(1);
            rex.consoleIsClean();
        }
        List<CaseRecords.Decision> decisions = cases.decisions(c.id(), AUDITOR);
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.APPROVED_WITH_CONDITIONS);
            assertThat(d.decidedBy()).isEqualTo("rex");
        });
        assertThat(cases.get(c.id(), AUDITOR).status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(engagements.find(gift.id()).orElseThrow().status()).isEqualTo(EngagementStatus.APPROVED_WITH_CONDITIONS);

        // an analyst may not reverse it: the refusal is a message on the page
        try (Browser ana = Browser.signedIn(port, "ana")) {
            ana.go(casePath);
            new Select(ana.byId("decide-outcome")).selectByValue("DECLINED");
            ana.type("decide-rationale", "reconsidered");
            new Select(ana.byId("decide-reverses")).selectByValue(Long.toString(decisions.getFirst().id()));
            ana.submit("decide-form");
            WebElement refusal = ana.await(ExpectedConditions.visibilityOfElementLocated(By.id("refusal-decide")));
            assertThat(refusal.getText()).startsWith("Not permitted").contains("reviewer");
            ana.consoleIsClean();
        }
        assertThat(cases.decisions(c.id(), AUDITOR)).hasSize(1);
    }

    @Test
    void anAnalystAdjudicatesHuaweisHitAndDeclinesItCitingTheDirective() {
        StoredEngagement huawei = engagements.submit(Scenarios.engagement("huawei-2019-06-01"), "huawei-2019-06-01", "sam");
        ReviewCase c = cases.forEngagement(huawei.id(), AUDITOR).getLast();
        assertThat(c.stage()).isEqualTo(Stage.ANALYST_DECLINE);
        try (Browser ana = Browser.signedIn(port, "ana")) {
            ana.go("/cases");
            ana.byId("queue-analyst_decline").findElement(By.linkText("Case " + c.id())).click();
            ana.await(ExpectedConditions.urlMatches("/cases/" + c.id() + "$"));
            WebElement hit = ana.byId("hit-0");
            assertThat(hit.getText()).contains("Huawei Technologies Co., Ltd.", "us_bis_entity_list", "Not adjudicated");
            assertThat(hit.findElement(By.className("explanation")).getText()).startsWith("Why the score:");

            new Select(ana.byId("adjudicate-0-verdict")).selectByValue("TRUE_MATCH");
            ana.type("adjudicate-0-reason", "Same company, same address in Shenzhen");
            ana.find(By.cssSelector("#hit-0 form button[type=submit]")).click();
            ana.notice("Hit adjudicated");
            assertThat(ana.byId("hit-0").findElement(By.className("adjudications")).getText())
                    .contains("True match", "ana", "Same company, same address in Shenzhen");

            // a PROHIBITED case is declined citing the directive or list entry: without it, the field says so
            new Select(ana.byId("decide-outcome")).selectByValue("DECLINED");
            ana.type("decide-rationale", "The Huawei/ZTE directive applies");
            ana.submit("decide-form");
            WebElement error = ana.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-decide-cites")));
            assertThat(error.getText()).contains("mit-2019-huawei-zte");
            ana.type("decide-cites", "mit-2019-huawei-zte");
            ana.submit("decide-form");
            ana.notice("Decision recorded");
            assertThat(ana.byId("decision-list").getText()).contains("Declined", "cites mit-2019-huawei-zte");
            ana.consoleIsClean();
        }
        assertThat(cases.adjudications(c.id(), AUDITOR)).singleElement()
                .satisfies(a -> assertThat(a.verdict()).isEqualTo(edu.scrutiny.app.review.Verdict.TRUE_MATCH));
        assertThat(engagements.find(huawei.id()).orElseThrow().status()).isEqualTo(EngagementStatus.DECLINED);
    }

    @Test
    void aCasePastItsDueDateIsMarkedOverdueInWords() {
        StoredEngagement gift = engagements.submit(Scenarios.engagement("saudi-gift-2020"), "saudi-gift-2020", "sam");
        ReviewCase c = cases.forEngagement(gift.id(), AUDITOR).getLast();
        try (Browser ana = Browser.signedIn(port, "ana")) {
            ana.go("/cases");
            assertThat(ana.byId("case-row-" + c.id()).getText()).contains("on time").doesNotContain("Overdue");
            assertThat(ana.byId("case-row-" + c.id()).getDomAttribute("class")).isNull();
            clock.advance(Duration.ofDays(6)); // compliance review's service level is 5 days
            try {
                ana.go("/cases");
                WebElement row = ana.byId("case-row-" + c.id());
                assertThat(row.getDomAttribute("class")).isEqualTo("overdue");
                assertThat(row.findElement(By.className("overdue-flag")).getText()).isEqualTo("Overdue");
                assertThat(Integer.parseInt(row.findElement(By.cssSelector("td.num")).getText().trim())).as("age in days").isGreaterThanOrEqualTo(5);
                assertThat(ana.byId("queue-compliance_review").getText()).contains("overdue");
                ana.go("/cases/" + c.id());
                assertThat(ana.byId("case-overdue").getText()).isEqualTo("Overdue");
                ana.consoleIsClean();
            } finally {
                clock.advance(Duration.ofDays(-6));
            }
        }
    }

    @Test
    void theAdministratorAddsAUserAndChangesTheirRoles() {
        try (Browser ada = Browser.signedIn(port, "ada")) {
            ada.go("/users");
            assertThat(ada.byId("users").getText()).contains("ana", "rex");
            ada.type("add-username", "newbie");
            ada.type("add-email", "newbie@example.edu");
            ada.byId("add-roles-reviewer").click();
            ada.type("add-password", "too short");
            ada.submit("add-user");
            WebElement error = ada.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-add-password")));
            assertThat(error.getText()).contains("shorter than 12");
            assertThat(users.find("newbie")).isEmpty();
            assertThat(ada.byId("add-username").getDomProperty("value")).isEqualTo("newbie");
            assertThat(ada.byId("add-roles-reviewer").isSelected()).isTrue();

            ada.type("add-password", Browser.PASSWORD);
            ada.submit("add-user");
            ada.notice("User newbie added");
            assertThat(ada.byId("user-newbie").getText()).contains("newbie@example.edu", "Reviewer");
            assertThat(users.find("newbie").orElseThrow().roles()).containsExactly(Role.REVIEWER);
            assertThat(users.find("newbie").orElseThrow().email()).isEqualTo("newbie@example.edu");

            ada.byId("roles-newbie-auditor").click();
            ada.find(By.cssSelector("#user-newbie form.roles-form button[type=submit]")).click();
            ada.notice("Roles of newbie");
            assertThat(users.find("newbie").orElseThrow().roles()).containsExactlyInAnyOrder(Role.REVIEWER, Role.AUDITOR);
            ada.screenshot("users");
            ada.consoleIsClean();
        }
        // and the new user signs in with the password given
        try (Browser newbie = Browser.signedIn(port, "newbie")) {
            newbie.go("/cases");
            assertThat(newbie.find(By.tagName("h1")).getText()).isEqualTo("Review queues");
            assertThat(newbie.findAll("header nav a")).extracting(WebElement::getText).contains("Cases", "Users", "Tokens");
        }
    }

    @Test
    void aSubmitterMakesATokenSeesItOnceAndRevokesIt() {
        try (Browser sam = Browser.signedIn(port, "sam")) {
            sam.go("/tokens");
            assertThat(sam.findAll("header nav a")).extracting(WebElement::getText).contains("Tokens").doesNotContain("Users");
            sam.type("token-name", "nightly export");
            sam.submit("create-token");
            WebElement secret = sam.await(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
            String token = secret.getDomProperty("value");
            assertThat(token).startsWith(ApiTokens.PREFIX);
            assertThat(tokens.resolve(token)).map(Actor::username).contains("sam");
            long id = tokens.list("sam").getLast().id();
            assertThat(sam.byId("token-" + id).getText()).contains("nightly export", "active");

            sam.go("/tokens");
            assertThat(sam.findAll("#new-token")).as("shown once").isEmpty();
            assertThat(sam.driver().getPageSource()).doesNotContain(token);

            sam.byId("revoke-" + id).click();
            sam.notice("Token " + id + " revoked");
            assertThat(sam.byId("token-" + id).getText()).contains("revoked");
            assertThat(sam.findAll("#revoke-" + id)).isEmpty();
            assertThat(tokens.resolve(token)).isEmpty();
            sam.consoleIsClean();
        }
    }
}
