package edu.scrutiny.app.web;

import edu.scrutiny.app.support.Labels;
import edu.scrutiny.app.testsupport.Browser;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.monitoring.Alerts;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web interface in headless Chromium, against the application on a random port with H2 in a
 * temporary directory, seeded through the services with the scenario fixtures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closes the database before the temporary directory is removed
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(WebUiTest.StrictContentSecurityPolicy.class)
class WebUiTest {
    /**
     * The policy the security module will set, here so that every page is tested under it: no inline
     * script or style, no eval, nothing from elsewhere.
     */
    @TestConfiguration
    static class StrictContentSecurityPolicy {
        static final String POLICY = "default-src 'self'";

        @Bean
        FilterRegistrationBean<Filter> contentSecurityPolicy() {
            Filter filter = (request, response, chain) -> {
                ((HttpServletResponse) response).setHeader("Content-Security-Policy", POLICY);
                chain.doFilter(request, response);
            };
            return new FilterRegistrationBean<>(filter);
        }
    }

    /** Made before the context (which this class's lifecycle loads before JUnit's @TempDir), removed at exit. */
    static final Path data = Scenarios.temporaryDirectory("scrutiny-web-");

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
    @Autowired Assessments assessments;
    @Autowired CountryLists countryLists;
    @Autowired Alerts alerts;
    @Autowired edu.scrutiny.app.policy.Policies policies;
    @Autowired edu.scrutiny.app.identity.Users users;
    @Autowired edu.scrutiny.app.review.Queues queues;

