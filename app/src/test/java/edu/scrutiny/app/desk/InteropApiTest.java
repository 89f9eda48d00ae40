package edu.scrutiny.app.desk;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Users;
import org.junit.jupiter.api.Assumptions;
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
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static edu.scrutiny.app.desk.DeskServer.JSON;
import static edu.scrutiny.app.desk.DeskServer.enc;
import static edu.scrutiny.app.desk.DeskServer.fields;
import static edu.scrutiny.app.desk.DeskServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yente API and the W3C reconciliation API on a real server: their request and response
 * shapes, the reconciliation answers validated against the official JSON Schemas, their
 * authentication (a token as Bearer or as yente's ApiKey; no session), and the screening log they
 * write (nothing for a refused request).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "scrutiny.reconcile.preview-frame-origins=http://localhost:3333")
@DirtiesContext
class InteropApiTest {
    @TempDir
    static Path data;

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

    private static DeskServer server;

    @BeforeEach
    void server() throws Exception {
        if (server == null) {
            server = new DeskServer(port, users, tokens).withLists();
        }
    }

    private int logSize() throws Exception {
        return json(server.get("auditor", "/api/screenings")).size();
    }

    private static final String MATCH = """
            {"queries": {
              "vendor": {"schema": "Company", "properties": {"name": ["Huawei Technologies Company"], "jurisdiction": ["cn"]}},
              "visitor": {"schema": "Person", "properties": {"firstName": ["Ivan"], "lastName": ["Petrov"], "nationality": ["ru"],
                          "birthDate": ["1961"]}}}}""";

    @Test
    void aYenteClientMatchesWithItsApiKeyAndEachNameIsLoggedUnderTheTokensUser() throws Exception {
        int before = logSize();
        HttpResponse<String> r = server.sendWithHeader("ApiKey " + server.token("analyst2"), "POST",
                "/yente/match/default?algorithm=logic-v2&limit=3", "application/json", MATCH);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
        JsonNode body = json(r);
        assertThat(body.get("limit").asInt()).isEqualTo(3);
        assertThat(body.get("requested_algorithm").asString()).isEqualTo("logic-v2");
        JsonNode vendor = body.get("responses").get("vendor");
        assertThat(vendor.get("status").asInt()).isEqualTo(200);
        assertThat(vendor.get("total").get("relation").asString()).isEqualTo("eq");
        assertThat(vendor.get("query").get("schema").asString()).isEqualTo("Company");
        JsonNode huawei = vendor.get("results").get(0);
        assertThat(huawei.get("id").asString()).isEqualTo("us_bis_entity_list.el-huawei");
        assertThat(huawei.get("caption").asString()).isEqualTo("Huawei Technologies Co., Ltd.");
        assertThat(huawei.get("schema").asString()).isEqualTo("Company");
        assertThat(huawei.get("datasets").get(0).asString()).isEqualTo("us_bis_entity_list");
        assertThat(huawei.get("properties").get("country").get(0).asString()).isEqualTo("cn");
        assertThat(huawei.get("properties").get("topics").get(0).asString()).isEqualTo("export.control");
        assertThat(huawei.get("match").asBoolean()).isTrue();
        assertThat(huawei.get("score").asDouble()).isGreaterThan(0.8);
        assertThat(huawei.get("explanations").get("scrutiny").get("detail").asString()).contains("name");
        assertThat(huawei.has("first_seen") && huawei.has("last_seen")).isTrue();
        JsonNode petrov = body.get("responses").get("visitor").get("results").get(0);
        assertThat(petrov.get("id").asString()).isEqualTo("desk_sanctions.sdn-petrov");
        assertThat(petrov.get("properties").get("topics").get(0).asString()).isEqualTo("sanction");

        assertThat(logSize()).as("one log entry per name").isEqualTo(before + 2);
        JsonNode logged = json(server.get("auditor", "/api/screenings?user=analyst2")).get(0);
        assertThat(logged.get("channel").asString()).isEqualTo("YENTE");

        // the entity, by the id the match gave; the same with a Bearer token
        HttpResponse<String> entity = server.get("auditor", "/yente/entities/" + huawei.get("id").asString());
        assertThat(entity.statusCode()).as(entity.body()).isEqualTo(200);
        assertThat(json(entity).get("properties").get("alias").get(0).asString()).isEqualTo("Huawei");
        assertThat(server.get("auditor", "/yente/entities/us_bis_entity_list.el-nobody").statusCode()).isEqualTo(404);
        assertThat(server.get("auditor", "/yente/entities/not~an~id").statusCode()).isEqualTo(404);
    }

