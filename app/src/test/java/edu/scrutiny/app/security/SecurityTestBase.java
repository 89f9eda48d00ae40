package edu.scrutiny.app.security;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.lists.ListCategory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the data-path security tests share: one application on a real port over a fresh H2 data
 * directory (one context for every subclass: each test makes its own users and data, named
 * uniquely), users with API tokens, a web session signed in through the form, and a list to screen
 * against. The list-source rules are the defaults (https, public addresses, the import directory
 * {@code DATA/imports}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "scrutiny.refresh.attempts=1")
abstract class SecurityTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Path DATA = Scenarios.temporaryDirectory("scrutiny-security");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(DATA));
        registry.add("scrutiny.sources.import-directory", () -> DATA.resolve("imports").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    ListCatalog catalog;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    static Path dataDirectory() {
        return DATA;
    }

    /** A new user with these roles (a unique name starting with {@code prefix}), and their API token. */
    record User(String name, String token) {
    }

    User user(String prefix, Role... roles) {
        String name = prefix + "-" + COUNTER.incrementAndGet();
        users.add(name, null, null, Set.of(roles), PASSWORD, "test");
        return new User(name, tokens.create(name, "security test", "test").secret());
    }

    /** A JSON body's response, or any other request's (body null: none). */
    HttpResponse<String> send(User as, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + as.token());
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return exchange(http, b.build());
    }

    HttpResponse<String> get(User as, String path) {
        return send(as, "GET", path, null);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A browser-like session signed in through the sign-in form (cookies kept, CSRF token read from the form). */
    HttpClient signInThroughTheForm(User user) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = exchange(browser, HttpRequest.newBuilder(uri("/login")).GET().build());
        String body = "username=" + enc(user.name()) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf(form.body()));
        HttpResponse<String> signedIn = exchange(browser, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(signedIn.statusCode()).as("signing in as " + user.name()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Imports a one-entry Scrutiny CSV list (once per list key) in the given category. */
    void importList(String listKey, String sourceId, String name, ListCategory category) {
        if (catalog.latest(listKey).isPresent()) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("scrutiny-security-list");
            Path file = dir.resolve(listKey + ".csv");
            Files.writeString(file, """
                    id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
                    %s,"%s",,Company,CN,Test programme,2019-01-01,,,,https://example.org/,a test entry
                    """.formatted(sourceId, name));
            catalog.importList(file, LocalDate.of(2019, 1, 1), category, ListCatalog.ImportProgress.NONE, "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An engagement with one counterparty, as the API takes it. */
    static String engagement(String title, String party) {
        return """
                {"title": "%s", "type": "sponsored_research", "renewal": false, "submitted_on": "2019-06-01",
                 "department": "Department of %s",
                 "funding": {"amount": 250000, "currency": "USD", "source": "industry"},
                 "parties": [{"name": "%s", "kind": "organization", "country": "CN", "role": "sponsor",
                              "organization_type": "company"}],
                 "work_countries": ["US"], "research_areas": ["networking_communications"]}
                """.formatted(title, title, party);
    }

    /** Submits an engagement as {@code as} through the API; returns its id. */
    String submit(User as, String title, String party) {
        HttpResponse<String> r = send(as, "POST", "/api/engagements", engagement(title, party));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asString();
    }

    /** The latest case of an engagement, as an analyst finds it. */
    long caseOf(User analyst, String engagementId) {
        for (JsonNode c : json(get(analyst, "/api/cases"))) {
            if (c.get("engagement_id").asString().equals(engagementId)) {
                return c.get("case_id").asLong();
            }
        }
        throw new AssertionError("no open case for " + engagementId);
    }

    /** How many audit records there are. */
    long auditRecords() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }
}