    private Browser browser;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void seedAndOpen() throws Exception {
        catalog.importList(Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv"), LocalDate.parse("2019-04-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        catalog.importList(Scenarios.path("lists/us_bis_dpl.csv"), LocalDate.parse("2018-04-15"), ListCategory.DENIAL,
                ListCatalog.ImportProgress.NONE, "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test");
        for (String name : List.of("zte", "huawei-2019-04-10", "huawei-2019-06-01", "saudi-gift-2020", "german-mou")) {
            StoredEngagement stored = engagements.submit(Scenarios.engagement(name), name, "test");
            ids.put(name, stored.id());
        }
        users.add("analyst", null, null, java.util.Set.of(edu.scrutiny.app.identity.Role.ANALYST), Browser.PASSWORD, "test");
        browser = Browser.open("http://localhost:" + port);
        browser.signIn("analyst");
    }

    /** No page broke the Content-Security-Policy or failed a script. */
    @AfterEach
    void consoleIsClean() {
        if (browser != null) {
            assertThat(browser.console()).filteredOn(m -> m.startsWith("SEVERE") || m.contains("Content Security Policy"))
                    .filteredOn(m -> !m.contains("404") || !m.contains("ENG-999999"))
                    // Spring Security's own login page links no icon, so the browser asks for /favicon.ico
                    .filteredOn(m -> !m.contains("/favicon.ico"))
                    .isEmpty();
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardShowsTheTierCountsOfTheSeededEngagements() {
        Map<String, Integer> expected = new TreeMap<>();
        for (StoredEngagement s : engagements.live()) {
            expected.merge(Labels.words().of(assessments.latest(s.id()).orElseThrow().assessment().tier()), 1, Integer::sum);
        }
        assertThat(expected).containsKeys("Prohibited", "Standard");

        browser.go("/");
        Map<String, Integer> shown = new TreeMap<>();
        for (WebElement row : browser.byId("table-tier").findElements(By.cssSelector("tbody tr"))) {
            int count = Integer.parseInt(row.findElement(By.tagName("td")).getText().trim());
            if (count > 0) {
                shown.put(row.findElement(By.tagName("th")).getText().trim(), count);
            }
        }
        assertThat(shown).isEqualTo(expected);
        assertThat(browser.byId("table-submitted").getText()).contains("2019-06", "2021-09");
        // open cases by tier and age: every open case counted once, under its tier
        Map<String, Integer> openByTier = new TreeMap<>();
        for (edu.scrutiny.app.review.Queues.Entry q : queues.all(new edu.scrutiny.app.identity.Actor("auditor-view",
                java.util.Set.of(edu.scrutiny.app.identity.Role.AUDITOR), null))) {
            openByTier.merge(Labels.words().of(q.tier()), 1, Integer::sum);
        }
        assertThat(openByTier).isNotEmpty();
        Map<String, Integer> casesShown = new TreeMap<>();
        for (WebElement row : browser.byId("table-cases").findElements(By.cssSelector("tbody tr"))) {
            String label = row.findElement(By.tagName("th")).getText().trim();
            casesShown.merge(label.substring(0, label.indexOf(',')), Integer.parseInt(row.findElement(By.tagName("td")).getText().trim()), Integer::sum);
            assertThat(label).contains("under 7 days");
        }
        assertThat(casesShown).isEqualTo(openByTier);
        // Chart.js, from its webjar, drew the chart from the table
        browser.await(d -> "true".equals(d.findElement(By.cssSelector("#chart-tier canvas")).getDomAttribute("data-drawn")));
        browser.screenshot("dashboard");
    }

    @Test
    void theIntakeFormNamesTheBadFieldThenCreatesTheEngagement() {
        browser.go("/engagements/new");
        browser.type("f-title", "Joint workshop on lattice cryptography");
        new Select(browser.byId("f-type")).selectByValue("collaboration");
        browser.setValue(browser.byId("f-submitted_on"), "2021-10-01");
        browser.type("f-funding-amount", "12000");
        browser.type("f-funding-currency", "EUR");
        new Select(browser.byId("f-funding-source")).selectByValue("internal");
        browser.type("f-parties-0-name", "Technische Universität München");
        new Select(browser.byId("f-parties-0-kind")).selectByValue("organization");
        browser.type("f-parties-0-country", "XX");
        new Select(browser.byId("f-parties-0-role")).selectByValue("collaborator");
        new Select(browser.byId("f-parties-0-organization_type")).selectByValue("university");
        browser.type("f-work_countries", "US, DE");
        browser.byId("submit").click();

        WebElement error = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-parties-0-country")));
        assertThat(error.getText()).contains("'XX' is not an ISO 3166-1 alpha-2 country code");
        WebElement country = browser.byId("f-parties-0-country");
        assertThat(country.getDomAttribute("aria-describedby")).isEqualTo("error-parties-0-country");
        assertThat(browser.byId("f-title").getDomProperty("value")).isEqualTo("Joint workshop on lattice cryptography");
        browser.screenshot("intake-error");

        // a second party row, added by htmx, left empty: it is ignored
        browser.find(By.cssSelector("#add-party button")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("f-parties-1-name")));

        browser.type("f-parties-0-country", "DE");
        browser.byId("submit").click();
        browser.await(ExpectedConditions.urlMatches("/engagements/ENG-\\d+$"));
        assertThat(browser.byId("tier").getText()).isEqualTo("Standard");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("Joint workshop on lattice cryptography");
        browser.screenshot("engagement-created");
    }

    @Test
    void theIntakeFormEditsOwnersAndControllersAsRowsAndThePageShowsTheTree() {
        browser.go("/engagements/new");
        browser.type("f-title", "Gift for an optics laboratory");
        new Select(browser.byId("f-type")).selectByValue("gift");
        browser.setValue(browser.byId("f-submitted_on"), "2021-10-01");
        browser.type("f-funding-amount", "50000");
        browser.type("f-funding-currency", "GBP");
        new Select(browser.byId("f-funding-source")).selectByValue("industry");
        browser.type("f-parties-0-name", "Meridian Optics Ltd");
        new Select(browser.byId("f-parties-0-kind")).selectByValue("organization");
        browser.type("f-parties-0-country", "GB");
        new Select(browser.byId("f-parties-0-role")).selectByValue("donor");
        browser.type("f-work_countries", "US");
        // the party's first owner row is there to type in; its own owners are added by the script
        browser.type("f-parties-0-owners-0-name", "Meridian Holdings Malta Limited");
        browser.type("f-parties-0-owners-0-share", "55");
        browser.type("f-parties-0-owners-0-country", "MT");
        browser.find(By.cssSelector("#f-parties-0-owners-0-owners button.add-row")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("f-parties-0-owners-0-owners-0-name")));
        browser.type("f-parties-0-owners-0-owners-0-name", "Meridian Family Office");
        new Select(browser.byId("f-parties-0-owners-0-owners-0-kind")).selectByValue("person");
        browser.type("f-parties-0-owners-0-owners-0-share", "70");
        // a row added at the party's level, typed in, then removed: it is not submitted
        browser.find(By.cssSelector("#f-parties-0-owners > p > button.add-row")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("f-parties-0-owners-1-name")));
        browser.type("f-parties-0-owners-1-name", "Removed Investor");
        browser.find(By.cssSelector("[data-row='parties[0].owners[1]'] button.remove-row")).click();
        assertThat(browser.findAll("#f-parties-0-owners-1-name")).isEmpty();
        browser.type("f-parties-0-controllers-0-name", "Jane Example");
        new Select(browser.byId("f-parties-0-controllers-0-role")).selectByValue("director");
        browser.screenshot("intake-ownership");
        browser.byId("submit").click();

        browser.await(ExpectedConditions.urlMatches("/engagements/ENG-\\d+$"));
        String tree = browser.byId("ownership").getText();
        assertThat(tree).contains("Meridian Optics Ltd", "Meridian Holdings Malta Limited", "55%", "Meridian Family Office", "Person",
                "Jane Example (Director").doesNotContain("Removed Investor");
    }

