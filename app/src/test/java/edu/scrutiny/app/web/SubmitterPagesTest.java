package edu.scrutiny.app.web;

import edu.scrutiny.app.testsupport.Browser;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.notification.Notifications;
import edu.scrutiny.app.review.AddNote;
import edu.scrutiny.app.review.AttachCondition;
import edu.scrutiny.app.review.CaseRecords;
import edu.scrutiny.app.review.CaseStatus;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.Mitigation;
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
 * The submitter's pages in headless Chromium: a submitter files the Saudi gift through the intake
 * form and lands on its page under /mine, an analyst asks a question on the case page (and writes an
 * internal note), the submitter is told, marks the notification read, answers on their page and
 * attests the condition placed on them; another submitter cannot open it; the note never shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmitterPagesTest {
    static final Path data = Scenarios.temporaryDirectory("scrutiny-mine-");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    private static final Actor AUDITOR = new Actor("audrey", Set.of(Role.AUDITOR), null);
    private static final Actor ANA = new Actor("ana", Set.of(Role.ANALYST), null);
    private static final Actor SAM = new Actor("sam", Set.of(Role.SUBMITTER), null);
    private static final String NOTE = "Internal: the donor board includes a ministry official";
    private static final String QUESTION = "Who at the foundation approved the gift?";
    private static final String ANSWER = "Its scientific director, Dr. Haddad";

    @LocalServerPort
    int port;

    @Autowired ListCatalog catalog;
    @Autowired Directives directives;
    @Autowired Engagements engagements;
    @Autowired Cases cases;
    @Autowired Users users;
    @Autowired AddNote addNote;
    @Autowired AttachCondition attachCondition;
    @Autowired Notifications notifications;

    @BeforeAll
    void seed() throws Exception {
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test");
        users.add("ana", null, null, Set.of(Role.ANALYST), Browser.PASSWORD, "test");
        users.add("sam", null, null, Set.of(Role.SUBMITTER), Browser.PASSWORD, "test");
        users.add("sue", null, null, Set.of(Role.SUBMITTER), Browser.PASSWORD, "test");
    }









    @Test
    void aSubmitterFilesAnEngagementAnswersTheQuestionAndAttestsTheirConditionAndNobodyElseSeesIt() {
        String id;
        try (Browser sam = Browser.signedIn(port, "sam")) {
            // signing in lands a submitter on their own engagements (the dashboard is staff's)
            assertThat(sam.path()).isEqualTo("/mine");
            assertThat(sam.byId("no-engagements").getText()).contains("not submitted any");
            assertThat(sam.navigation()).containsExactly("My engagements", "New engagement", "Tokens");

            sam.go("/engagements/new");
            sam.type("f-title", "Gift for a graduate fellowship in water desalination");
            new Select(sam.byId("f-type")).selectByValue("gift");
            sam.setValue(sam.byId("f-submitted_on"), "2020-02-14");
            sam.type("f-funding-amount", "2000000");
            sam.type("f-funding-currency", "USD");
            new Select(sam.byId("f-funding-source")).selectByValue("foundation");
            sam.type("f-parties-0-name", "Al-Nahda Foundation for Scientific Research");
            new Select(sam.byId("f-parties-0-kind")).selectByValue("organization");
            sam.type("f-parties-0-country", "SA");
            new Select(sam.byId("f-parties-0-role")).selectByValue("donor");
            new Select(sam.byId("f-parties-0-organization_type")).selectByValue("foundation");
            sam.type("f-work_countries", "US");
            sam.find(By.cssSelector("input[name=research_areas][value=earth_sciences]")).click();
            sam.byId("submit").click();
            sam.await(ExpectedConditions.urlMatches("/mine/ENG-\\d+$"));
            id = sam.path().substring("/mine/".length());
            assertThat(sam.find(By.tagName("h1")).getText()).contains(id, "Gift for a graduate fellowship in water desalination");
            assertThat(sam.byId("submitted").getText()).contains("Al-Nahda Foundation for Scientific Research", "2000000");
            assertThat(sam.byId("tier").getText()).isEqualTo("Elevated");
            assertThat(sam.byId("case-status").getText()).isEqualTo("Open");
            sam.consoleIsClean();
        }
        ReviewCase c = cases.forEngagement(id, AUDITOR).getLast();
        assertThat(c.submittedBy()).isEqualTo("sam");
        assertThat(c.stage()).isEqualTo(Stage.COMPLIANCE_REVIEW);

        // the analyst asks on the case page, and notes something for the staff only
        addNote.add(c.id(), NOTE, ANA);
        try (Browser ana = Browser.signedIn(port, "ana")) {
            ana.go("/cases/" + c.id());
            ana.type("request-question", QUESTION);
            ana.find(By.cssSelector("#request-form button[type=submit]")).click();
            ana.notice("Information requested");
        }
        assertThat(cases.get(c.id(), AUDITOR).status()).isEqualTo(CaseStatus.AWAITING_INFORMATION);

        try (Browser sam = Browser.signedIn(port, "sam")) {
            // the list: the engagement waiting for information; the notification unread, marked read by htmx
            assertThat(sam.byId("mine-" + id).getText()).contains("Gift for a graduate fellowship", "Elevated", "Awaiting information");
            WebElement told = sam.find(By.cssSelector("#notification-list li.unread"));
            assertThat(told.getText()).contains("Information requested on engagement " + id, QUESTION);
            String rowId = told.getDomAttribute("id");
            told.findElement(By.tagName("button")).click();
            sam.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#" + rowId + ".read"), 1));
            assertThat(sam.path()).isEqualTo("/mine");
            assertThat(notifications.forActor(SAM)).filteredOn(n -> ("notification-" + n.id()).equals(rowId))
                    .singleElement().satisfies(n -> assertThat(n.readAt()).isNotNull());
            assertThat(sam.driver().getPageSource()).doesNotContain(NOTE);
            sam.screenshot("mine");

            // the engagement's page: the question with its answer form; never the note
            sam.find(By.linkText(id)).click();
            sam.await(ExpectedConditions.urlMatches("/mine/" + id + "$"));
            assertThat(sam.byId("case-status").getText()).isEqualTo("Awaiting information");
            assertThat(sam.byId("information").getText()).contains(QUESTION, "waiting for your answer");
            assertThat(sam.driver().getPageSource()).doesNotContain(NOTE).doesNotContain("Screening hits");
            sam.type("answer-answer", ANSWER);
            sam.byId("send-answer").click();
            sam.notice("Answer sent");
            assertThat(sam.byId("case-status").getText()).isEqualTo("Open");
            assertThat(sam.byId("information").getText()).contains("answered by sam: " + ANSWER);
            assertThat(sam.findAll("#answer-form")).isEmpty();
            assertThat(sam.driver().getPageSource()).doesNotContain(NOTE);
            sam.screenshot("mine-engagement");
            sam.consoleIsClean();
        }
        ReviewCase answered = cases.get(c.id(), AUDITOR);
        assertThat(answered.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(cases.view(c.id(), AUDITOR).informationRequests()).singleElement()
                .satisfies(r -> assertThat(r.answer()).isEqualTo(ANSWER));

        // a condition placed on the submitter: they attest it on their page
        CaseRecords.Condition condition = attachCondition.attach(c.id(), Mitigation.PUBLICATION_RIGHTS,
                "Results may be published without the donor's review", "sam", LocalDate.now().plusMonths(3), ANA);
        try (Browser sam = Browser.signedIn(port, "sam")) {
            sam.go("/mine/" + id);
            assertThat(sam.byId("condition-" + condition.id()).getText()).contains("Publication rights", "Not attested yet");
            sam.type("attest-" + condition.id() + "-statement", "The fellowship agreement says so in section 4");
            sam.byId("attest-" + condition.id()).click();
            sam.notice("Condition attested");
            assertThat(sam.byId("condition-" + condition.id()).getText()).contains("Attested by sam");
        }
        assertThat(cases.conditions(c.id(), AUDITOR)).singleElement()
                .satisfies(k -> assertThat(k.attestation()).isNotNull());

        // another submitter: not in their list, and the page does not exist for them
        try (Browser sue = Browser.signedIn(port, "sue")) {
            assertThat(sue.path()).isEqualTo("/mine");
            assertThat(sue.driver().getPageSource()).doesNotContain(id);
            sue.go("/mine/" + id);
            assertThat(sue.find(By.tagName("h1")).getText()).isEqualTo("Not found");
            assertThat(sue.driver().getPageSource()).doesNotContain("Gift for a graduate fellowship").doesNotContain(QUESTION);
        }
    }
}
