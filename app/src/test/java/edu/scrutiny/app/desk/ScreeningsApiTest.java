package edu.scrutiny.app.desk;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Users;
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

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static edu.scrutiny.app.desk.DeskServer.enc;
import static edu.scrutiny.app.desk.DeskServer.fields;
import static edu.scrutiny.app.desk.DeskServer.ids;
import static edu.scrutiny.app.desk.DeskServer.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The screening log over the REST API, on a real server and H2: screen, search, read, dispose. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ScreeningsApiTest {
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
    @Autowired
    AuditLog audit;

    private static DeskServer server;

    @BeforeEach
    void server() throws Exception {
        if (server == null) {
            server = new DeskServer(port, users, tokens).withLists();
        }
    }

    private long logSize() throws Exception {
        HttpResponse<String> all = server.get("auditor", "/api/screenings");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        return json(all).size();
    }

    @Test
    void screensLogsAndFindsAScreeningByNameUserDateAndOutcome() throws Exception {
        HttpResponse<String> made = server.postJson("reviewer", "/api/screenings", """
                {"name": "Huawei Technologies Company", "schema": "Company", "countries": ["cn"], "as_of": "2019-06-01",
                 "purpose": "Visiting delegation in June", "lists": ["us_bis_entity_list"]}""");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode s = json(made);
        long id = s.get("id").asLong();
        assertThat(s.get("run_by").asString()).isEqualTo("reviewer");
        assertThat(s.get("channel").asString()).isEqualTo("API");
        assertThat(s.get("query").get("countries").get(0).asString()).isEqualTo("CN");
        assertThat(s.get("results").get(0).get("source_id").asString()).isEqualTo("el-huawei");
        assertThat(s.get("results").get(0).get("explanation").asString()).contains("name");
        assertThat(s.get("list_versions").findValuesAsString("list")).containsExactly("us_bis_entity_list");
        assertThat(s.get("outcome").asString()).isEqualTo("POTENTIAL_MATCH");

        JsonNode read = json(server.get("auditor", "/api/screenings/" + id));
        assertThat(read.get("query").get("purpose").asString()).isEqualTo("Visiting delegation in June");
        assertThat(read.get("results").get(0).get("content_sha").asString()).hasSize(64);

        assertThat(ids(server.get("auditor", "/api/screenings?q=" + enc("HUAWEI  technologies")))).contains(id);
        assertThat(ids(server.get("auditor", "/api/screenings?user=reviewer&outcome=potential_match"))).contains(id);
        assertThat(ids(server.get("auditor", "/api/screenings?user=analyst"))).doesNotContain(id);
        assertThat(json(server.get("auditor", "/api/screenings?to=2000-01-01"))).isEmpty();
        assertThat(ids(server.get("auditor", "/api/screenings?outcome=no_hits"))).doesNotContain(id);
        assertThat(fields(server.get("auditor", "/api/screenings?outcome=maybe"))).containsExactly("outcome");
        assertThat(audit.recent("screening", Long.toString(id))).anySatisfy(r -> assertThat(r.action()).isEqualTo("screening.logged"));

        // GET /api/screen answers as it always has, and is logged too
        HttpResponse<String> quick = server.get("analyst", "/api/screen?name=" + enc("Rosoboronexport") + "&as_of=2020-01-01");
        assertThat(quick.statusCode()).as(quick.body()).isEqualTo(200);
        long quickId = json(quick).get("screening_id").asLong();
        assertThat(json(quick).get("hits").findValuesAsString("source_id")).contains("sdn-rosoboron");
        assertThat(json(server.get("auditor", "/api/screenings/" + quickId)).get("query").get("name").asString()).isEqualTo("Rosoboronexport");
    }

    @Test
    void needsReviewKeepsAScreeningOpenUntilAnAnalystDisposesOfIt() throws Exception {
        long id = json(server.postJson("analyst", "/api/screenings", "{\"name\": \"NUDT\", \"as_of\": \"2019-06-01\"}")).get("id").asLong();
        HttpResponse<String> review = server.postJson("reviewer", "/api/screenings/" + id + "/dispositions",
                "{\"list\": \"us_bis_entity_list\", \"source_id\": \"el-nudt\", \"verdict\": \"NEEDS_REVIEW\", \"reason\": \"which NUDT?\"}");
        assertThat(review.statusCode()).as(review.body()).isEqualTo(201);
        assertThat(json(review).get("open").asBoolean()).isTrue();
        assertThat(ids(server.get("analyst", "/api/screenings?open=true"))).contains(id);

        HttpResponse<String> match = server.postJson("analyst", "/api/screenings/" + id + "/dispositions",
                "{\"list\": \"us_bis_entity_list\", \"source_id\": \"el-nudt\", \"verdict\": \"true_match\", \"reason\": \"the same university\"}");
        assertThat(match.statusCode()).as(match.body()).isEqualTo(201);
        JsonNode after = json(server.get("analyst", "/api/screenings/" + id));
        assertThat(after.get("open").asBoolean()).isFalse();
        assertThat(after.get("outcome").asString()).isEqualTo("TRUE_MATCH");
        assertThat(after.get("dispositions")).hasSize(2);
        assertThat(ids(server.get("analyst", "/api/screenings?open=true"))).doesNotContain(id);
        assertThat(ids(server.get("analyst", "/api/screenings?open=false&outcome=TRUE_MATCH"))).contains(id);
    }

    @Test
    void aFalsePositiveOnASanctionsEntryTakesASecondAnalystAndIsThenRemembered() throws Exception {
        String body = "{\"name\": \"Rosoboron Export Services Ltd\", \"schema\": \"organization\", \"as_of\": \"2020-01-01\"}";
        long id = json(server.postJson("analyst", "/api/screenings", body)).get("id").asLong();
        String fp = "{\"list\": \"desk_sanctions\", \"source_id\": \"sdn-rosoboron\", \"verdict\": \"FALSE_POSITIVE\", \"reason\": \"%s\"}";
        HttpResponse<String> first = server.postJson("analyst", "/api/screenings/" + id + "/dispositions", fp.formatted("a UK caterer"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).get("cleared").asBoolean()).isFalse();
        assertThat(json(first).get("open").asBoolean()).as("waits for a second analyst").isTrue();

        HttpResponse<String> again = server.postJson("analyst", "/api/screenings/" + id + "/dispositions", fp.formatted("still a caterer"));
        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("second, different analyst");
        HttpResponse<String> reviewer = server.postJson("reviewer", "/api/screenings/" + id + "/dispositions", fp.formatted("agree"));
        assertThat(reviewer.statusCode()).as("false positives are an analyst's").isEqualTo(403);

        HttpResponse<String> second = server.postJson("analyst2", "/api/screenings/" + id + "/dispositions", fp.formatted("checked: caterer"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(json(second).get("cleared").asBoolean()).isTrue();
        assertThat(json(second).get("disposition").get("confirms").asLong()).isEqualTo(json(first).get("disposition").get("id").asLong());
        JsonNode after = json(server.get("analyst", "/api/screenings/" + id));
        assertThat(after.get("outcome").asString()).isEqualTo("CLEARED");
        assertThat(after.get("open").asBoolean()).isFalse();

        JsonNode later = json(server.postJson("analyst", "/api/screenings", body));
        assertThat(later.get("results").get(0).get("cleared").asBoolean()).as("the clearance is remembered").isTrue();
        assertThat(later.get("outcome").asString()).isEqualTo("CLEARED");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsLogged() throws Exception {
        long before = logSize();
        HttpResponse<String> bad = server.postJson("analyst", "/api/screenings", """
                {"name": " ", "schema": "Robot", "countries": ["CN", "China"], "birth_date": "1961-4", "lists": ["no_such_list"]}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("name", "schema", "countries[1]", "birth_date", "lists[0]");
        assertThat(bad.body()).contains("us_bis_entity_list");
        assertThat(fields(server.postJson("analyst", "/api/screenings", "{\"name\": \"x\", \"colour\": \"red\"}"))).containsExactly("colour");
        assertThat(fields(server.postJson("analyst", "/api/screenings", "{\"name\": \"x\", \"as_of\": \"June\"}"))).containsExactly("as_of");
        assertThat(fields(server.get("analyst", "/api/screen?name=x&kind=robot"))).containsExactly("kind");
        assertThat(server.postJson("auditor", "/api/screenings", "{\"name\": \"Huawei\"}").statusCode()).isEqualTo(403);
        assertThat(server.get("submitter", "/api/screenings").statusCode()).isEqualTo(403);
        assertThat(server.get("analyst", "/api/screenings/999999").statusCode()).isEqualTo(404);
        assertThat(logSize()).isEqualTo(before);

        long id = json(server.postJson("analyst", "/api/screenings", "{\"name\": \"Huawei\", \"as_of\": \"2019-06-01\"}")).get("id").asLong();
        HttpResponse<String> noSuchResult = server.postJson("analyst", "/api/screenings/" + id + "/dispositions",
                "{\"list\": \"us_bis_entity_list\", \"source_id\": \"el-zte\", \"verdict\": \"TRUE_MATCH\", \"reason\": \"r\"}");
        assertThat(fields(noSuchResult)).containsExactly("source_id");
        assertThat(fields(server.postJson("analyst", "/api/screenings/" + id + "/dispositions",
                "{\"list\": \"us_bis_entity_list\", \"source_id\": \"el-huawei\", \"verdict\": \"MAYBE\"}"))).containsExactly("verdict");
        assertThat(fields(server.postJson("analyst", "/api/screenings/" + id + "/dispositions",
                "{\"list\": \"us_bis_entity_list\", \"source_id\": \"el-huawei\", \"verdict\": \"TRUE_MATCH\"}"))).containsExactly("reason");
        assertThat(json(server.get("analyst", "/api/screenings/" + id)).get("dispositions")).isEmpty();
    }

    @Test
    void aWatchedScreeningTurnsAListImportIntoAlertsForThePersonWhoRanIt() throws Exception {
        HttpResponse<String> made = server.postJson("reviewer", "/api/screenings",
                "{\"name\": \"ZTE Corporation\", \"schema\": \"Company\", \"watch\": true, \"purpose\": \"a vendor we may use\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        long id = json(made).get("id").asLong();
        assertThat(json(made).get("outcome").asString()).isEqualTo("NO_HITS");
        assertThat(json(made).get("query").get("watch").asBoolean()).isTrue();

        String withZte = DeskServer.EXPORT_CONTROL
                + "el-zte,ZTE Corporation,ZTE,Company,CN,Entity List,2016-03-08,,,,https://www.federalregister.gov/,Added by 81 FR 12004\n";
        HttpResponse<String> added = server.upload("analyst", "/api/lists/import?effective=2020-01-01&category=export_control",
                "us_bis_entity_list.csv", withZte);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode newHit = null;
        for (JsonNode a : json(server.get("analyst", "/api/alerts"))) {
            if (a.path("screening_id").asLong() == id) {
                newHit = a;
            }
        }
        assertThat(newHit).as("a NEW_HIT alert on screening " + id).isNotNull();
        assertThat(newHit.get("kind").asString()).isEqualTo("NEW_HIT");
        assertThat(newHit.get("source_id").asString()).isEqualTo("el-zte");
        assertThat(newHit.get("engagement_id").isNull()).isTrue();
        JsonNode after = json(server.get("auditor", "/api/screenings/" + id));
        assertThat(after.get("results").findValuesAsString("source_id")).containsExactly("el-zte");
        assertThat(after.get("outcome").asString()).isEqualTo("POTENTIAL_MATCH");
        assertThat(server.get("reviewer", "/api/notifications").body()).as("the person who ran it is told")
                .contains("watched screening " + id);

        HttpResponse<String> removed = server.upload("analyst", "/api/lists/import?effective=2020-02-01&category=export_control",
                "us_bis_entity_list.csv", DeskServer.EXPORT_CONTROL + "el-extra,Another Optics Ltd,,Company,CN,Entity List,2020-01-15,,,,,\n");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(201);
        assertThat(json(server.get("analyst", "/api/alerts")).findValues("kind").stream().map(JsonNode::asString).toList())
                .contains("HIT_CLOSED");
        JsonNode closed = json(server.get("auditor", "/api/screenings/" + id));
        assertThat(closed.get("results").get(0).get("closed_on").isNull()).isFalse();
        assertThat(closed.get("outcome").asString()).isEqualTo("NO_HITS");
    }
}