    @Test
    void theEngagementPageExplainsEachHitAndShowsTheListEntry() {
        browser.go("/engagements/" + ids.get("huawei-2019-06-01"));
        WebElement hit = browser.find(By.cssSelector("#hits .hit"));
        assertThat(hit.getText()).contains("Huawei Technologies Co., Ltd.", "us_bis_entity_list");
        assertThat(hit.findElement(By.className("explanation")).getText()).startsWith("Why the score:").hasSizeGreaterThan(20);
        assertThat(browser.byId("reasons").getText()).isNotBlank();
        assertThat(browser.findAll("#assessment meter")).isNotEmpty();
        assertThat(browser.byId("timeline").getText()).contains("engagement.submitted", "assessment.recorded");
        assertThat(browser.find(By.cssSelector("section[aria-labelledby=areas-title]")).getText())
                .contains("Integrated Communication and Networking Technologies", "sensitive");

        hit.findElement(By.className("entry-link")).click();
        WebElement details = browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#entry-0 .entry-details")));
        assertThat(details.findElement(By.className("entry-remarks")).getText()).contains("84 FR 22961");
        assertThat(details.findElement(By.className("entry-aliases")).getText()).contains("Huawei");
        assertThat(details.findElement(By.className("entry-programs")).getText()).contains("Entity List");
        assertThat(details.findElement(By.className("entry-listed")).getText()).isEqualTo("2019-05-16");
        assertThat(details.findElement(By.className("entry-source")).getDomAttribute("href")).startsWith("https://www.federalregister.gov/");
        assertThat(browser.path()).isEqualTo("/engagements/" + ids.get("huawei-2019-06-01"));
        browser.screenshot("engagement-hit");
        // readable on a tablet: nothing wider than the window
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        try {
            browser.go("/engagements/" + ids.get("huawei-2019-06-01"));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            browser.screenshot("engagement-tablet");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    @Test
    void editingACountryListRecordsVersionTwo() {
        assertThat(countryLists.current(CountryList.ELEVATED_RISK).version()).isEqualTo(1);
        browser.go("/country-lists/elevated_risk");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("countries")));
        List<WebElement> codes = browser.findAll("#countries input[name$='.code']");
        WebElement blank = codes.stream().filter(c -> c.getDomProperty("value").isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no blank row on " + browser.path() + ": " + browser.driver().getPageSource()));
        String row = blank.getDomAttribute("name").replace(".code", "");
        blank.sendKeys("Antarctica"); // by name; the page records its code
        browser.find(By.name(row + ".reason")).sendKeys("Antarctica: a test of the edit form");
        browser.type("f-note", "adds Antarctica, for the browser test");
        browser.byId("save-country-list").click();

        WebElement notice = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains("Version 2");
        assertThat(browser.byId("history").getText()).contains("Version 2", "adds Antarctica");
        CountryList current = countryLists.current(CountryList.ELEVATED_RISK);
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.find("AQ")).isPresent();
        assertThat(current.recordedBy()).as("the signed-in user").isEqualTo("analyst");
    }

