package edu.scrutiny.app;

import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import edu.scrutiny.app.testsupport.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API over a real server on the loopback interface, on H2 in a temporary data directory:
 * every request goes through HTTP, JSON (or multipart) in and JSON out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // closes the database before the temporary directory is removed
class RestApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HUAWEI = "Huawei Technologies Co., Ltd.";
    private static final String ENTITY_LIST = """
            id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
            el-huawei,"Huawei Technologies Co., Ltd.",Huawei,Company,CN,Entity List,2019-05-16,,,,https://www.federalregister.gov/,Added by 84 FR 22961
            el-nudt,National University of Defense Technology,NUDT,Organization,CN,Entity List,2015-02-18,,,,https://www.federalregister.gov/,Added by 80 FR 8524
            """;

    @TempDir
    static Path data;

    /** The list import and directive every test that assesses relies on, made once through the API. */
    private static HttpResponse<String> imported;
    private static HttpResponse<String> directivesPosted;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(data));
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    /** An analyst's API token: every request signs in with it. */
    private static String token;

    @BeforeEach
    void listAndDirective() throws Exception {
        if (imported != null) {
            return;
        }
        users.add("rest-analyst", null, null, Set.of(Role.ANALYST), null, "test");
        token = tokens.create("rest-analyst", "RestApiTest", "test").secret();
        imported = upload("us_bis_entity_list.csv", ENTITY_LIST, "effective=2019-01-01&category=export_control");
        directivesPosted = send("POST", "/api/directives", "application/yaml", """
                - id: huawei-zte-2019
                  title: No new engagements or renewals with Huawei or ZTE
                  counterparties: ["Huawei Technologies Co., Ltd.", ZTE Corporation]
                  include_subsidiaries: true
                  scope: [new, renewal]
                  effective_from: 2019-04-03
                  revisit_by: 2020-04-03
                  reason: The April 2019 decision to accept no new engagements with Huawei or ZTE
                """);
    }

    @Test
    void importsAnUploadedScrutinyCsvListAndShowsItsVersionsAndEntries() throws Exception {
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode result = json(imported);
        assertThat(result.get("duplicate").asBoolean()).isFalse();
        assertThat(result.get("added").asInt()).isEqualTo(2);
        JsonNode version = result.get("version");
        assertThat(version.get("list").asString()).isEqualTo("us_bis_entity_list");
        assertThat(version.get("format").asString()).isEqualTo("scrutiny-csv");
        assertThat(version.get("category").asString()).isEqualTo("export_control");
        assertThat(version.get("effective_from").asString()).isEqualTo("2019-01-01");
        assertThat(version.get("source").asString()).isEqualTo("upload us_bis_entity_list.csv");

        JsonNode lists = json(get("/api/lists"));
        assertThat(lists.findValuesAsString("list")).contains("us_bis_entity_list");
        JsonNode versions = json(get("/api/lists/us_bis_entity_list/versions"));
        assertThat(versions).hasSize(1);
        long id = version.get("id").asLong();

        JsonNode page = json(get("/api/lists/versions/" + id + "/entries?offset=1&limit=1"));
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("entries")).hasSize(1);
        JsonNode entry = page.get("entries").get(0);
        assertThat(entry.get("source_id").asString()).isEqualTo("el-nudt");
        assertThat(entry.get("category").asString()).isEqualTo("export_control");
        assertThat(entry.get("listed_on").asString()).isEqualTo("2015-02-18");
        assertThat(entry.get("content_sha").asString()).hasSize(64);
        assertThat(get("/api/lists/versions/" + id + "/entries?limit=1001").statusCode()).isEqualTo(400);
        assertThat(get("/api/lists/versions/" + (id + 100) + "/entries").statusCode()).isEqualTo(404);

        HttpResponse<String> again = upload("us_bis_entity_list.csv", ENTITY_LIST, "effective=2019-01-01&category=export_control");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        assertThat(json(get("/api/lists/us_bis_entity_list/versions"))).hasSize(1);
        assertThat(get("/api/lists/no_such_list/versions").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAListThatDoesNotParseOrHasADangerousName() throws Exception {
        HttpResponse<String> bad = upload("my_watchlist.csv", "id,name,colour\nw-1,Someone,red\n", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode body = json(bad);
        assertThat(body.get("error").asString()).isEqualTo("invalid list");
        assertThat(body.get("message").asString()).contains("my_watchlist.csv").contains("header").doesNotContain("scrutiny-upload");

        HttpResponse<String> traversal = upload("../../etc/us_bis_entity_list.csv", "id,name\n", "");
        assertThat(traversal.statusCode()).isEqualTo(400);
        assertThat(json(traversal).get("problems").get(0).get("field").asString()).isEqualTo("file");

        HttpResponse<String> category = upload("other.csv", "id,name\n", "category=secret");
        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(json(category).get("problems").get(0).get("field").asString()).isEqualTo("category");
        assertThat(json(get("/api/lists")).findValuesAsString("list")).doesNotContain("my_watchlist", "other");
    }

    @Test
    void importsDirectivesAndShowsThemWithTheirHistory() throws Exception {
        assertThat(directivesPosted.statusCode()).as(directivesPosted.body()).isEqualTo(200);
        assertThat(json(directivesPosted).get("added").asInt()).isEqualTo(1);
        JsonNode all = json(get("/api/directives"));
        assertThat(all).hasSize(1);
        JsonNode one = json(get("/api/directives/huawei-zte-2019"));
        assertThat(one.get("current").get("directive").get("counterparties").get(0).asString()).isEqualTo(HUAWEI);
        assertThat(one.get("history")).hasSize(1);
        assertThat(get("/api/directives/nothing-like-it").statusCode()).isEqualTo(404);

        HttpResponse<String> bad = send("POST", "/api/directives", "application/json",
                "[{\"id\": \"x\", \"title\": \"X\", \"counterparties\": [\"X\"], \"include_subsidiaries\": false,"
                        + " \"scope\": [\"new\"], \"effective_from\": \"someday\", \"reason\": \"r\", \"colour\": \"red\"}]");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(json(bad))).contains("[0].effective_from", "[0].colour");
    }

    @Test
    void submitsAnEngagementWithHuaweiAndFindsItProhibited() throws Exception {
        HttpResponse<String> created = send("POST", "/api/engagements", "application/json", huaweiEngagement());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.get("id").asString();
        assertThat(id).startsWith("ENG-");
        assertThat(body.get("tier").asString()).isEqualTo("PROHIBITED");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/engagements/" + id);

        JsonNode stored = json(api().get(location));
        assertThat(stored.get("engagement").get("parties").get(0).get("name").asString()).isEqualTo(HUAWEI);
        assertThat(stored.get("status").asString()).as("PROHIBITED: a case opens for an analyst to decline").isEqualTo("in_review");
        JsonNode assessment = stored.get("latest_assessment").get("assessment");
        assertThat(assessment.get("tier").asString()).isEqualTo("PROHIBITED");
        assertThat(assessment.get("directives").findValuesAsString("id")).containsExactly("huawei-zte-2019");
        assertThat(assessment.get("hits").findValuesAsString("source_id")).contains("el-huawei");
        assertThat(assessment.get("reasons").findValuesAsString("code")).contains("DIRECTIVE", "EXPORT_CONTROL_HIT");

        JsonNode list = json(get("/api/engagements"));
        JsonNode row = StreamSupport.stream(list.spliterator(), false).filter(r -> r.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(row.get("tier").asString()).isEqualTo("PROHIBITED");
        assertThat(row.get("submitted_on").asString()).isEqualTo("2019-06-01");
        assertThat(row.get("type").asString()).isEqualTo("sponsored_research");

        // before Huawei was listed: still prohibited by the directive, but no Entity List hit
        HttpResponse<String> again = send("POST", "/api/engagements/" + id + "/assessments?as_of=2019-04-10", "application/json", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("assessment").get("hits")).isEmpty();
        assertThat(json(get("/api/engagements/" + id + "/assessments"))).hasSize(2);
        assertThat(get("/api/engagements/ENG-999999").statusCode()).isEqualTo(404);
        assertThat(get("/api/engagements/ENG-999999").body()).doesNotContain("Exception").doesNotContain("at edu.");
    }

    @Test
    void assessesWithoutStoringAndNamesEveryWrongField() throws Exception {
        HttpResponse<String> ok = send("POST", "/api/assessments?as_of=2019-04-10", "application/json", huaweiEngagement());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).get("as_of").asString()).isEqualTo("2019-04-10");
        assertThat(json(ok).get("tier").asString()).isEqualTo("PROHIBITED");
        assertThat(json(ok).has("policy_version")).isTrue();

        ObjectNode bad = (ObjectNode) JSON.readTree(huaweiEngagement());
        bad.remove("title");
        ((ObjectNode) bad.get("parties").get(0)).put("kind", "robot");
        ((ObjectNode) bad.get("funding")).put("currency", "dollars");
        HttpResponse<String> refused = send("POST", "/api/assessments", "application/json", bad.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json(refused);
        assertThat(error.get("error").asString()).isEqualTo("invalid input");
        assertThat(error.get("source").asString()).isEqualTo("POST /api/assessments");
        assertThat(fields(error)).containsExactlyInAnyOrder("title", "parties[0].kind", "funding.currency");
        assertThat(error.get("problems").findValuesAsString("message"))
                .contains("is required").anyMatch(m -> m.contains("'robot' is not one of"))
                .noneMatch(m -> m.startsWith("/") || m.startsWith("$"));

        HttpResponse<String> notJson = send("POST", "/api/engagements", "application/json", "{\"title\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("problems").get(0).get("message").asString()).contains("not valid JSON");

        HttpResponse<String> badDate = send("POST", "/api/assessments?as_of=yesterday", "application/json", huaweiEngagement());
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(fields(json(badDate))).containsExactly("as_of");
    }

    @Test
    void screensANameAsOfADateAndClearsAFalsePositive() throws Exception {
        JsonNode before = json(get("/api/screen?name=" + enc(HUAWEI) + "&country=CN&as_of=2019-05-01"));
        assertThat(before.get("hits")).isEmpty();
        JsonNode after = json(get("/api/screen?name=" + enc("Huawei Technologies Company") + "&kind=organization&as_of=2019-06-01"));
        JsonNode hit = after.get("hits").get(0);
        assertThat(hit.get("source_id").asString()).isEqualTo("el-huawei");
        assertThat(hit.get("category").asString()).isEqualTo("export_control");

        ObjectNode clearance = JSON.createObjectNode();
        clearance.put("party", hit.get("party").asString()).put("list", hit.get("list").asString())
                .put("source_id", hit.get("source_id").asString()).put("content_sha", hit.get("content_sha").asString())
                .put("reason", "A test: the same words, another company");
        // one analyst's clearance is a request until a second analyst confirms it (security.HitClearanceFourEyesTest)
        HttpResponse<String> requested = send("POST", "/api/hits/clearances", "application/json", clearance.toString());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(json(requested).get("requested_by").asString()).isEqualTo("rest-analyst");
        assertThat(json(requested).get("status").asString()).isEqualTo("pending");

        clearance.remove("reason");
        HttpResponse<String> noReason = send("POST", "/api/hits/clearances", "application/json", clearance.toString());
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(fields(json(noReason))).containsExactly("reason");
        assertThat(get("/api/screen?name=x&kind=robot").statusCode()).isEqualTo(400);
        assertThat(fields(json(get("/api/screen")))).containsExactly("name");
    }

    @Test
    void editsACountryListAsANewVersion() throws Exception {
        JsonNode current = json(get("/api/country-lists/elevated_risk"));
        assertThat(current.get("version").asInt()).isEqualTo(1);
        ObjectNode update = JSON.createObjectNode();
        update.putArray("countries").addObject().put("code", "RU").put("reason", "Sanctions since 2022");
        update.put("note", "Only Russia for now").put("revisit_by", "2027-01-01");
        HttpResponse<String> put = send("PUT", "/api/country-lists/elevated_risk", "application/json", update.toString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("version").asInt()).isEqualTo(2);
        assertThat(json(get("/api/country-lists/elevated_risk")).get("countries").findValuesAsString("code")).containsExactly("RU");
        assertThat(json(get("/api/country-lists/elevated_risk/history"))).hasSize(2);
        assertThat(json(get("/api/country-lists"))).hasSize(2);
        assertThat(get("/api/country-lists/nowhere").statusCode()).isEqualTo(404);

        update.putArray("countries").addObject().put("code", "XX").put("reason", "");
        HttpResponse<String> bad = send("PUT", "/api/country-lists/countries_of_concern", "application/json", update.toString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(json(bad))).contains("countries[0].code", "countries[0].reason");
        update.put("colour", "red");
        assertThat(fields(json(send("PUT", "/api/country-lists/countries_of_concern", "application/json", update.toString()))))
                .containsExactly("colour");
        assertThat(json(get("/api/country-lists/countries_of_concern")).get("version").asInt()).isEqualTo(1);
        assertThat(json(get("/api/research-areas")).findValuesAsString("code")).contains("quantum", "semiconductors");
    }

    @Test
    void readsAndVersionsThePolicyAndRefusesAnInvalidOne() throws Exception {
        JsonNode current = json(get("/api/policy"));
        int version = current.get("version").asInt();
        JsonNode document = current.get("document");
        assertThat(document.get("rules").findValuesAsString("code")).contains("DIRECTIVE");

        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("document", document);
        wrapped.put("note", "The same rules, stored again");
        HttpResponse<String> put = send("PUT", "/api/policy", "application/json", wrapped.toString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("version").asInt()).isEqualTo(version + 1);
        assertThat(json(put).get("note").asString()).isEqualTo("The same rules, stored again");
        HttpResponse<String> bare = send("PUT", "/api/policy?note=bare", "application/json", document.toString());
        assertThat(json(bare).get("version").asInt()).isEqualTo(version + 2);
        assertThat(json(get("/api/policy/versions"))).hasSize(version + 2);
        assertThat(json(get("/api/policy/versions/" + version)).get("version").asInt()).isEqualTo(version);
        assertThat(get("/api/policy/versions/999").statusCode()).isEqualTo(404);

        ObjectNode tooHigh = (ObjectNode) document.deepCopy();
        ((ObjectNode) tooHigh.get("rules").get(0).get("dimensions")).put("reputation", 1.5);
        HttpResponse<String> refused = send("PUT", "/api/policy", "application/json", tooHigh.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fields(json(refused))).containsExactly("rules[0].dimensions.reputation");

        ObjectNode unknown = (ObjectNode) document.deepCopy();
        ((ObjectNode) unknown.get("rules").get(1)).put("when", "full_moon");
        wrapped.set("document", unknown);
        HttpResponse<String> refusedToo = send("PUT", "/api/policy", "application/json", wrapped.toString());
        assertThat(refusedToo.statusCode()).isEqualTo(400);
        assertThat(fields(json(refusedToo))).containsExactly("document.rules[1].when");
        assertThat(json(get("/api/policy")).get("version").asInt()).isEqualTo(version + 2);

        wrapped.set("document", document);
        wrapped.remove("note");
        HttpResponse<String> noNote = send("PUT", "/api/policy", "application/json", wrapped.toString());
        assertThat(noNote.statusCode()).as(noNote.body()).isEqualTo(200);
        assertThat(json(noNote).get("version").asInt()).isEqualTo(version + 3);
    }

    @Test
    void documentsTheApiWithOpenApiAndABrowsablePage() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json(docs).get("paths");
        assertThat(paths.has("/api/engagements")).isTrue();
        assertThat(paths.get("/api/engagements").has("post")).isTrue();
        for (String p : List.of("/api/engagements/{id}", "/api/engagements/{id}/assessments", "/api/assessments",
                "/api/schemas/engagement", "/api/lists", "/api/lists/{list}/versions", "/api/lists/versions/{id}/entries",
                "/api/lists/import", "/api/screen", "/api/hits/clearances", "/api/directives", "/api/directives/{id}",
                "/api/country-lists", "/api/country-lists/{key}", "/api/country-lists/{key}/history", "/api/research-areas",
                "/api/policy", "/api/policy/versions", "/api/policy/versions/{version}")) {
            assertThat(paths.has(p)).as(p).isTrue();
        }
        assertThat(paths.get("/api/engagements").get("post").get("summary").asString()).isNotBlank();

        HttpResponse<String> page = get("/api-docs.html");
        if (page.statusCode() / 100 == 3) { // springdoc sends the browser on to swagger-ui/index.html
            page = get(page.uri().resolve(page.headers().firstValue("Location").orElseThrow()).toString());
        }
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");

        HttpResponse<String> schema = get("/api/schemas/engagement");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.headers().firstValue("Content-Type").orElse("")).startsWith("application/schema+json");
        assertThat(json(schema).get("required").valueStream().map(JsonNode::asString)).contains("title", "parties");
    }

    private static String huaweiEngagement() {
        return """
                {"title": "Sponsored research with Huawei on 5G antennas",
                 "type": "sponsored_research", "renewal": false, "submitted_on": "2019-06-01",
                 "funding": {"amount": 250000, "currency": "USD", "source": "industry"},
                 "parties": [{"name": "Huawei Technologies Co., Ltd.", "kind": "organization", "country": "CN",
                              "role": "sponsor", "organization_type": "company"}],
                 "work_countries": ["US"], "research_areas": ["networking_communications"]}
                """;
    }

    /** The REST API as the analyst, through the shared sign-in fixture. */
    private SignIn.Api api() {
        return new SignIn(port).token(token);
    }

    private HttpResponse<String> get(String path) {
        return api().get(path);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        return api().send(method, path, contentType, body);
    }

    /** Uploads a file as the multipart part {@code file}, as a browser form or {@code curl -F} would. */
    private HttpResponse<String> upload(String fileName, String content, String query) throws Exception {
        String boundary = "scrutiny-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        List<Path> before = uploadDirectories();
        HttpResponse<String> response = api().sendBytes("POST", "/api/lists/import" + (query.isEmpty() ? "" : "?" + query),
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertThat(uploadDirectories()).as("the upload is removed").isSubsetOf(before);
        return response;
    }

    private static List<Path> uploadDirectories() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("scrutiny-upload-")).toList();
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body()).contains("json");
        return JSON.readTree(response.body());
    }

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.get("problems").forEach(p -> out.add(p.get("field").asString()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
