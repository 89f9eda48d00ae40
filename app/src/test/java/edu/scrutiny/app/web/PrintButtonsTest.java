package edu.scrutiny.app.web;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.desk.Channel;
import edu.scrutiny.app.desk.DeskQuery;
import edu.scrutiny.app.desk.LoggedScreening;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.ReviewCase;
import edu.scrutiny.app.testsupport.Browser;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The print buttons in headless Chromium: the engagement page and the case page link the dossier,
 * a screening's page its certificate, and each link, followed with the page's own session, gives a PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintButtonsTest {
    static final Path data = Scenarios.temporaryDirectory("scrutiny-print-");
    /** Fetches a link's target in the page (same session) and answers "STATUS CONTENT-TYPE FIRST-BYTES". */
    static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(document.getElementById(arguments[0]).href)
              .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                  + new TextDecoder().decode(new Uint8Array(b).slice(0, 5)))))
              .catch(e => done('failed ' + e));
            """;

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
    @Autowired Engagements engagements;
    @Autowired Cases cases;
    @Autowired ScreeningLog log;

    private static final Actor ANALYST = new Actor("ana", Set.of(Role.ANALYST), null);
    private StoredEngagement gift;
    private ReviewCase giftCase;
    private LoggedScreening screening;

    @BeforeAll
    void seed() throws Exception {
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        users.add("ana", null, null, Set.of(Role.ANALYST), Browser.PASSWORD, "test");
        gift = engagements.submit(Scenarios.engagement("saudi-gift-2020"), "saudi-gift-2020", "ana");
        giftCase = cases.forEngagement(gift.id(), ANALYST).getLast();
        screening = log.screen(new DeskQuery("Huawei Technologies Co Ltd", Schema.COMPANY, List.of("CN"), null, null,
                LocalDate.parse("2019-06-01"), "vendor check", false), ANALYST, Channel.DESK);
    }

    @Test
    void theEngagementCaseAndScreeningPagesLinkTheirPdfs() {
        try (Browser ana = Browser.signedIn(port, "ana")) {
            ana.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            ana.go("/engagements/" + gift.id());
            assertThat(ana.byId("dossier").getText()).isEqualTo("Dossier (PDF)");
            assertThat(ana.byId("dossier").getAttribute("download")).isNotNull();
            assertThat(fetch(ana, "dossier")).isEqualTo("200 application/pdf %PDF-");

            ana.go("/cases/" + giftCase.id());
            assertThat(ana.byId("dossier").getAttribute("href")).endsWith("/engagements/" + gift.id() + "/dossier.pdf");

            ana.go("/screenings/" + screening.id());
            assertThat(ana.byId("certificate").getText()).isEqualTo("Certificate (PDF)");
            assertThat(fetch(ana, "certificate")).isEqualTo("200 application/pdf %PDF-");
            ana.consoleIsClean();
        }
    }

    private static String fetch(Browser browser, String linkId) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(FETCH, linkId);
    }
}