    @Test
    void theListsPageComparesTwoVersions() {
        browser.go("/lists");
        WebElement section = browser.byId("list-us_bis_entity_list");
        assertThat(section.getText()).contains("2019-04-01", "2019-06-01");
        section.findElement(By.cssSelector("form.compare button")).click();
        WebElement summary = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("compare-summary")));
        assertThat(summary.getText()).contains("2 added", "0 removed");
        assertThat(browser.byId("added").getText()).contains("el-huawei", "el-huawei-device");
        browser.screenshot("lists-compare");
    }

    @Test
    void aListImportShowsItsProgressAndResult() throws Exception {
        Path file = Files.createTempDirectory(data, "upload").resolve("us_bis_unverified_list.csv");
        Files.writeString(file, """
                id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
                uvl-1,Example Optics Trading Co.,,Company,HK,Unverified List,2020-01-01,,,,https://www.bis.gov/,test entry
                """);
        browser.go("/lists");
        browser.byId("f-file").sendKeys(file.toString());
        browser.setValue(browser.byId("f-effective"), "2020-01-15");
        new Select(browser.byId("f-category")).selectByValue("export_control");
        browser.find(By.cssSelector("#import button[type=submit]")).click();
        WebElement result = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")));
        assertThat(result.getText()).contains("Imported us_bis_unverified_list", "1 added");
        assertThat(catalog.versions("us_bis_unverified_list")).hasSize(1);
    }

    @Test
    void theSkipLinkAndTheFormFieldsAreReachableByTab() {
        browser.go("/engagements/new");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement first = browser.driver().switchTo().activeElement();
        assertThat(first.getDomProperty("textContent").trim()).isEqualTo("Skip to main content");
        assertThat(first.getDomAttribute("href")).isEqualTo("#main");

        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            String id = focused.getDomAttribute("id");
            reached.add(id == null ? focused.getTagName() + ":" + focused.getDomProperty("textContent").trim() : id);
        }
        assertThat(reached).contains("f-title", "f-type", "f-submitted_on", "f-funding-amount",
                "f-parties-0-name", "f-parties-0-country");
        // the navigation comes before the form
        assertThat(reached.indexOf("a:Dashboard")).isBetween(0, reached.indexOf("f-title"));
    }

    @Test
    void everyPageOfTheNavigationOpens() {
        browser.go("/");
        List<String> pages = List.of("Engagements", "New engagement", "Alerts", "Lists", "Directives", "Country lists",
                "Policy", "Audit trail", "Dashboard");
        for (String page : pages) {
            browser.find(By.cssSelector("header nav")).findElement(By.linkText(page)).click();
            WebElement current = browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a[aria-current=page]")));
            assertThat(current.getText()).isEqualTo(page);
            assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
            assertThat(browser.findAll("main#main")).hasSize(1);
        }
        browser.go("/audit");
        assertThat(browser.byId("verification").getText()).startsWith("audit trail intact");
        browser.go("/policy");
        assertThat(browser.byId("rules").getText()).contains("EXPORT_CONTROL_HIT");
        browser.go("/engagements/ENG-999999");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not found");
    }

    @Test
    void aDirectiveThatCannotBeReadIsRefusedWithItsFieldNamed() {
        browser.go("/directives");
        browser.byId("f-yaml").sendKeys("""
                - id: test-directive
                  title: A test
                  counterparties: [Example Corp]
                  include_subsidiaries: false
                  scope: [sometimes]
                  effective_from: 2020-01-01
                  revisit_by: 2021-01-01
                  reason: testing
                """);
        browser.find(By.cssSelector("form[action='/directives'] button")).click();
        WebElement errors = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-yaml")));
        assertThat(errors.getText()).contains("scope");
        assertThat(directives.find("test-directive")).isEmpty();
    }

    @Test
    void markupInNamesIsShownAsText() {
        String title = "<script>document.title='owned'</script><b>bold</b>";
        var engagement = Scenarios.engagement("german-mou");
        var stored = engagements.submit(new edu.scrutiny.app.engagement.Engagement(title, engagement.description(),
                engagement.type(), false, null, engagement.submittedOn(), null, null, null, null, engagement.funding(),
                engagement.parties(), engagement.workCountries(), engagement.researchAreas()), "test", "test");
        browser.go("/engagements/" + stored.id());
        assertThat(browser.find(By.tagName("h1")).getText()).contains(title);
        assertThat(browser.driver().getTitle()).doesNotContain("owned");
        assertThat(browser.findAll("main b")).isEmpty();
    }

    @Test
    void renewStartsAFormFilledFromTheEngagement() {
        browser.go("/engagements/" + ids.get("german-mou"));
        browser.byId("renew").click();
        browser.await(ExpectedConditions.urlContains("/engagements/new?renews="));
        assertThat(browser.byId("f-renewal").isSelected()).isTrue();
        assertThat(browser.byId("f-renews").getDomProperty("value")).isEqualTo(ids.get("german-mou"));
        assertThat(browser.byId("f-title").getDomProperty("value")).isEqualTo("Co-publication MOU in number theory");
        assertThat(browser.byId("f-parties-0-name").getDomProperty("value")).isEqualTo("Technische Universität München");
        browser.byId("submit").click();
        browser.await(ExpectedConditions.urlMatches("/engagements/ENG-\\d+$"));
        assertThat(browser.byId("tier").getText()).isEqualTo("Standard");
        assertThat(browser.find(By.cssSelector("dl.facts")).getText()).contains("yes, of " + ids.get("german-mou"));
    }

    @Test
    void anAlertIsAcknowledgedInPlace() {
        long id = alerts.raise(new Alerts.Raise(AlertKind.REVIEW_DUE, ids.get("zte"), null, null, null,
                "due for its periodic re-review", null)).orElseThrow().id();
        browser.go("/alerts");
        WebElement row = browser.byId("alert-" + id);
        assertThat(row.getText()).contains("Review due", ids.get("zte"), "due for its periodic re-review");
        row.findElement(By.tagName("button")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-" + id), "Acknowledged"));
        assertThat(browser.path()).isEqualTo("/alerts");
        assertThat(alerts.find(id).orElseThrow().status()).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void thePolicyFormRefusesABadDocumentThenRecordsANewVersion() {
        int before = policies.current().version();
        browser.go("/policy");
        String document = browser.byId("f-document").getDomProperty("value");
        assertThat(document).contains("\"rules\"");
        browser.setValue(browser.byId("f-document"), document.replace("\"rules\"", "\"rulez\""));
        browser.type("f-note", "a typo");
        browser.find(By.cssSelector("form[action='/policy'] button")).click();
        WebElement errors = browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("error-document")));
        assertThat(errors.getText()).contains("rulez");
        assertThat(policies.current().version()).isEqualTo(before);

        browser.setValue(browser.byId("f-document"), document);
        browser.type("f-note", "recorded again from the web form");
        browser.find(By.cssSelector("form[action='/policy'] button")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-version"), "Version " + (before + 1)));
        assertThat(policies.current().recordedBy()).as("the signed-in user").isEqualTo("analyst");
        assertThat(policies.current().document()).isEqualTo(policies.version(before).document());
    }
}
