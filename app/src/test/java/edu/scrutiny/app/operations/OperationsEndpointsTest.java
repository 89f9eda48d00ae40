package edu.scrutiny.app.operations;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.monitoring.ListSources;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, metrics and the request log over a real server on loopback (H2): the probes open to
 * anyone, their details and the Prometheus scrape for the administrator and the monitor only, the
 * scrutiny_* metrics counting what happened, and every request logged with its correlation id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.edu.scrutiny.requests=INFO")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class OperationsEndpointsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
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
    ListSources sources;

    private static String monitor;
    private static String admin;
    private static String analyst;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void seed() throws Exception {
        if (monitor != null) {
            return;
        }
        users.add("scraper", null, null, Set.of(Role.MONITOR), null, "test");
        users.add("ops-admin", null, null, Set.of(Role.ADMINISTRATOR), null, "test");
        users.add("ops-analyst", null, null, Set.of(Role.ANALYST), null, "test");
        monitor = tokens.create("scraper", "prometheus", "test").secret();
        admin = tokens.create("ops-admin", "ops", "test").secret();
        analyst = tokens.create("ops-analyst", "ops", "test").secret();
        catalog.importList(Scenarios.path("monitoring/2017-03-29/us_bis_entity_list.csv"), LocalDate.parse("2019-01-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        // the imported list is current; the watchlist's source has never given anything: stale
        sources.add("us_bis_entity_list", "https://example.org/entity-list.csv", Duration.ofHours(24), ListCategory.EXPORT_CONTROL);
        sources.add("my_watchlist", "https://example.org/watchlist.csv", Duration.ofHours(24), null);
    }

    @Test
    void theProbesAreOpenToAnyoneAndReadinessWaitsForTheIndex() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null, null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
        HttpResponse<String> readiness = null;
        for (int i = 0; i < 100; i++) {
            readiness = get("/actuator/health/readiness", null, null);
            if (readiness.statusCode() == 200) {
                break;
            }
            assertThat(readiness.statusCode()).as("out of service until the index is built").isEqualTo(503);
            Thread.sleep(100);
        }
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        // the stale list does not take the instance out of service
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aStaleListIsAWarningWithDetailsForTheAdministratorAndTheMonitorOnly() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null, null);
        assertThat(anonymous.statusCode()).as("a warning is still 200").isEqualTo(200);
        JsonNode overall = JSON.readTree(anonymous.body());
        assertThat(overall.get("status").asString()).isEqualTo("WARNING");
        assertThat(overall.has("components")).as("no details without signing in").isFalse();
        assertThat(JSON.readTree(get("/actuator/health", "Bearer " + analyst, null).body()).has("components"))
                .as("nor for an analyst").isFalse();
        for (String token : new String[] {monitor, admin}) {
            JsonNode health = JSON.readTree(get("/actuator/health", "Bearer " + token, null).body());
            JsonNode lists = health.get("components").get("listFreshness").get("details").get("lists");
            assertThat(lists.get("my_watchlist").get("stale").asBoolean()).isTrue();
            assertThat(lists.get("my_watchlist").get("period").asString()).isEqualTo("PT24H");
            assertThat(lists.get("us_bis_entity_list").get("stale").asBoolean()).isFalse();
            assertThat(lists.get("us_bis_entity_list").get("version").asLong()).isPositive();
            assertThat(health.get("components").get("listFreshness").get("status").asString()).isEqualTo("WARNING");
            assertThat(health.get("components").has("db")).isTrue();
        }
    }

    @Test
    void prometheusIsForTheAdministratorAndTheMonitorAndCountsWhatHappened() throws Exception {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Bearer " + analyst, null).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/env", "Bearer " + admin, null).statusCode()).as("no other actuator endpoint").isIn(403, 404);
        assertThat(get("/api/engagements", "Bearer " + monitor, null).statusCode()).as("the monitor reads no engagement").isEqualTo(403);
        assertThat(get("/api/lists", "Bearer " + monitor, null).statusCode()).isEqualTo(403);

        HttpResponse<String> screened = get("/api/screen?name=National%20University%20of%20Defense%20Technology&as_of=2019-06-01",
                "Bearer " + analyst, null);
        assertThat(screened.statusCode()).as(screened.body()).isEqualTo(200);
        assertThat(get("/api/me", "Bearer scr_not_a_token", null).statusCode()).isEqualTo(401);

        for (String token : new String[] {monitor, admin}) {
            HttpResponse<String> scrape = get("/actuator/prometheus", "Bearer " + token, null);
            assertThat(scrape.statusCode()).isEqualTo(200);
            String text = scrape.body();
            assertThat(text)
                    .contains("scrutiny_screening_seconds_bucket{application=\"scrutiny\",path=\"/api/screen\"")
                    .contains("scrutiny_screening_seconds_count{application=\"scrutiny\",path=\"/api/screen\"} 1")
                    .contains("scrutiny_screening_hits_total{application=\"scrutiny\",list=\"us_bis_entity_list\"} 1")
                    .contains("scrutiny_list_imports_total{application=\"scrutiny\",list=\"us_bis_entity_list\"} 1")
                    .contains("scrutiny_list_age_seconds{application=\"scrutiny\",list=\"us_bis_entity_list\"}")
                    .contains("scrutiny_list_refresh_period_seconds{application=\"scrutiny\",list=\"us_bis_entity_list\"} 86400")
                    .contains("scrutiny_signin_failures_total{application=\"scrutiny\",method=\"token\"}")
                    .containsPattern("scrutiny_index_entries\\{application=\"scrutiny\"} [1-9]")
                    .contains("scrutiny_index_build_seconds{application=\"scrutiny\"}")
                    .contains("scrutiny_alerts_open{application=\"scrutiny\",kind=\"NEW_HIT\"} 0")
                    .contains("scrutiny_cases_open{age=\"under_7d\",application=\"scrutiny\",tier=\"ELEVATED\"} 0")
                    .contains("scrutiny_cases_oldest_days{application=\"scrutiny\",tier=\"PROHIBITED\"} 0");
        }
    }

    @Test
    void everyRequestIsLoggedWithItsCorrelationIdWhichTheResponseEchoes(CapturedOutput output) throws Exception {
        HttpResponse<String> given = get("/api/me", "Bearer " + analyst, "lb-7f3a.42");
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a.42");
        HttpResponse<String> made = get("/api/me", "Bearer " + analyst, null);
        String id = made.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        HttpResponse<String> insane = get("/api/me", null, "not an id; it has spaces and " + "x".repeat(200));
        assertThat(insane.headers().firstValue("X-Request-Id").orElseThrow()).as("replaced, never echoed").matches("[0-9a-f-]{36}");
        assertThat(output.getErr() + output.getOut())
                .containsPattern("\\[lb-7f3a\\.42\\] .*GET /api/me 200 \\d+ ms")
                .containsPattern("\\[" + id + "\\] .*GET /api/me 200 \\d+ ms")
                .containsPattern("GET /api/me 401 \\d+ ms")
                .doesNotContain("it has spaces");
    }

    private HttpResponse<String> get(String path, String authorization, String requestId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (requestId != null) {
            b.header("X-Request-Id", requestId);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
