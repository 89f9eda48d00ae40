package edu.scrutiny.app;

import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ImportsInProgress;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.testsupport.SignIn;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The low items of issue 13 on a running server: one list import per user at a time (the API's and
 * the list page's background import); URLs from list data become links only when they are http(s);
 * and no error answer, of a page or of the API, shows a Java type name or a stack trace, or tells
 * whether an engagement exists to someone who may not see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UntrustedInputTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "untrusted input password";
    /** What an answer must never show: a Java package-qualified name, an exception's name, a stack frame. */
    private static final Pattern JAVA = Pattern.compile(
            "\\b(java|javax|jakarta|org\\.springframework|org\\.apache|org\\.h2|org\\.postgresql|tools\\.jackson|com\\.fasterxml|edu\\.scrutiny)\\.[a-zA-Z]"
                    + "|[A-Za-z]Exception\\b|\\bat [a-z]+\\.[a-z]+\\.[A-Za-z.$]+\\(");
    private static final String LIST_HEADER = "id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-untrusted")));
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ImportsInProgress imports;
    @Autowired
    ListCatalog catalog;

    SignIn signIn;

    @BeforeEach
    void accounts() {
        signIn = new SignIn(port);
        Map<String, Role> people = Map.of("ana", Role.ANALYST, "ben", Role.ANALYST, "sue", Role.SUBMITTER, "sam", Role.SUBMITTER);
        people.forEach((name, role) -> {
            if (users.find(name).isEmpty()) {
                users.add(name, null, null, Set.of(role), PASSWORD, "test");
            }
        });
    }

    @Test
    void aSecondImportOfTheSameUserWhileTheFirstRunsIsRefusedWith409() {
        SignIn.Api ana = signIn.token(tokens.create("ana", "t", "test").secret());
        SignIn.Api ben = signIn.token(tokens.create("ben", "t", "test").secret());
        SignIn.Session anaPages = signIn.form("ana", PASSWORD);
        HttpResponse<String> refused;
        // ana's first import is still running (a large list, started from the page or the API)
        anaPages.get("/lists"); // the form's CSRF token, as a browser has it from the page
        try (ImportsInProgress.Claim first = imports.claim("ana", "large_list.csv")) {
            refused = upload(ana, "watch_one.csv", list("w1", "Harbour Optics", ""));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(JSON.readTree(refused.body()).get("message").asString())
                    .contains("large_list.csv is still running").contains("one import per user at a time");

            HttpResponse<String> page = anaPages.postFile("/lists/import", "watch_two.csv", list("w2", "Harbour Optics", ""),
                    Map.of("category", "watchlist"));
            assertThat(page.statusCode()).as("the list page's background import").isEqualTo(409);
            assertThat(page.body()).contains("large_list.csv is still running");

            HttpResponse<String> other = upload(ben, "watch_three.csv", list("w3", "Harbour Optics", ""));
            assertThat(other.statusCode()).as("another user's import is not held up: %s", other.body()).isEqualTo(201);
        }
        assertThat(catalog.versions("watch_one")).as("nothing of the refused imports is stored").isEmpty();
        assertThat(catalog.versions("watch_two")).isEmpty();

        // once it has ended, the next one runs; a failed import frees the slot as well as a finished one
        assertThat(upload(ana, "watch_one.csv", "not,a,list\n").statusCode()).isEqualTo(400);
        HttpResponse<String> next = upload(ana, "watch_one.csv", list("w1", "Harbour Optics", ""));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        assertThat(upload(ana, "watch_four.csv", list("w4", "Harbour Optics", "")).statusCode()).isEqualTo(201);
        anaPages.get("/lists");
        HttpResponse<String> started = anaPages.postFile("/lists/import", "watch_two.csv", list("w2", "Harbour Optics", ""),
                Map.of("category", "watchlist"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String progress = java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(progress).startsWith("/lists/import/");
        // the import's page is ana's: another analyst who has its address is answered as if there were none
        assertThat(anaPages.get(progress).statusCode()).isEqualTo(200);
        assertThat(signIn.form("ben", PASSWORD).get(progress).statusCode()).isEqualTo(404);
    }

    @Test
    void aSourceUrlThatIsNotHttpIsShownAsTextNotAsALink() throws Exception {
        Path file = Files.createTempDirectory("scrutiny-links").resolve("links_watch.csv");
        Files.writeString(file, LIST_HEADER
                + "js,Script Trading Ltd,,Company,CN,,2020-01-01,,,,javascript:alert(document.cookie),\n"
                + "data,Data Url Ltd,,Company,CN,,2020-01-01,,,,\"data:text/html,<script>alert(1)</script>\",\n"
                + "web,Web Trading Ltd,,Company,CN,,2020-01-01,,,,https://example.org/listing?id=1&x=2,\n");
        catalog.importList(file, LocalDate.parse("2020-01-01"), ListCategory.WATCHLIST, ListCatalog.ImportProgress.NONE, "test");
        StoredListVersion version = catalog.versions("links_watch").getFirst();
        SignIn.Session analyst = signIn.form("ana", PASSWORD);

        String js = analyst.get("/lists/versions/" + version.id() + "/entries/js").body();
        assertThat(js).contains("javascript:alert(document.cookie)").doesNotContain("href=\"javascript:");
        assertThat(js.toLowerCase()).doesNotContainPattern("href=\"\\s*javascript");
        String data = analyst.get("/lists/versions/" + version.id() + "/entries/data").body();
        assertThat(data).doesNotContain("href=\"data:").doesNotContain("<script>alert(1)</script>").contains("data:text/html,&lt;script&gt;");
        String web = analyst.get("/lists/versions/" + version.id() + "/entries/web").body();
        assertThat(web).contains("href=\"https://example.org/listing?id=1&amp;x=2\"");
    }

    @Test
    void errorAnswersShowNoJavaNamesAndDoNotTellWhetherAnEngagementExists() {
        SignIn.Api sam = signIn.token(tokens.create("sam", "t", "test").secret());
        SignIn.Api sue = signIn.token(tokens.create("sue", "t", "test").secret());
        SignIn.Api analyst = signIn.token(tokens.create("ana", "e", "test").secret());
        HttpResponse<String> made = sam.json("POST", "/api/engagements", """
                {"title": "Sam's sponsored research", "type": "sponsored_research", "renewal": false, "submitted_on": "2019-06-01",
                 "funding": {"amount": 250000, "currency": "USD", "source": "industry"},
                 "parties": [{"name": "Lakeside Optics GmbH", "kind": "organization", "country": "DE", "role": "sponsor",
                              "organization_type": "company"}],
                 "work_countries": ["US"], "research_areas": ["networking_communications"]}
                """);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String samsId = JSON.readTree(made.body()).get("id").asString();
        String missing = "ENG-999999";

        // to sue, sam's engagement and one that does not exist answer alike (the id aside), on the API and the pages
        for (String path : List.of("/api/engagements/%s", "/api/engagements/%s/assessments")) {
            HttpResponse<String> theirs = sue.get(path.formatted(samsId));
            HttpResponse<String> none = sue.get(path.formatted(missing));
            assertThat(theirs.statusCode()).as(path).isEqualTo(none.statusCode()).isEqualTo(404);
            assertThat(theirs.body().replace(samsId, missing)).as(path).isEqualTo(none.body());
        }
        SignIn.Session suePages = signIn.form("sue", PASSWORD);
        for (String path : List.of("/mine/%s", "/engagements/new?renews=%s")) {
            HttpResponse<String> theirs = suePages.get(path.formatted(samsId));
            HttpResponse<String> none = suePages.get(path.formatted(missing));
            assertThat(theirs.statusCode()).as(path).isEqualTo(none.statusCode()).isEqualTo(404);
            assertThat(stripCsrf(theirs.body()).replace(samsId, missing)).as(path).isEqualTo(stripCsrf(none.body()));
            assertThat(theirs.body()).doesNotContain("Sam's sponsored research");
        }

        // malformed requests of every kind: a 4xx in words, never a Java name or a stack trace
        SignIn.Session analystPages = signIn.form("ana", PASSWORD);
        SignIn.Multipart broken = new SignIn.Multipart("multipart/form-data; boundary=nothing-matches", "--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx".getBytes());
        List<HttpResponse<String>> answers = List.of(
                analyst.get("/api/lists/versions/abc/entries"),
                analyst.get("/api/lists/versions/1/entries?limit=lots"),
                analyst.get("/api/cases/not-a-number"),
                analyst.get("/api/no-such-endpoint"),
                analyst.send("PATCH", "/api/engagements", "application/json", "{}"),
                analyst.send("POST", "/api/engagements", "application/json", "{\"title\": "),
                analyst.send("POST", "/api/engagements", "application/json", "[1, 2, 3]"),
                analyst.sendBytes("POST", "/api/lists/import", broken.contentType(), broken.body()),
                analyst.sendBytes("POST", "/api/lists/import", "multipart/form-data", "no boundary".getBytes()),
                signIn.api(null).get("/api/engagements/" + samsId),
                signIn.api("Bearer not-a-token").get("/api/me"),
                analystPages.get("/lists/versions/abc/entries/x"),
                analystPages.get("/lists/versions/999999/entries/x"),
                analystPages.get("/cases/not-a-number"),
                analystPages.get("/engagements/" + missing),
                analystPages.get("/no-such-page"),
                suePages.get("/cases/1"),
                suePages.get("/lists"));
        for (HttpResponse<String> a : answers) {
            String what = a.request().method() + " " + a.uri() + " -> " + a.statusCode() + ": " + a.body();
            assertThat(a.statusCode()).as(what).isBetween(400, 499);
            assertThat(a.body()).as(what).doesNotContainPattern(JAVA);
            assertThat(a.body()).as(what).doesNotContain("Sam's sponsored research");
        }
    }

    private static String stripCsrf(String page) {
        return page.replaceAll("(name=\"_csrf\"[^>]*value=\"|content=\")[^\"]*\"", "$1\"");
    }

    private static String list(String id, String name, String sourceUrl) {
        return LIST_HEADER + id + "," + name + ",,Company,CN,,2020-01-01,,,," + sourceUrl + ",\n";
    }

    private static HttpResponse<String> upload(SignIn.Api api, String fileName, String content) {
        SignIn.Multipart m = SignIn.Multipart.file(fileName, content, Map.of());
        return api.sendBytes("POST", "/api/lists/import?category=watchlist", m.contentType(), m.body());
    }
}
