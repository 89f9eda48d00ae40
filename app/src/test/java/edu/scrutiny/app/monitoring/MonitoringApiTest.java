package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
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
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Monitoring over the REST API on a real server: a source, its refresh, a failed refresh's alert, acknowledging it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MonitoringApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-api")));
        registry.add("scrutiny.sources.import-directory", PUBLISHED::toString);
    }

    /** The import directory: a server reads list files only from there. */
    private static final Path PUBLISHED = Scenarios.temporaryDirectory("published");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    edu.scrutiny.app.identity.Users users;
    @org.springframework.beans.factory.annotation.Autowired
    edu.scrutiny.app.identity.ApiTokens tokens;
    private String token;

    /** An analyst's API token: analysts act on alerts and sources. */
    private String token() {
        if (token == null) {
            users.add("monitoring-analyst", null, null, java.util.Set.of(edu.scrutiny.app.identity.Role.ANALYST), null, "test");
            token = tokens.create("monitoring-analyst", "MonitoringApiTest", "test").secret();
        }
        return token;
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        b.header("Authorization", "Bearer " + token());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sourcesRefreshAndAlerts() throws Exception {
        Path file = PUBLISHED.resolve("us_bis_entity_list.csv");
        Files.copy(Scenarios.path("monitoring/2017-03-29/us_bis_entity_list.csv"), file);

        HttpResponse<String> added = send("POST", "/api/list-sources",
                "{\"list\": \"us_bis_entity_list\", \"location\": \"" + file + "\", \"every\": \"12h\", \"category\": \"export_control\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(JSON.readTree(added.body()).get("every").asString()).isEqualTo("PT12H");

        HttpResponse<String> refreshed = send("POST", "/api/list-sources/us_bis_entity_list/refresh", null);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(JSON.readTree(refreshed.body()).get(0).get("status").asString()).isEqualTo("IMPORTED");

        Files.writeString(file, "id,name\n");
        JsonNode failed = JSON.readTree(send("POST", "/api/list-sources/us_bis_entity_list/refresh", null).body());
        assertThat(failed.get(0).get("status").asString()).isEqualTo("FAILED");
        JsonNode open = JSON.readTree(send("GET", "/api/alerts", null).body());
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).get("kind").asString()).isEqualTo("LIST_REFRESH_FAILED");

        long id = open.get(0).get("id").asLong();
        assertThat(send("POST", "/api/alerts/" + id + "/acknowledgement", null).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", "/api/alerts", null).body()).size()).isZero();
        assertThat(send("POST", "/api/alerts/999/acknowledgement", null).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = send("POST", "/api/list-sources", "{\"list\": \"x\", \"location\": \"" + file + "\", \"every\": \"soon\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("every");
    }
}