    @Test
    void yenteRefusesTooManyQueriesUnknownDatasetsAndSchemataAndRecordsNothing() throws Exception {
        int before = logSize();
        StringBuilder many = new StringBuilder("{\"queries\": {");
        for (int i = 0; i <= YenteQueries.MAX_QUERIES; i++) {
            many.append(i == 0 ? "" : ",").append("\"q").append(i).append("\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}");
        }
        HttpResponse<String> tooMany = server.postJson("analyst", "/yente/match/default", many.append("}}").toString());
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("101 queries").contains("at most 100");
        HttpResponse<String> dataset = server.postJson("analyst", "/yente/match/sanctions", MATCH);
        assertThat(dataset.statusCode()).isEqualTo(404);
        assertThat(dataset.body()).contains("default").contains("us_bis_entity_list");
        HttpResponse<String> schema = server.postJson("analyst", "/yente/match/default",
                "{\"queries\": {\"a\": {\"schema\": \"Robot\", \"properties\": {\"name\": \"R2\"}}, \"b\": {\"schema\": \"Person\", \"properties\": {}}}}");
        assertThat(schema.statusCode()).isEqualTo(400);
        assertThat(fields(schema)).containsExactly("queries.a.schema", "queries.b.properties.name");
        assertThat(server.get("auditor", "/yente/search/default?q=Huawei").statusCode()).as("the auditor does not screen").isEqualTo(403);
        assertThat(server.sendWithHeader(null, "POST", "/yente/match/default", "application/json", MATCH).statusCode()).isEqualTo(401);
        assertThat(server.sendWithHeader("ApiKey scr_wrong", "POST", "/yente/match/default", "application/json", MATCH).statusCode())
                .isEqualTo(401);
        assertThat(logSize()).isEqualTo(before);
    }

