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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint of the REST API (method and path) for each of the five roles
 * and for nobody signed in, over a real server, asserting each allow (2xx) and each deny (403 for a
 * role the README's table does not allow, 401 without credentials). The table here is the
 * README's "Who may do what"; a test also checks that the API has no endpoint the table misses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AuthorizationMatrixTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SUBMITTER = "submitter", ANALYST = "analyst", REVIEWER = "reviewer", ADMINISTRATOR = "administrator",
            AUDITOR = "auditor", MONITOR = "monitor", ANONYMOUS = "anonymous";
    static final List<String> ROLES = List.of(SUBMITTER, ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR, MONITOR);
    /** Everyone signed in, the monitoring system's account included. */
    static final Set<String> ALL = Set.copyOf(ROLES);
    /** The people who take part in the process: everyone but the monitor, which reads only metrics and health. */
    static final Set<String> PEOPLE = Set.of(SUBMITTER, ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR);
    static final Set<String> READERS = Set.of(ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR);
    static final Set<String> CONFIGURERS = Set.of(ANALYST, ADMINISTRATOR);
    /** Who screens names at the desk (and so writes the screening log) and disposes of results. */
    static final Set<String> SCREENERS = Set.of(ANALYST, REVIEWER, ADMINISTRATOR);
    static final String PASSWORD = "correct horse battery staple";
    private static final String ENTITY_LIST = """
            id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
            el-huawei,"Huawei Technologies Co., Ltd.",Huawei,Company,CN,Entity List,2019-05-16,,,,https://www.federalregister.gov/,Added by 84 FR 22961
            """;
    private static final String DIRECTIVE = """
            - id: huawei-zte-2019
              title: No new engagements or renewals with Huawei or ZTE
              counterparties: ["Huawei Technologies Co., Ltd.", ZTE Corporation]
              include_subsidiaries: true
              scope: [new, renewal]
              effective_from: 2019-04-03
              reason: The April 2019 decision
            """;

    /** A one-record ROR dump (schema v2). */
    private static final String ROR_DUMP = """
            [{"id": "https://ror.org/05abcde12", "status": "active", "types": ["education"],
              "names": [{"value": "Matrix University", "types": ["ror_display", "label"], "lang": "en"}],
              "locations": [{"geonames_id": 1, "geonames_details": {"country_code": "CN", "name": "Changsha"}}]}]
            """;

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

    private SignIn signIn;

    /** Each role's token (the submitter's is sub1's); sub2 is a second submitter. */
    private static final Map<String, String> TOKEN = new LinkedHashMap<>();
    private static String sub2Token;
    private static String sub1Engagement;
    private static String sub2Engagement;
    private static long versionId;
    private static String clearanceBody;
    private static String policyBody;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static long caseId;
    private static long screeningId;
    private static long batchId;

    record Req(String path, String contentType, byte[] body) {
        static Req get(String path) {
            return new Req(path, null, null);
        }

        static Req json(String path, String body) {
            return new Req(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One row of the table: an endpoint, the roles allowed, and the request a role sends (built per role, since some make things). */
    /**
     * One row. With {@code serviceDecides}, the URL rules only let {@code allowed} through (the others
     * get 403) and the module then decides by the case's state and stage (any answer but 401/403 from
     * the URL rules; the review scenarios test those decisions).
     */
    record Case(String method, String template, Set<String> allowed, Function<String, Req> request, boolean serviceDecides) {
        Case(String method, String template, Set<String> allowed, Function<String, Req> request) {
            this(method, template, allowed, request, false);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @BeforeEach
    void seed() throws Exception {
        signIn = new SignIn(port);
        if (!TOKEN.isEmpty()) {
            return;
        }
        for (String role : ROLES) {
            String name = role.equals(SUBMITTER) ? "sub1" : role + "-user";
            users.add(name, null, null, Set.of(Role.fromKey(role).orElseThrow()), PASSWORD, "test");
            TOKEN.put(role, tokens.create(name, "matrix", "test").secret());
        }
        users.add("sub2", null, null, Set.of(Role.SUBMITTER), PASSWORD, "test");
        sub2Token = tokens.create("sub2", "matrix", "test").secret();
        users.add("target", null, null, Set.of(Role.SUBMITTER), PASSWORD, "test");

        HttpResponse<String> imported = send(ANALYST, "POST", upload("/api/lists/import?effective=2019-01-01&category=export_control"));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        versionId = JSON.readTree(imported.body()).get("version").get("id").asLong();
        assertThat(send(ANALYST, "POST", new Req("/api/directives", "application/yaml", DIRECTIVE.getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(200);
        sub1Engagement = submitted(send(SUBMITTER, "POST", Req.json("/api/engagements", engagement("sub1's"))));
        sub2Engagement = submitted(sendWith(sub2Token, "POST", Req.json("/api/engagements", engagement("sub2's"))));
        assertThat(send(ANALYST, "POST", upload("/api/institutions/import", "ror-data_schema_v2.json", ROR_DUMP)).statusCode())
                .isEqualTo(201);
        JsonNode cases = JSON.readTree(send(ANALYST, "GET", Req.get("/api/cases")).body());
        caseId = cases.isArray() && !cases.isEmpty() ? cases.get(0).path("case_id").asLong(cases.get(0).path("id").asLong()) : 1;

        JsonNode hit = JSON.readTree(send(ANALYST, "GET", Req.get("/api/screen?name=Huawei%20Technologies%20Company&as_of=2019-06-01"))
                .body()).get("hits").get(0);
        HttpResponse<String> logged = send(ANALYST, "POST", Req.json("/api/screenings",
                "{\"name\": \"Huawei Technologies Company\", \"as_of\": \"2019-06-01\"}"));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        screeningId = JSON.readTree(logged.body()).get("id").asLong();
        HttpResponse<String> batch = send(ANALYST, "POST", upload("/api/screenings/batches", "matrix.csv", "name\nHuawei Technologies\n"));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
        batchId = JSON.readTree(batch.body()).get("id").asLong();
        for (int i = 0; i < 300 && !JSON.readTree(send(ANALYST, "GET", Req.get("/api/screenings/batches/" + batchId)).body())
                .get("state").asString().equals("done"); i++) {
            Thread.sleep(100);
        }
        ObjectNode clearance = JSON.createObjectNode();
        clearance.put("party", hit.get("party").asString()).put("list", hit.get("list").asString())
                .put("source_id", hit.get("source_id").asString()).put("content_sha", hit.get("content_sha").asString())
                .put("reason", "the matrix test");
        clearanceBody = clearance.toString();
        ObjectNode policy = JSON.createObjectNode();
        policy.set("document", JSON.readTree(send(ANALYST, "GET", Req.get("/api/policy")).body()).get("document"));
        policy.put("note", "stored again by the matrix test");
        policyBody = policy.toString();
    }

    /** The README's table, row by row. */
    private List<Case> table() {
        String e1 = "/api/engagements/" + sub1Engagement;
        String countries = "{\"countries\": [{\"code\": \"RU\", \"reason\": \"matrix\"}], \"note\": \"matrix\"}";
        return List.of(
                new Case("GET", "/api/me", ALL, r -> Req.get("/api/me")),
                new Case("GET", "/api/tokens", ALL, r -> Req.get("/api/tokens")),
                new Case("POST", "/api/tokens", ALL, r -> Req.json("/api/tokens", "{\"name\": \"matrix\"}")),
                new Case("DELETE", "/api/tokens/{id}", ALL, r -> new Req("/api/tokens/" + ownThrowawayToken(r), null, null)),
                new Case("GET", "/api/schemas/engagement", ALL, r -> Req.get("/api/schemas/engagement")),
                new Case("GET", "/api/research-areas", ALL, r -> Req.get("/api/research-areas")),
                new Case("GET", "/api/users", Set.of(ADMINISTRATOR, AUDITOR), r -> Req.get("/api/users")),
                new Case("POST", "/api/users", Set.of(ADMINISTRATOR), r -> Req.json("/api/users",
                        "{\"username\": \"new-" + COUNTER.incrementAndGet() + "\", \"roles\": [\"reviewer\"], \"password\": \"" + PASSWORD + "\"}")),
                new Case("PUT", "/api/users/{name}/roles", Set.of(ADMINISTRATOR),
                        r -> Req.json("/api/users/target/roles", "{\"roles\": [\"submitter\", \"reviewer\"]}")),
                new Case("PUT", "/api/users/{name}/enabled", Set.of(ADMINISTRATOR),
                        r -> Req.json("/api/users/target/enabled", "{\"enabled\": true}")),
                new Case("GET", "/api/users/{name}/identities", Set.of(ADMINISTRATOR, AUDITOR), r -> Req.get("/api/users/target/identities")),
                new Case("POST", "/api/users/{name}/identities", Set.of(ADMINISTRATOR), r -> Req.json("/api/users/target/identities",
                        "{\"issuer\": \"https://idp.example.edu\", \"subject\": \"matrix-" + COUNTER.incrementAndGet() + "\"}")),
                new Case("GET", "/api/engagements", PEOPLE, r -> Req.get("/api/engagements")),
                new Case("GET", "/api/engagements/{id}", PEOPLE, r -> Req.get(e1)),
                new Case("GET", "/api/engagements/{id}/assessments", PEOPLE, r -> Req.get(e1 + "/assessments")),
                new Case("POST", "/api/engagements", Set.of(SUBMITTER, ANALYST), r -> Req.json("/api/engagements", engagement(r))),
                new Case("POST", "/api/engagements/{id}/assessments", Set.of(ANALYST), r -> new Req(e1 + "/assessments", null, null)),
                new Case("POST", "/api/assessments", Set.of(ANALYST, REVIEWER, ADMINISTRATOR), r -> Req.json("/api/assessments", engagement(r))),
                new Case("GET", "/api/screen", SCREENERS, r -> Req.get("/api/screen?name=Huawei")),
                new Case("POST", "/api/screenings", SCREENERS, r -> Req.json("/api/screenings", "{\"name\": \"Huawei Technologies\"}")),
                new Case("GET", "/api/screenings", READERS, r -> Req.get("/api/screenings?q=huawei")),
                new Case("GET", "/api/screenings/{id}", READERS, r -> Req.get("/api/screenings/" + screeningId)),
                new Case("POST", "/api/screenings/{id}/dispositions", SCREENERS, r -> Req.json("/api/screenings/" + screeningId
                        + "/dispositions", "{\"list\": \"us_bis_entity_list\", \"source_id\": \"el-huawei\", \"verdict\": \"NEEDS_REVIEW\"}")),
                new Case("POST", "/api/screenings/batches", SCREENERS,
                        r -> upload("/api/screenings/batches", "matrix.csv", "name\nHuawei Technologies\n")),
                new Case("GET", "/api/screenings/batches/{id}", READERS, r -> Req.get("/api/screenings/batches/" + batchId)),
                new Case("GET", "/api/screenings/batches/{id}/results.{format}", READERS,
                        r -> Req.get("/api/screenings/batches/" + batchId + "/results.csv")),
                new Case("POST", "/yente/match/{dataset}", SCREENERS, r -> Req.json("/yente/match/default",
                        "{\"queries\": {\"q\": {\"schema\": \"Company\", \"properties\": {\"name\": [\"Huawei\"]}}}}")),
                new Case("GET", "/yente/search/{dataset}", SCREENERS, r -> Req.get("/yente/search/default?q=Huawei")),
                new Case("GET", "/yente/entities/{id}", READERS, r -> Req.get("/yente/entities/us_bis_entity_list.el-huawei")),
                new Case("POST", "/reconcile/{dataset}", SCREENERS, r -> new Req("/reconcile/default", "application/x-www-form-urlencoded",
                        "queries=%7B%22q0%22%3A%7B%22query%22%3A%22Huawei%22%7D%7D".getBytes(StandardCharsets.UTF_8))),
                // with queries; without, the manifest is public (InteropApiTest)
                new Case("GET", "/reconcile/{dataset}", SCREENERS, r -> Req.get("/reconcile/default?queries=%7B%22q0%22%3A%7B%22query%22%3A%22Huawei%22%7D%7D")),
                new Case("GET", "/reconcile/{dataset}/suggest/entity", SCREENERS, r -> Req.get("/reconcile/default/suggest/entity?prefix=Hua")),
                new Case("GET", "/reconcile/{dataset}/preview", READERS, r -> Req.get("/reconcile/default/preview?id=us_bis_entity_list.el-huawei")),
                new Case("POST", "/api/hits/clearances", Set.of(ANALYST), r -> Req.json("/api/hits/clearances", clearanceBody)),
                new Case("GET", "/api/lists", READERS, r -> Req.get("/api/lists")),
                new Case("GET", "/api/lists/{list}/versions", READERS, r -> Req.get("/api/lists/us_bis_entity_list/versions")),
                new Case("GET", "/api/lists/versions/{id}/entries", READERS, r -> Req.get("/api/lists/versions/" + versionId + "/entries")),
                new Case("POST", "/api/lists/import", CONFIGURERS, r -> upload("/api/lists/import?effective=2019-01-01&category=export_control")),
                new Case("GET", "/api/institutions", READERS, r -> Req.get("/api/institutions")),
                new Case("GET", "/api/institutions/records", READERS, r -> Req.get("/api/institutions/records")),
                new Case("GET", "/api/institutions/{id}", READERS, r -> Req.get("/api/institutions/05abcde12")),
                new Case("POST", "/api/institutions/import", CONFIGURERS,
                        r -> upload("/api/institutions/import", "ror-data_schema_v2.json", ROR_DUMP)),
                new Case("GET", "/api/directives", READERS, r -> Req.get("/api/directives")),
                new Case("GET", "/api/directives/{id}", READERS, r -> Req.get("/api/directives/huawei-zte-2019")),
                new Case("POST", "/api/directives", CONFIGURERS,
                        r -> new Req("/api/directives", "application/yaml", DIRECTIVE.getBytes(StandardCharsets.UTF_8))),
                new Case("GET", "/api/country-lists", READERS, r -> Req.get("/api/country-lists")),
                new Case("GET", "/api/country-lists/{key}", READERS, r -> Req.get("/api/country-lists/elevated_risk")),
                new Case("GET", "/api/country-lists/{key}/history", READERS, r -> Req.get("/api/country-lists/elevated_risk/history")),
                new Case("PUT", "/api/country-lists/{key}", CONFIGURERS, r -> Req.json("/api/country-lists/elevated_risk", countries)),
                new Case("GET", "/api/policy", READERS, r -> Req.get("/api/policy")),
                new Case("GET", "/api/policy/versions", READERS, r -> Req.get("/api/policy/versions")),
                new Case("GET", "/api/policy/versions/{version}", READERS, r -> Req.get("/api/policy/versions/1")),
                new Case("PUT", "/api/policy", CONFIGURERS, r -> Req.json("/api/policy", policyBody)),
                new Case("GET", "/api/alerts", READERS, r -> Req.get("/api/alerts")),
                new Case("POST", "/api/alerts/{id}/acknowledgement", CONFIGURERS, r -> new Req("/api/alerts/999999/acknowledgement", null, null), true),
                new Case("GET", "/api/list-sources", READERS, r -> Req.get("/api/list-sources")),
                new Case("POST", "/api/list-sources", CONFIGURERS, r -> Req.json("/api/list-sources",
                        "{\"list\": \"matrix\", \"location\": \"https://example.org/matrix.csv\", \"every\": \"24h\"}")),
                new Case("POST", "/api/list-sources/{list}/refresh", CONFIGURERS, r -> new Req("/api/list-sources/none/refresh", null, null), true),
                new Case("GET", "/api/list-sources/official", READERS, r -> Req.get("/api/list-sources/official")),
                // the administrator is answered 400 (no such official list): the service decides, nothing is added
                new Case("POST", "/api/list-sources/official", Set.of(ADMINISTRATOR),
                        r -> Req.json("/api/list-sources/official", "{\"lists\": [\"no_such_list\"]}"), true),
                new Case("GET", "/api/cases", ALL, r -> Req.get("/api/cases"), true),
                new Case("GET", "/api/cases/{id}", ALL, r -> Req.get("/api/cases/" + caseId), true),
                new Case("GET", "/api/cases/{id}/notes", ALL, r -> Req.get("/api/cases/" + caseId + "/notes"), true),
                caseAction("request-information"), caseAction("answer"), caseAction("adjudications"), caseAction("conditions"),
                caseAction("attestations"), caseAction("recommendations"), caseAction("decisions"), caseAction("notes"),
                new Case("POST", "/api/cases/{id}/analyst", CONFIGURERS, r -> Req.json("/api/cases/" + caseId + "/analyst", "{}"), true),
                new Case("GET", "/api/exports/{what}.{format}", READERS, r -> Req.get("/api/exports/engagements.csv")),
                new Case("GET", "/api/engagements/{id}/dossier.pdf", READERS, r -> Req.get(e1 + "/dossier.pdf")),
                new Case("GET", "/api/screenings/{id}/certificate.pdf", READERS, r -> Req.get("/api/screenings/" + screeningId + "/certificate.pdf")),
                new Case("GET", "/api/notifications", ALL, r -> Req.get("/api/notifications")),
                new Case("POST", "/api/admin/backup", Set.of(ADMINISTRATOR), r -> new Req("/api/admin/backup", null, null)),
                new Case("POST", "/api/notifications/{id}/read", ALL, r -> new Req("/api/notifications/999999/read", null, null), true));
    }

    private Case caseAction(String action) {
        return new Case("POST", "/api/cases/{id}/" + action, Set.of(SUBMITTER, ANALYST, REVIEWER),
                r -> Req.json("/api/cases/" + caseId + "/" + action, "{}"), true);
    }

    @Test
    void everyRoleIsAllowedExactlyWhatTheTableSaysAndNobodyWithoutSigningIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Case c : table()) {
            for (String role : ROLES) {
                HttpResponse<String> response = send(role, c.method(), c.request().apply(role));
                boolean allowed = c.allowed().contains(role);
                int status = response.statusCode();
                if (allowed && c.serviceDecides()) {
                    // the URL rules answer {error: forbidden}; the review module's own refusals are {error: not permitted}
                    if (status == 401 || status == 403 && response.body().contains("\"error\":\"forbidden\"")) {
                        wrong.add(c + " as " + role + ": refused by the URL rules: " + status + " " + response.body());
                    }
                } else if (allowed ? status < 200 || status > 299 : status != 403) {
                    wrong.add(c + " as " + role + ": expected " + (allowed ? "2xx" : "403") + ", got " + status + " " + response.body());
                }
                if (!allowed && !response.body().contains("\"error\":\"forbidden\"")) {
                    wrong.add(c + " as " + role + ": the 403 is not {error: forbidden}: " + response.body());
                }
                checked++;
            }
            HttpResponse<String> anonymous = send(ANONYMOUS, c.method(), c.request().apply(ANALYST));
            if (anonymous.statusCode() != 401 || !anonymous.body().contains("\"error\":\"unauthorized\"")) {
                wrong.add(c + " anonymously: expected 401 {error: unauthorized}, got " + anonymous.statusCode() + " " + anonymous.body());
            }
            checked++;
        }
        assertThat(wrong).as("of %d checks", checked).isEmpty();
        assertThat(checked).isEqualTo(table().size() * (ROLES.size() + 1));
    }

    @Test
    void theTableCoversEveryEndpointOfTheApi() throws Exception {
        HttpResponse<String> docs = signIn.api(null).get("/v3/api-docs");
        assertThat(docs.statusCode()).as("the OpenAPI document is public").isEqualTo(200);
        Set<String> endpoints = new TreeSet<>();
        JsonNode paths = JSON.readTree(docs.body()).get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                if (p.getValue().has(method)) {
                    endpoints.add(method.toUpperCase() + " " + p.getKey());
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        table().forEach(c -> covered.add(c.toString()));
        assertThat(covered).containsAll(endpoints);
        assertThat(docs.body()).as("the OpenAPI document does not show the Actor parameter").doesNotContain("\"actor\"");
        JsonNode me = paths.get("/api/me").get("get");
        assertThat(me.has("parameters") ? me.get("parameters").size() : 0).as("GET /api/me takes no parameter").isZero();
        JsonNode schemes = JSON.readTree(docs.body()).get("components").get("securitySchemes");
        assertThat(schemes.get("token").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.has("basic")).as("Basic is off unless scrutiny.api.basic-auth is set").isFalse();
    }

    @Test
    void aSubmitterNeverSeesAnotherSubmittersEngagementByListOrById() throws Exception {
        List<String> sub1Sees = ids(send(SUBMITTER, "GET", Req.get("/api/engagements")));
        assertThat(sub1Sees).contains(sub1Engagement).doesNotContain(sub2Engagement);
        List<String> sub2Sees = ids(sendWith(sub2Token, "GET", Req.get("/api/engagements")));
        assertThat(sub2Sees).containsExactly(sub2Engagement);
        for (String path : List.of("/api/engagements/" + sub1Engagement, "/api/engagements/" + sub1Engagement + "/assessments")) {
            HttpResponse<String> other = sendWith(sub2Token, "GET", Req.get(path));
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.body()).doesNotContain("sub1's");
            assertThat(sendWith(sub2Token, "GET", Req.get("/api/engagements/ENG-999999")).statusCode())
                    .as("the same answer as for an engagement that does not exist").isEqualTo(404);
        }
        assertThat(send(SUBMITTER, "GET", Req.get("/api/engagements/" + sub2Engagement)).statusCode()).isEqualTo(404);
        // everyone else sees both
        for (String role : List.of(ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR)) {
            assertThat(ids(send(role, "GET", Req.get("/api/engagements")))).as(role).contains(sub1Engagement, sub2Engagement);
            assertThat(send(role, "GET", Req.get("/api/engagements/" + sub2Engagement)).statusCode()).as(role).isEqualTo(200);
        }
    }

    @Test
    void tokensAreRevokedByTheirOwnerOrTheAdministratorOnly() throws Exception {
        long sub2Tokens = JSON.readTree(sendWith(sub2Token, "POST", Req.json("/api/tokens", "{\"name\": \"mine\"}")).body()).get("id").asLong();
        assertThat(send(ANALYST, "DELETE", new Req("/api/tokens/" + sub2Tokens, null, null)).statusCode())
                .as("another user's token is answered as if it did not exist").isEqualTo(404);
        assertThat(JSON.readTree(send(ANALYST, "GET", Req.get("/api/tokens")).body()).findValuesAsString("name")).doesNotContain("mine");
        HttpResponse<String> byAdmin = send(ADMINISTRATOR, "DELETE", new Req("/api/tokens/" + sub2Tokens, null, null));
        assertThat(byAdmin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byAdmin.body()).get("revoked_at").isNull()).isFalse();
    }

    @Test
    void theAdministratorAddsUsersAndSetsRolesWithMessagesNamingTheField() throws Exception {
        HttpResponse<String> added = send(ADMINISTRATOR, "POST", Req.json("/api/users",
                "{\"username\": \"eve\", \"email\": \"eve@example.edu\", \"roles\": [\"auditor\"], \"password\": \"" + PASSWORD + "\"}"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).doesNotContain(PASSWORD).doesNotContain("password_hash");
        assertThat(JSON.readTree(added.body()).get("roles").get(0).asString()).isEqualTo("AUDITOR");
        HttpResponse<String> bad = send(ADMINISTRATOR, "POST", Req.json("/api/users",
                "{\"username\": \"eve\", \"roles\": [\"auditor\", \"king\"], \"password\": \"short\"}"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("roles[1]");
        HttpResponse<String> twice = send(ADMINISTRATOR, "POST", Req.json("/api/users",
                "{\"username\": \"eve\", \"roles\": [\"auditor\"], \"password\": \"short\"}"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("already exists").contains("shorter than 12");
        assertThat(send(ADMINISTRATOR, "POST", Req.json("/api/users", "{\"username\": \"x\", \"colour\": \"red\"}")).body())
                .contains("colour");
        HttpResponse<String> roles = send(ADMINISTRATOR, "PUT", Req.json("/api/users/eve/roles", "{\"roles\": [\"analyst\"]}"));
        assertThat(roles.statusCode()).isEqualTo(200);
        assertThat(users.find("eve").orElseThrow().roles()).containsExactly(Role.ANALYST);
        assertThat(send(ADMINISTRATOR, "PUT", Req.json("/api/users/nobody/roles", "{\"roles\": []}")).statusCode()).isEqualTo(404);
    }

    /** HTTP Basic is off unless {@code scrutiny.api.basic-auth} is set (SignInTest turns it on): the right password is 401. */
    @Test
    void httpBasicIsRefusedByDefault() {
        HttpResponse<String> me = signIn.api(SignIn.basic("reviewer-user", PASSWORD)).get("/api/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate").orElseThrow()).doesNotContain("Basic");
    }

    /**
     * The same token across two requests, its user changed in between: roles removed are refused on
     * the next request (403), roles given are allowed, a disabled user's token is 401 at once and
     * works again when the user is enabled.
     */
    @Test
    void rolesChangedAndUsersDisabledBetweenTwoRequestsOfAToken() throws Exception {
        users.add("changing", null, null, Set.of(Role.ANALYST), PASSWORD, "test");
        String token = tokens.create("changing", "matrix", "test").secret();
        List<String> wrong = new ArrayList<>();
        for (Case c : table()) {
            if (!c.method().equals("GET") || c.serviceDecides()) {
                continue;
            }
            users.setRoles("changing", Set.of(Role.ANALYST), "test");
            int before = sendWith(token, c.method(), c.request().apply(ANALYST)).statusCode();
            users.setRoles("changing", Set.of(Role.SUBMITTER), "test");
            int after = sendWith(token, c.method(), c.request().apply(SUBMITTER)).statusCode();
            boolean asAnalyst = c.allowed().contains(ANALYST), asSubmitter = c.allowed().contains(SUBMITTER);
            if ((before == 403) == asAnalyst || (after == 403) == asSubmitter) {
                wrong.add(c + ": as analyst " + before + ", then as submitter " + after);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(sendWith(token, "GET", Req.get("/api/me")).statusCode()).isEqualTo(200);
        users.disable("changing", "test");
        HttpResponse<String> disabled = sendWith(token, "GET", Req.get("/api/me"));
        assertThat(disabled.statusCode()).isEqualTo(401);
        users.enable("changing", "test");
        assertThat(sendWith(token, "GET", Req.get("/api/me")).statusCode()).isEqualTo(200);
    }

    private String ownThrowawayToken(String role) {
        try {
            HttpResponse<String> made = send(role.equals(ANONYMOUS) ? ANALYST : role, "POST", Req.json("/api/tokens", "{\"name\": \"throwaway\"}"));
            return JSON.readTree(made.body()).get("id").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String engagement(String who) {
        return """
                {"title": "Sponsored research with a partner (%s)",
                 "type": "sponsored_research", "renewal": false, "submitted_on": "2019-06-01",
                 "funding": {"amount": 250000, "currency": "USD", "source": "industry"},
                 "parties": [{"name": "Lakeside Optics GmbH", "kind": "organization", "country": "DE",
                              "role": "sponsor", "organization_type": "company"}],
                 "work_countries": ["US"], "research_areas": ["networking_communications"]}
                """.formatted(who);
    }

    private static Req upload(String path) {
        return upload(path, "us_bis_entity_list.csv", ENTITY_LIST);
    }

    private static Req upload(String path, String fileName, String content) {
        String boundary = "matrix-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Req(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static String submitted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).findValuesAsString("id");
    }

    private HttpResponse<String> send(String role, String method, Req req) throws Exception {
        return sendWith(role.equals(ANONYMOUS) ? null : TOKEN.get(role), method, req);
    }

    private HttpResponse<String> sendWith(String token, String method, Req req) {
        return (token == null ? signIn.api(null) : signIn.token(token)).sendBytes(method, req.path(), req.contentType(), req.body());
    }

}
