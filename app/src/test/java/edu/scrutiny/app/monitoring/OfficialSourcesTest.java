package edu.scrutiny.app.monitoring;

import com.sun.net.httpserver.HttpServer;
import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.testsupport.Browser;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of official sources, end to end on a real server: a loopback HTTP server plays
 * every publisher, serving the readers' own sample files under the mirror's layout
 * ({@code scrutiny.sources.official-mirror}, with http and private addresses allowed for the test),
 * so nothing reaches the internet. The administrator enables the sources through the API, the
 * refresh imports each list in its catalogue format, and only the administrator may enable them,
 * through the API or the button on {@code /lists}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"scrutiny.refresh.attempts=1", "scrutiny.sources.allow-http=true", "scrutiny.sources.allow-private-addresses=true"})
@DirtiesContext
class OfficialSourcesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = Browser.PASSWORD;
    /** The sample each catalogue entry is served from: the readers' fixtures (lists/src/test/resources/samples). */
    private static final Map<String, String> SAMPLES = Map.of(
            "us_ofac_sdn", "/samples/ofac-enhanced-xml/SDN_ENHANCED.XML",
            "us_ofac_cons", "/samples/ofac-enhanced-xml/CONS_ENHANCED.XML",
            "us_trade_csl", "/samples/csl-json/consolidated.json",
            "un_sc", "/samples/un-xml/consolidated.xml",
            "eu_fsf", "/samples/eu-xml/eu-fsf-sample.xml",
            "gb_fcdo", "/samples/uk-xml/uk-sanctions-list-sample.xml");
    private static final HttpServer PUBLISHER = publisher();
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-official")));
        registry.add("scrutiny.sources.official-mirror", () -> "http://127.0.0.1:" + PUBLISHER.getAddress().getPort() + "/mirror/");
    }

    /** Serves MIRROR/LIST/FILE from the sample of LIST; anything else is 404. */
    private static HttpServer publisher() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/mirror/", exchange -> {
                try (exchange) {
                    String[] parts = exchange.getRequestURI().getPath().split("/");
                    String resource = parts.length == 4 ? SAMPLES.get(parts[2]) : null;
                    if (resource == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    REQUESTS.computeIfAbsent(parts[2], k -> new AtomicInteger()).incrementAndGet();
                    byte[] body;
                    try (InputStream in = OfficialSourcesTest.class.getResourceAsStream(resource)) {
                        body = in.readAllBytes();
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopPublisher() {
        PUBLISHER.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired Users users;
    @Autowired ApiTokens tokens;
    @Autowired ListSources sources;
    @Autowired OfficialSources official;
    @Autowired ListCatalog catalog;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    record User(String name, String token) {
    }

    private User user(Role role) {
        String name = role.name().toLowerCase() + "-" + COUNTER.incrementAndGet();
        users.add(name, null, null, Set.of(role), PASSWORD, "test");
        return new User(name, tokens.create(name, "official sources test", "test").secret());
    }

    private HttpResponse<String> send(User as, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + as.token());
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each test starts with no list source (list versions imported by earlier tests stay, as they would). */
    @BeforeEach
    void noSources() {
        jdbc.sql("DELETE FROM list_source").update();
    }

    private List<String> sourceKeys() {
        return sources.all().stream().map(ListSourceSettings::listKey).toList();
    }

    @Test
    void theAdministratorEnablesEverySourceAndTheFirstRefreshImportsEachListInItsCatalogueFormat() throws Exception {
        User admin = user(Role.ADMINISTRATOR);
        for (String unsaid : List.of("null", "{}", "{\"lists\": []}", "{\"all\": false}", "{\"all\": true, \"lists\": [\"un_sc\"]}")) {
            HttpResponse<String> r = send(admin, "POST", "/api/list-sources/official", unsaid);
            assertThat(r.statusCode()).as(unsaid + " " + r.body()).isEqualTo(400);
        }
        assertThat(send(admin, "POST", "/api/list-sources/official", null).statusCode()).as("no body").isEqualTo(400);
        assertThat(sourceKeys()).as("a body that says nothing enables nothing").isEmpty();
        HttpResponse<String> enabled = send(admin, "POST", "/api/list-sources/official", "{\"all\": true}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(enabled.body());
        List<String> added = new ArrayList<>();
        body.forEach(e -> {
            assertThat(e.get("outcome").asString()).isEqualTo("ADDED");
            assertThat(e.get("location").asString()).startsWith("http://127.0.0.1:" + PUBLISHER.getAddress().getPort() + "/mirror/");
            added.add(e.get("list").asString());
        });
        assertThat(added).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
        assertThat(sourceKeys()).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet()).doesNotContain("us_dod_1286", "us_dod_1260h");
        assertThat(sources.find("us_ofac_sdn").orElseThrow().location()).endsWith("/mirror/us_ofac_sdn/SDN_ENHANCED.XML");
        assertThat(sources.find("eu_fsf").orElseThrow().category()).as("official formats carry their own category").isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'list_source.changed' AND actor = :a")
                .param("a", admin.name()).query(Long.class).single()).as("each source audited under the administrator").isEqualTo(6);

        // the refresh job's own step: every source is due at once
        List<RefreshOutcome> outcomes = sources.refreshDue();
        assertThat(outcomes).extracting(RefreshOutcome::status).as("%s", outcomes).containsOnly("IMPORTED").hasSize(6);
        for (OfficialSource s : official.catalogue().sources()) {
            if (!s.downloadable()) {
                continue;
            }
            StoredListVersion v = catalog.latest(s.listKey()).orElseThrow(() -> new AssertionError(s.listKey() + " not imported"));
            assertThat(v.format()).as(s.listKey()).isEqualTo(s.format());
            assertThat(v.entries()).as(s.listKey()).isPositive();
            assertThat(v.source()).as(s.listKey()).isEqualTo(official.catalogue().location(s));
            assertThat(REQUESTS.get(s.listKey())).as(s.listKey() + " fetched from the loopback publisher").isNotNull();
        }
        assertThat(catalog.entries(catalog.latest("us_ofac_cons").orElseThrow().id()))
                .as("the format's own category").allSatisfy(e -> assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS));

        HttpResponse<String> listed = send(admin, "GET", "/api/list-sources/official", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode catalogue = JSON.readTree(listed.body());
        assertThat(catalogue.size()).isEqualTo(8);
        catalogue.forEach(s -> assertThat(s.get("status").asString())
                .isEqualTo(s.get("list").asString().startsWith("us_dod_") ? "PDF_ONLY" : "ENABLED"));
        JsonNode pdfOnly = catalogue.get(7);
        assertThat(pdfOnly.get("pdf").asString()).startsWith("https://www.govinfo.gov/");
        assertThat(pdfOnly.has("location")).isFalse();
    }

    @Test
    void onlyTheAdministratorEnablesThemAndStaffReadTheCatalogue() {
        for (Role role : List.of(Role.ANALYST, Role.REVIEWER, Role.AUDITOR, Role.SUBMITTER)) {
            HttpResponse<String> r = send(user(role), "POST", "/api/list-sources/official", "{\"lists\": [\"un_sc\"]}");
            assertThat(r.statusCode()).as(role + " " + r.body()).isEqualTo(403);
        }
        assertThat(sourceKeys()).isEmpty();
        for (Role role : List.of(Role.ANALYST, Role.REVIEWER, Role.AUDITOR, Role.ADMINISTRATOR)) {
            assertThat(send(user(role), "GET", "/api/list-sources/official", null).statusCode()).as(role.name()).isEqualTo(200);
        }
        assertThat(send(user(Role.SUBMITTER), "GET", "/api/list-sources/official", null).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = http(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/list-sources/official"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(sourceKeys()).isEmpty();
    }

    private HttpResponse<String> http(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unknownAndPdfOnlyListsAreRefusedWithTheirReasonAndNothingIsAdded() {
        User admin = user(Role.ADMINISTRATOR);
        HttpResponse<String> unknown = send(admin, "POST", "/api/list-sources/official", "{\"lists\": [\"un_sc\", \"us_ofac_sdnn\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("POST /api/list-sources/official").contains("'us_ofac_sdnn' is not an official source")
                .contains("us_ofac_sdn, us_ofac_cons, us_trade_csl, un_sc, eu_fsf, gb_fcdo, us_dod_1286, us_dod_1260h");
        HttpResponse<String> pdf = send(admin, "POST", "/api/list-sources/official", "{\"lists\": [\"us_dod_1286\"]}");
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(pdf.body()).contains("published only as PDF").contains("basicresearch.defense.gov").contains("Scrutiny CSV");
        assertThat(sourceKeys()).as("nothing added, not even un_sc").isEmpty();
    }

    @Test
    void aListThatAlreadyHasASourceKeepsIt() {
        User admin = user(Role.ADMINISTRATOR);
        sources.add("un_sc", "https://mirror.example.org/un/consolidated.xml", java.time.Duration.ofHours(6), null, "test");
        HttpResponse<String> r = send(admin, "POST", "/api/list-sources/official", "{\"lists\": [\"un_sc\", \"gb_fcdo\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get(0).get("list").asString()).isEqualTo("un_sc");
        assertThat(body.get(0).get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(body.get(0).get("message").asString()).contains("already has a source (https://mirror.example.org/un/consolidated.xml)");
        assertThat(body.get(1).get("outcome").asString()).isEqualTo("ADDED");
        assertThat(sources.find("un_sc").orElseThrow().location()).isEqualTo("https://mirror.example.org/un/consolidated.xml");
        assertThat(sources.find("un_sc").orElseThrow().every()).isEqualTo(java.time.Duration.ofHours(6));
    }

    @Test
    void theButtonOnTheListsPageIsTheAdministratorsAndEnablesTheSources() {
        users.add("olga", null, null, Set.of(Role.ADMINISTRATOR), PASSWORD, "test");
        users.add("otto", null, null, Set.of(Role.ANALYST), PASSWORD, "test");
        try (Browser analyst = Browser.signedIn(port, "otto")) {
            analyst.go("/lists");
            assertThat(analyst.byId("official-sources").getText()).contains("us_ofac_sdn").contains("not enabled").contains("PDF only");
            assertThat(analyst.findAll("#enable-official")).as("an analyst has no button").isEmpty();
        }
        try (Browser admin = Browser.signedIn(port, "olga")) {
            admin.go("/lists");
            assertThat(admin.find(By.cssSelector("#enable-official input[name=_csrf]")).getAttribute("value")).isNotBlank();
            admin.submit("enable-official");
            admin.notice("Enabled 6 official sources");
            assertThat(admin.byId("official-us_ofac_sdn").getText()).contains("enabled").doesNotContain("not enabled");
            assertThat(admin.byId("official-us_dod_1260h").getText()).contains("PDF only");
            admin.submit("enable-official");
            admin.notice("already enabled; nothing changed");
            admin.consoleIsClean();
        }
        assertThat(sourceKeys()).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'list_source.changed' AND actor = 'olga'")
                .query(Long.class).single()).isEqualTo(6);
    }
}
