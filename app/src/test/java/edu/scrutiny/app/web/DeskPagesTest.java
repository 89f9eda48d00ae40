package edu.scrutiny.app.web;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.testsupport.Browser;
import edu.scrutiny.app.desk.LogSearch;
import edu.scrutiny.app.desk.LoggedScreening;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The screening desk in headless Chromium: an analyst screens a name at {@code /screen}, marks a
 * result NEEDS_REVIEW (the screening enters the queue on {@code /screenings}), a reviewer finds it
 * by name and marks it a true match (it leaves the queue), and Start an engagement opens the intake
 * form with the party filled in. Each step is checked in the log's service too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskPagesTest {
    static final Path data = Scenarios.temporaryDirectory("scrutiny-desk-");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired ListCatalog catalog;
    @Autowired Users users;
    @Autowired ScreeningLog log;

    private static final Actor AUDITOR = new Actor("audrey", Set.of(Role.AUDITOR), null);

    @BeforeAll
    void seed() throws Exception {
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        users.add("ana", null, "ana@example.edu", Set.of(Role.ANALYST), Browser.PASSWORD, "test");
        users.add("rex", null, null, Set.of(Role.REVIEWER), Browser.PASSWORD, "test");
        users.add("bea", null, null, Set.of(Role.ANALYST), Browser.PASSWORD, "test");
    }

    private Browser signedIn(String user) {
        Browser browser = Browser.open("http://localhost:" + port);
        browser.signIn(user);
        browser.console();
        return browser;
    }

    @Test
    void anAnalystScreensAndQueuesAResultAReviewerDisposesOfItAndStartsAnEngagement() {
        long id;
        try (Browser ana = signedIn("ana")) {
            ana.go("/screen");
            ana.type("name", "Huawei Technologies Co Ltd");
            new Select(ana.byId("schema")).selectByValue("Company");
            ana.type("countries", "CN");
            ana.setValue(ana.byId("as_of"), "2019-06-01");
            ana.type("purpose", "Vendor quote for test equipment");
            ana.byId("watch").click();
            ana.find(By.cssSelector("#screen-form button[type=submit]")).click();
            ana.await(d -> ana.path().matches("/screenings/\\d+"));
            id = Long.parseLong(ana.path().substring("/screenings/".length()));
            assertThat(ana.byId("results").getText()).contains("Huawei Technologies Co., Ltd.").contains("name 1.00");
            new Select(ana.find(By.cssSelector("#results tbody tr:first-child select"))).selectByValue("NEEDS_REVIEW");
            ana.find(By.cssSelector("#results tbody tr:first-child input[name=reason]")).sendKeys("Which Huawei entity quoted?");
            ana.find(By.cssSelector("#results tbody tr:first-child button[type=submit]")).click();
            ana.await(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "waits for review"));

            // blank (the browser's own check passes spaces) and an unknown country: refused on the page, nothing logged
            ana.go("/screen");
            ana.type("name", "   ");
            ana.type("countries", "Narnia"); // a name no country has (China, by name, is read as CN)
            ana.find(By.cssSelector("#screen-form button[type=submit]")).click();
            ana.await(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
            assertThat(ana.byId("problems").getText()).contains("name: is required").contains("countries[0]");
        }
        LoggedScreening s = log.find(id, AUDITOR);
        assertThat(s.open()).isTrue();
        assertThat(s.query().watch()).isTrue();
        assertThat(s.query().purpose()).isEqualTo("Vendor quote for test equipment");
        assertThat(log.search(LogSearch.openQueue(10), AUDITOR)).extracting(LoggedScreening::id).containsExactly(id);
        assertThat(log.search(new LogSearch(null, "ana", null, null, null, null, 10), AUDITOR)).as("the refused one is not logged").hasSize(1);

        try (Browser rex = signedIn("rex")) {
            rex.go("/screenings");
            assertThat(rex.byId("queue").getText()).contains("Huawei Technologies Co Ltd");
            rex.type("q", "huawei");
            rex.find(By.cssSelector("#search-form button[type=submit]")).click();
            rex.await(ExpectedConditions.presenceOfElementLocated(By.id("found")));
            rex.find(By.cssSelector("#found a")).click();
            rex.await(d -> rex.path().equals("/screenings/" + id));
            new Select(rex.find(By.cssSelector("#results tbody tr:first-child select"))).selectByValue("TRUE_MATCH");
            rex.find(By.cssSelector("#results tbody tr:first-child input[name=reason]")).sendKeys("The Shenzhen parent itself");
            rex.find(By.cssSelector("#results tbody tr:first-child button[type=submit]")).click();
            rex.await(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "True match"));
            assertThat(rex.byId("outcome").getText()).isEqualTo("True match");
            rex.go("/screenings");
            assertThat(rex.byId("queue-empty").getText()).contains("No screening waits");

            assertThat(rex.console()).filteredOn(m -> m.startsWith("SEVERE") || m.contains("Content Security Policy"))
                    .filteredOn(m -> !m.contains("/favicon.ico")).isEmpty();
        }
        // intake is for submitters and analysts: the analyst starts the engagement from the screening
        try (Browser ana = signedIn("ana")) {
            ana.go("/screenings/" + id);
            ana.byId("start-engagement").click();
            ana.await(d -> ana.path().startsWith("/engagements/new"));
            assertThat(ana.find(By.name("parties[0].name")).getAttribute("value")).isEqualTo("Huawei Technologies Co Ltd");
            assertThat(ana.find(By.name("parties[0].country")).getAttribute("value")).isEqualTo("China"); // shown by name, posted as CN
        }
        LoggedScreening after = log.find(id, AUDITOR);
        assertThat(after.open()).isFalse();
        assertThat(after.dispositions()).extracting(d -> d.disposedBy()).containsExactly("ana", "rex");
    }

    /**
     * A batch from the desk: the upload form, the batch's page polling its progress until done, its
     * download links (fetched with the page's session), and the batch in the log. A file without a
     * name column is refused on the form with nothing recorded.
     */
    @Test
    void anAnalystUploadsABatchWatchesItFinishAndDownloadsItsResults() throws Exception {
        Path good = data.resolve("invitees.csv");
        java.nio.file.Files.writeString(good, "id,name,country\n1,Huawei Technologies Co Ltd,CN\n2,Jane Example,US\n");
        Path bad = data.resolve("people.csv");
        java.nio.file.Files.writeString(bad, "id,full_name\n1,Jane Example\n");
        long id;
        try (Browser bea = signedIn("bea")) {
            bea.go("/screen");
            bea.byId("batch-file").sendKeys(bad.toString());
            bea.byId("batch-submit").click();
            bea.await(ExpectedConditions.presenceOfElementLocated(By.id("batch-problems")));
            assertThat(bea.byId("batch-problems").getText()).contains("people.csv line 1").contains("no column 'name'");
            assertThat(log.search(new LogSearch(null, "bea", null, null, null, null, 10), AUDITOR)).isEmpty();

            bea.byId("batch-file").sendKeys(good.toString());
            bea.setValue(bea.byId("batch-as-of"), "2019-06-01");
            bea.type("batch-purpose", "Conference invitees");
            bea.byId("batch-submit").click();
            bea.await(d -> bea.path().matches("/screenings/batches/\\d+"));
            id = Long.parseLong(bea.path().substring("/screenings/batches/".length()));
            // the progress fragment polls itself until the batch is done, then shows the downloads
            bea.await(ExpectedConditions.presenceOfElementLocated(By.id("batch-downloads")));
            assertThat(bea.byId("batch-state").getText()).contains("done");
            assertThat(bea.byId("batch-bar").getAttribute("value")).isEqualTo("100");
            assertThat(bea.byId("batch-counts").getText()).startsWith("1 rows with hits");
            String csvLink = bea.byId("batch-csv").getAttribute("href");
            String xlsxLink = bea.byId("batch-xlsx").getAttribute("href");
            String cookie = bea.driver().manage().getCookieNamed("JSESSIONID").getValue();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> csv = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(csvLink))
                    .header("Cookie", "JSESSIONID=" + cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("batch-" + id + "-results.csv");
            assertThat(csv.body()).contains("el-huawei").contains("Jane Example");
            java.net.http.HttpResponse<byte[]> xlsx = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(xlsxLink))
                    .header("Cookie", "JSESSIONID=" + cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
                assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(2);
            }

            // the batch is in the log; its entry leads to its page
            bea.go("/screenings?user=bea");
            assertThat(bea.byId("found").getText()).contains("invitees.csv").contains("Batch");
            bea.find(By.cssSelector("#found a")).click();
            bea.await(d -> bea.path().equals("/screenings/batches/" + id));
            assertThat(bea.console()).filteredOn(m -> m.startsWith("SEVERE") || m.contains("Content Security Policy"))
                    .filteredOn(m -> !m.contains("/favicon.ico")).isEmpty();
        }
        assertThat(log.find(id, AUDITOR).query().purpose()).isEqualTo("Conference invitees");
    }
}
