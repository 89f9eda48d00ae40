package edu.scrutiny.app;

import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The ROR import end to end over a real server (multipart upload, JSON out), the party field
 * {@code ror} through the engagement API, and the engagement page showing the party's record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstitutionsApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-ror-api")));
    }

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MockMvc mvc;

    private static String analyst;
    private static String submitter;
    private static String engagementId;
    private static String formerNameEngagement;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void accountsAndListing() throws Exception {
        if (analyst != null) {
            return;
        }
        users.add("ror-analyst", null, null, Set.of(Role.ANALYST), null, "test");
        users.add("ror-submitter", null, null, Set.of(Role.SUBMITTER), null, "test");
        analyst = tokens.create("ror-analyst", "test", "test").secret();
        submitter = tokens.create("ror-submitter", "test", "test").secret();
        HttpResponse<String> listed = upload(analyst, "/api/lists/import?category=research_security&effective=2021-06-30",
                "institution_watchlist.csv", text("institution_watchlist.csv"));
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
    }

    private static String text(String name) throws Exception {
        return Files.readString(Scenarios.pathOf("/institutions/" + name));
    }

    @Test
    @Order(1)
    void aBadDumpIsRefusedNamingTheUploadAndTheRecordAndChangesNothing() throws Exception {
        String nameless = text("ror-v2.json").replaceFirst("(?s)\"names\": \\[\\s*\\{\"value\": \"Binhai.*?\\],\\s*\"relationships\"",
                "\"names\": [], \"relationships\"");
        HttpResponse<String> refused = upload(analyst, "/api/institutions/import", "v1.58-ror-data_schema_v2.json", nameless);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("v1.58-ror-data_schema_v2.json record 2").contains("https://ror.org/01zzzzz99")
                .contains("has no names").doesNotContain("scrutiny-upload-");
        HttpResponse<String> notRor = upload(analyst, "/api/institutions/import", "partners.json", "{\"partners\": []}");
        assertThat(notRor.statusCode()).isEqualTo(400);
        assertThat(notRor.body()).contains("partners.json").contains("not a ROR data dump");
        // submitted before any dump: its former name hits nothing yet
        HttpResponse<String> former = send(submitter, "POST", "/api/engagements",
                engagement("x").replace(", \"ror\": \"x\"", "").replace("NPU-DT Tianjin Campus", "Binhai Institute of Military Engineering"));
        assertThat(former.statusCode()).as(former.body()).isEqualTo(201);
        formerNameEngagement = JSON.readTree(former.body()).get("id").asString();
        assertThat(send(analyst, "GET", "/api/engagements/" + formerNameEngagement + "/assessments", null).body()).doesNotContain("npudt");
        JsonNode overview = JSON.readTree(send(analyst, "GET", "/api/institutions", null).body());
        assertThat(overview.path("current").isMissingNode() || overview.path("current").isNull()).as(overview.toString()).isTrue();
        assertThat(overview.get("versions")).isEmpty();
    }

    @Test
    @Order(2)
    void analystsImportAndEveryStaffRoleLooksRecordsUp() throws Exception {
        HttpResponse<String> forbidden = upload(submitter, "/api/institutions/import", "ror.json", text("ror-v2.json"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        HttpResponse<String> imported = upload(analyst, "/api/institutions/import", "ror.json", text("ror-v2.json"));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(imported.body());
        assertThat(body.get("version").get("records").asInt()).isEqualTo(3);
        assertThat(body.get("version").get("source").asString()).isEqualTo("upload ror.json");
        assertThat(body.get("version").get("imported_by").asString()).isEqualTo("ror-analyst");
        HttpResponse<String> again = upload(analyst, "/api/institutions/import", "ror.json", text("ror-v2.json"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("duplicate").asBoolean()).isTrue();

        // monitoring: the engagement submitted under the former name is re-assessed, hits, and raises an alert
        assertThat(send(analyst, "GET", "/api/engagements/" + formerNameEngagement + "/assessments", null).body())
                .contains("npudt").contains("bridged by ROR: the party is ROR https://ror.org/01zzzzz99");
        assertThat(send(analyst, "GET", "/api/alerts", null).body()).contains(formerNameEngagement).contains("NEW_HIT")
                .contains("after ROR version");

        HttpResponse<String> record = send(analyst, "GET", "/api/institutions/01zzzzz99", null);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(record.body()).get("status").asString()).isEqualTo("inactive");
        assertThat(send(analyst, "GET", "/api/institutions/0aaaaaaaa", null).statusCode()).isEqualTo(404);
        java.util.List<String> page = new java.util.ArrayList<>();
        JSON.readTree(send(analyst, "GET", "/api/institutions/records?limit=2", null).body()).forEach(r -> page.add(r.get("id").asString()));
        assertThat(page).containsExactly("https://ror.org/01zzzzz99", "https://ror.org/02pppppp0");
    }

    @Test
    @Order(3)
    void thePartyFieldRorIsCheckedAndBridgesAndTheEngagementPageShowsTheRecord() throws Exception {
        assertThat(send(submitter, "GET", "/api/schemas/engagement", null).body()).contains("\"ror\"");
        HttpResponse<String> unknown = send(submitter, "POST", "/api/engagements", engagement("0aaaaaaaa"));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("parties[0].ror").contains("not a record of the ROR dump in force");
        HttpResponse<String> malformed = send(submitter, "POST", "/api/engagements", engagement("ror:123"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("parties[0].ror");

        HttpResponse<String> submitted = send(submitter, "POST", "/api/engagements", engagement("https://ror.org/01zzzzz99"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        engagementId = JSON.readTree(submitted.body()).get("id").asString();
        String assessments = send(analyst, "GET", "/api/engagements/" + engagementId + "/assessments", null).body();
        assertThat(assessments).contains("npudt").contains("bridged by ROR: the party is ROR https://ror.org/01zzzzz99");

        String page = mvc.perform(get("/engagements/" + engagementId).with(user("ror-analyst").roles("ANALYST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Institutions (Research Organization Registry)")
                .contains("href=\"https://ror.org/01zzzzz99\"")
                .contains("Binhai Institute of Military Engineering")
                .contains("inactive (its names still bridge to the lists)")
                .contains("successor: https://ror.org/05abcde12 Northern Polytechnical University of Defence Technology")
                .contains("Binhai Military Engineering College (alias, en)")
                .contains("the ror id given for the party");
        String form = mvc.perform(get("/engagements/new").with(user("ror-analyst").roles("ANALYST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"parties[0].ror\"").contains("ROR id (organizations only");
    }

    private static String engagement(String ror) {
        return """
                {"title": "Joint lab", "type": "collaboration", "renewal": false, "submitted_on": "2024-05-01",
                 "funding": {"amount": 0, "currency": "USD", "source": "internal"},
                 "parties": [{"name": "NPU-DT Tianjin Campus", "kind": "organization", "country": "CN",
                              "role": "collaborator", "organization_type": "university", "ror": "%s"}],
                 "work_countries": ["US"], "research_areas": ["mathematics"]}
                """.formatted(ror);
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String token, String path, String fileName, String content) throws Exception {
        String boundary = "ror-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