    @Test
    void yenteSearchPagesAndFacets() throws Exception {
        HttpResponse<String> r = server.get("reviewer", "/yente/search/default?q=" + enc("Huawei Technologies") + "&limit=1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("results")).hasSize(1);
        assertThat(body.get("total").get("value").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(body.get("facets").get("datasets").get("values").findValuesAsString("name")).contains("us_bis_entity_list");
        assertThat(body.get("facets").get("schema").get("values").findValuesAsString("name")).contains("Company");
        assertThat(body.get("facets").get("countries").get("values").findValuesAsString("name")).contains("cn");
        assertThat(fields(server.get("reviewer", "/yente/search/default?limit=1"))).containsExactly("name");
    }

    private static String batch(String json) {
        return "queries=" + enc(json);
    }

    @Test
    void reconciliationAnswersAnOpenRefineBatchAsTheOfficialSchemasSay() throws Exception {
        Assumptions.assumeTrue(ReconciliationSchemas.present(),
                "the reconciliation JSON Schemas are not in " + ReconciliationSchemas.DIR + ": schema validation skipped");
        HttpResponse<String> manifest = server.sendWithHeader(null, "GET", "/reconcile/default", null, null);
        assertThat(manifest.statusCode()).as("the manifest is public: OpenRefine reads how to sign in from it").isEqualTo(200);
        JsonNode m = json(manifest);
        assertThat(ReconciliationSchemas.problems("manifest.json", m)).isEmpty();
        assertThat(m.get("batchSize").asInt()).isEqualTo(50);
        // authentication refers to Swagger 2's securityDefinitions: checked by hand (type apiKey, in header, a name)
        assertThat(m.get("authentication").get("type").asString()).isEqualTo("apiKey");
        assertThat(m.get("authentication").get("in").asString()).isEqualTo("header");
        assertThat(m.get("authentication").get("name").asString()).isEqualTo("Authorization");
        assertThat(m.get("defaultTypes").findValuesAsString("id")).contains("Person", "Company", "Organization");

        String queries = """
                {"q0": {"query": "Huawei Technologies Company", "type": "Company", "limit": 3,
                        "properties": [{"pid": "country", "v": "CN"}], "type_strict": "should"},
                 "q1": {"query": "Ivan Petrov", "type": "Person", "properties": [{"pid": "birth_date", "v": "1961-04-02"}]},
                 "q2": {"query": "Lakeside Optics GmbH"}}""";
        assertThat(ReconciliationSchemas.problems("reconciliation-query-batch.json", JSON.readTree(queries))).isEmpty();
        HttpResponse<String> posted = server.send("analyst", "POST", "/reconcile/default", "application/x-www-form-urlencoded", batch(queries));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode answers = json(posted);
        assertThat(ReconciliationSchemas.problems("reconciliation-result-batch.json", answers)).isEmpty();
        JsonNode best = answers.get("q0").get("result").get(0);
        assertThat(best.get("id").asString()).isEqualTo("us_bis_entity_list.el-huawei");
        assertThat(best.get("match").asBoolean()).isTrue();
        assertThat(answers.get("q1").get("result").get(0).get("id").asString()).isEqualTo("desk_sanctions.sdn-petrov");
        assertThat(answers.get("q2").get("result")).isEmpty();
        HttpResponse<String> viaGet = server.sendWithHeader("ApiKey " + server.token("analyst"), "GET",
                "/reconcile/default?" + batch(queries), null, null);
        assertThat(viaGet.statusCode()).isEqualTo(200);
        assertThat(ReconciliationSchemas.problems("reconciliation-result-batch.json", json(viaGet))).isEmpty();
        assertThat(json(server.get("auditor", "/api/screenings?user=analyst")).findValuesAsString("channel")).contains("RECONCILE");

        HttpResponse<String> suggest = server.get("analyst", "/reconcile/default/suggest/entity?prefix=" + enc("Rosoboron"));
        assertThat(suggest.statusCode()).as(suggest.body()).isEqualTo(200);
        assertThat(ReconciliationSchemas.problems("suggest-entities-response.json", json(suggest))).isEmpty();
        assertThat(json(suggest).get("result").findValuesAsString("id")).contains("desk_sanctions.sdn-rosoboron");
    }

    @Test
    void thePreviewCardIsEscapedAndMayBeFramedOnlyByTheConfiguredOrigins() throws Exception {
        HttpResponse<String> card = server.get("auditor", "/reconcile/default/preview?id=us_bis_entity_list.el-huawei");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(card.body()).contains("Huawei Technologies Co., Ltd.").contains("Added by 84 FR 22961");
        assertThat(card.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors http://localhost:3333")
                .doesNotContain("frame-ancestors 'none'");
        assertThat(card.headers().firstValue("X-Frame-Options")).isEmpty();
        HttpResponse<String> other = server.get("analyst", "/reconcile/default/suggest/entity?prefix=Huawei");
        assertThat(other.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(other.headers().firstValue("X-Frame-Options").orElse("")).isEqualTo("DENY");
        assertThat(server.get("auditor", "/reconcile/default/preview?id=" + enc("<script>")).statusCode()).isEqualTo(404);
        // a token that is not one is refused, as on the API
        assertThat(server.sendWithHeader("ApiKey not-a-token", "GET", "/reconcile/default/preview?id=us_bis_entity_list.el-huawei", null,
                null).statusCode()).isEqualTo(401);
    }

    /**
     * The preview card as OpenRefine's iframe fetches it: a browser's navigation of a frame, with no
     * Authorization header. With OpenRefine's origin configured, entries of published lists are shown
     * (framable by that origin only); the institution's own watchlist and anything not held are not,
     * and the answer says nothing of the screening log and logs nothing.
     */
    @Test
    void thePreviewCardAnswersAnIframeWithoutCredentialsForPublishedListsOnly() throws Exception {
        HttpResponse<String> watch = server.upload("analyst", "/api/lists/import?effective=2019-01-01&category=watchlist", "our_watchlist.csv", """
                id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
                w-1,Meridian Quartz Holdings,,Company,DE,Internal concern,2020-01-01,,,,,Under internal review
                """);
        assertThat(watch.statusCode()).as(watch.body()).isIn(200, 201);
        int before = logSize();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, HttpResponse<String>> frame = id -> {
            try {
                return browser.send(java.net.http.HttpRequest.newBuilder(server.uri("/reconcile/default/preview?id=" + enc(id)))
                        .header("Sec-Fetch-Dest", "iframe").header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "cross-site")
                        .header("Referer", "http://localhost:3333/").header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        HttpResponse<String> card = frame.apply("us_bis_entity_list.el-huawei");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        assertThat(card.body()).contains("Huawei Technologies Co., Ltd.").doesNotContain("screening");
        assertThat(card.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors http://localhost:3333");
        assertThat(card.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(card.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(frame.apply("desk_sanctions.sdn-rosoboron").statusCode()).isEqualTo(200);

        HttpResponse<String> internal = frame.apply("our_watchlist.w-1");
        assertThat(internal.statusCode()).isEqualTo(401);
        assertThat(internal.body()).doesNotContain("Meridian");
        // an unknown list is answered as a non-public one: no oracle for which lists are held
        assertThat(frame.apply("nowhere.x-1").statusCode()).isEqualTo(401);
        // with a token, staff see the watchlist's card too
        assertThat(server.get("auditor", "/reconcile/default/preview?id=our_watchlist.w-1").body()).contains("Meridian Quartz Holdings");
        // the rest of the service still needs credentials
        assertThat(server.sendWithHeader(null, "GET", "/reconcile/default/suggest/entity?prefix=Huawei", null, null).statusCode()).isEqualTo(401);
        assertThat(server.sendWithHeader(null, "GET", "/yente/entities/us_bis_entity_list.el-huawei", null, null).statusCode()).isEqualTo(401);
        assertThat(logSize()).isEqualTo(before);
    }

    @Test
    void reconciliationRefusesOversizedBatchesAndUnknownPropertiesAndRecordsNothing() throws Exception {
        int before = logSize();
        ObjectNode many = JSON.createObjectNode();
        for (int i = 0; i <= ReconcileQueries.BATCH_SIZE; i++) {
            many.putObject("q" + i).put("query", "Huawei");
        }
        HttpResponse<String> tooMany = server.send("analyst", "POST", "/reconcile/default", "application/x-www-form-urlencoded",
                batch(many.toString()));
        assertThat(tooMany.statusCode()).isEqualTo(413);
        HttpResponse<String> bad = server.send("analyst", "POST", "/reconcile/default", "application/x-www-form-urlencoded", batch("""
                {"q0": {"query": "Huawei", "type": "Spaceship", "properties": [{"pid": "colour", "v": "red"}]}}"""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("queries.q0.properties[0].pid", "queries.q0.type");
        assertThat(server.send("analyst", "POST", "/reconcile/nowhere", "application/x-www-form-urlencoded",
                batch("{\"q0\": {\"query\": \"Huawei\"}}")).statusCode()).isEqualTo(404);
        assertThat(server.sendWithHeader(null, "GET", "/reconcile/nowhere", null, null).statusCode()).isEqualTo(404);
        assertThat(logSize()).isEqualTo(before);
        assertThat(List.of(tooMany.body())).allSatisfy(b -> assertThat(b).contains("at most 50"));
    }
}
