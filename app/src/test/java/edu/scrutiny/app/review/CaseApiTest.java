package edu.scrutiny.app.review;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.identity.Users;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases over HTTP, each user signing in with an API token of their own: queues, one case (notes only for staff, nothing for another submitter), the
 * actions' answers (201, 403, 404, 409, 400 naming the field) and the user's notifications.
 */
@SpringBootTest(classes = ScrutinyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CaseApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-case-api")));
    }

    @LocalServerPort int port;
    @Autowired Engagements engagements;
    @Autowired Cases cases;
    @Autowired Users users;
    @Autowired ApiTokens tokens;
    private final Map<String, String> tokenOf = new HashMap<>();

    /** The user's API token, the user made with these roles on first use. */
    private String token(String user, String roles) {
        return tokenOf.computeIfAbsent(user, u -> {
            Set<Role> set = new HashSet<>();
            for (String r : roles.split(",")) {
                set.add(Role.fromKey(r).orElseThrow());
            }
            users.add(u, null, u + "@example.edu", set, null, "test");
            return tokens.create(u, "CaseApiTest", "test").secret();
        });
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String user, String roles, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token(user, roles))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    @Test
    void aCaseThroughTheApi() throws Exception {
        String id = engagements.submit(Scenarios.engagement("saudi-gift-2020"), "test", "sam").id();
        long caseId = cases.latestFor(id).orElseThrow().id();
        String at = "/api/cases/" + caseId;

        HttpResponse<String> queue = send("GET", "/api/cases?stage=compliance_review", "ana", "analyst", null);
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(json(queue).findValuesAsString("engagement_id")).contains(id);
        assertThat(json(queue).get(0).has("due_at")).isTrue();
        assertThat(json(queue).get(0).has("overdue")).isTrue();
        assertThat(send("GET", "/api/cases?stage=compliance_review", "sam", "submitter", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/cases?stage=triage", "ana", "analyst", null).statusCode()).isEqualTo(400);

        HttpResponse<String> note = send("POST", at + "/notes", "ana", "analyst", "{\"body\":\"<script>alert(1)</script> thin trustee list\"}");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(201);
        assertThat(send("POST", at + "/notes", "sam", "submitter", "{\"body\":\"mine\"}").statusCode()).isEqualTo(403);

        JsonNode staffView = json(send("GET", at, "audrey", "auditor", null));
        assertThat(staffView.get("case").get("stage").asString()).isEqualTo("COMPLIANCE_REVIEW");
        assertThat(staffView.get("assessment").get("reasons").isArray()).isTrue();
        assertThat(staffView.get("notes")).hasSize(1);
        assertThat(staffView.get("timeline").findValuesAsString("action")).contains("case.opened", "case.note_added");

        HttpResponse<String> own = send("GET", at, "sam", "submitter", null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).has("notes")).isFalse();
        assertThat(own.body()).doesNotContain("thin trustee list").doesNotContain("case.note_added");
        assertThat(send("GET", at, "olga", "submitter", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", at + "/notes", "sam", "submitter", null).statusCode()).isEqualTo(403);

        // the case's analyst: a submitter may not assign it, nor may it go to one who is not an analyst
        HttpResponse<String> bySubmitter = send("POST", at + "/analyst", "sam", "submitter", "{\"analyst\":\"ana\"}");
        assertThat(bySubmitter.statusCode()).isEqualTo(403);
        assertThat(json(bySubmitter).get("error").asString()).isEqualTo("forbidden");
        token("rex", "reviewer");
        HttpResponse<String> toReviewer = send("POST", at + "/analyst", "ana", "analyst", "{\"analyst\":\"rex\"}");
        assertThat(toReviewer.statusCode()).isEqualTo(400);
        assertThat(json(toReviewer).get("problems").findValuesAsString("field")).containsExactly("analyst");
        assertThat(toReviewer.body()).contains("rex").contains("analyst role");
        HttpResponse<String> taken = send("POST", at + "/analyst", "ana", "analyst", null);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(json(taken).get("analyst").asString()).isEqualTo("ana");
        HttpResponse<String> assigned = send("POST", at + "/analyst", "ada", "administrator", "{\"analyst\":\"ana\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(json(send("GET", at, "audrey", "auditor", null)).get("case").get("analyst").asString()).isEqualTo("ana");

        HttpResponse<String> asked = send("POST", at + "/request-information", "ana", "analyst", "{\"question\":\"Who are the trustees?\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        HttpResponse<String> waiting = send("POST", at + "/recommendations", "ana", "analyst",
                "{\"recommendation\":\"APPROVE\",\"rationale\":\"ok\"}");
        assertThat(waiting.statusCode()).isEqualTo(409);
        assertThat(json(send("GET", "/api/notifications", "sam", "submitter", null)).findValuesAsString("subject"))
                .contains("Information requested on engagement " + id);
        assertThat(send("POST", at + "/answer", "sam", "submitter", "{\"answer\":\"Three professors\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> noReason = send("POST", at + "/conditions", "ana", "analyst",
                "{\"kind\":\"TRAINING\",\"detail\":\"Export-control training\",\"owner\":\"pi-lee\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).get("problems").findValuesAsString("field")).containsExactly("due_on");
        HttpResponse<String> condition = send("POST", at + "/conditions", "ana", "analyst",
                "{\"kind\":\"TRAINING\",\"detail\":\"Export-control training\",\"owner\":\"pi-lee\",\"due_on\":\"2099-01-31\"}");
        assertThat(condition.statusCode()).as(condition.body()).isEqualTo(201);
        long conditionId = json(condition).get("id").asLong();

        assertThat(send("POST", at + "/recommendations", "ana", "analyst",
                "{\"recommendation\":\"APPROVE_WITH_CONDITIONS\",\"rationale\":\"Training\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> decided = send("POST", at + "/decisions", "rex", "reviewer",
                "{\"outcome\":\"APPROVED_WITH_CONDITIONS\",\"rationale\":\"With training\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        long decisionId = json(decided).get("id").asLong();
        assertThat(send("POST", at + "/decisions", "rex", "reviewer", "{\"outcome\":\"APPROVED\",\"rationale\":\"again\"}").statusCode())
                .isEqualTo(409);
        HttpResponse<String> reversal = send("POST", at + "/decisions", "ria", "reviewer",
                "{\"outcome\":\"DECLINED\",\"rationale\":\"New information\",\"reverses\":" + decisionId + "}");
        assertThat(reversal.statusCode()).as(reversal.body()).isEqualTo(201);
        assertThat(json(reversal).get("reverses").asLong()).isEqualTo(decisionId);

        assertThat(send("POST", at + "/attestations", "ana", "analyst",
                "{\"condition_id\":" + conditionId + ",\"statement\":\"done\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", at + "/attestations", "pi-lee", "submitter",
                "{\"condition_id\":" + conditionId + ",\"statement\":\"Completed 2021-11-02\"}").statusCode()).isEqualTo(201);

        JsonNode after = json(send("GET", at, "ana", "analyst", null));
        assertThat(after.get("engagement_status").asString()).isEqualTo("declined");
        assertThat(after.get("decisions")).hasSize(2);
        assertThat(after.get("conditions").get(0).get("attestation").get("attested_by").asString()).isEqualTo("pi-lee");
        assertThat(after.get("information_requests").get(0).get("answer").asString()).isEqualTo("Three professors");
    }

    @Test
    void theApiIsDocumented() throws Exception {
        JsonNode docs = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (String path : java.util.List.of("/api/cases", "/api/cases/{id}", "/api/cases/{id}/decisions", "/api/cases/{id}/adjudications",
                "/api/cases/{id}/request-information", "/api/cases/{id}/answer", "/api/cases/{id}/conditions",
                "/api/cases/{id}/attestations", "/api/cases/{id}/recommendations", "/api/cases/{id}/notes", "/api/cases/{id}/analyst",
                "/api/notifications")) {
            assertThat(docs.get("paths").has(path)).as(path).isTrue();
        }
        // the acting user is not a request parameter
        assertThat(docs.get("paths").get("/api/cases/{id}").get("get").get("parameters").findValuesAsString("name")).containsExactly("id");
    }
}
