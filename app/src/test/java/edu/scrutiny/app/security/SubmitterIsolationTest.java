package edu.scrutiny.app.security;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submitter sees their own engagements and what their page {@code /mine/{id}} shows of its case,
 * and nothing of anyone else's: not through the renewal form (finding 2), not through a renewal
 * submitted over the API, not through any case path of the API (finding 10). Another's engagement
 * or case is answered exactly as a missing one.
 */
class SubmitterIsolationTest extends SecurityTestBase {
    private static final String WATCHED = "Crimson Lotus Photonics Co";

    @Test
    void theRenewalFormPrefillsOnlyFromAnEngagementTheUserMaySee() {
        User sub1 = user("sub1", Role.SUBMITTER), sub2 = user("sub2", Role.SUBMITTER), analyst = user("analyst", Role.ANALYST);
        String first = submit(sub1, "Renewal secret alpha", "Tidewater Acoustics Ltd");
        String own = submit(sub2, "Renewal own bravo", "Saltmarsh Optics Ltd");

        HttpClient sub2Browser = signInThroughTheForm(sub2);
        HttpResponse<String> others = exchange(sub2Browser, HttpRequest.newBuilder(uri("/engagements/new?renews=" + first)).build());
        HttpResponse<String> missing = exchange(sub2Browser, HttpRequest.newBuilder(uri("/engagements/new?renews=ENG-999999")).build());
        assertThat(others.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(others.body()).doesNotContain("Renewal secret alpha", "Tidewater Acoustics", "Department of Renewal secret");
        assertThat(page(others.body()).replace(first, "ID")).isEqualTo(page(missing.body()).replace("ENG-999999", "ID"));

        HttpResponse<String> mine = exchange(sub2Browser, HttpRequest.newBuilder(uri("/engagements/new?renews=" + own)).build());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Renewal own bravo", "Saltmarsh Optics Ltd");

        HttpResponse<String> staff = exchange(signInThroughTheForm(analyst), HttpRequest.newBuilder(uri("/engagements/new?renews=" + first)).build());
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).contains("Renewal secret alpha", "Tidewater Acoustics Ltd");
    }

    @Test
    void aRenewalSubmittedOverTheApiCannotTellWhetherAnotherSubmittersEngagementExists() {
        User sub1 = user("sub1", Role.SUBMITTER), sub2 = user("sub2", Role.SUBMITTER);
        String first = submit(sub1, "Renewal target charlie", "Brackwater Labs Ltd");
        String own = submit(sub2, "Renewal own delta", "Fenland Sensors Ltd");

        HttpResponse<String> others = send(sub2, "POST", "/api/engagements", renewalOf(first));
        HttpResponse<String> missing = send(sub2, "POST", "/api/engagements", renewalOf("ENG-999999"));
        assertThat(others.statusCode()).as(others.body()).isEqualTo(400).isEqualTo(missing.statusCode());
        assertThat(others.body().replace(first, "ID")).isEqualTo(missing.body().replace("ENG-999999", "ID"));
        assertThat(json(others).get("problems").get(0).get("field").asString()).isEqualTo("renews");

        assertThat(send(sub2, "POST", "/api/engagements", renewalOf(own)).statusCode()).isEqualTo(201);
    }

    @Test
    void aSubmitterGetsThroughTheApiExactlyWhatTheirPageShowsOfTheirCaseAndNothingOfAnothers() {
        importList("security_test_export", "sec-export-1", WATCHED, ListCategory.EXPORT_CONTROL);
        User sub1 = user("sub1", Role.SUBMITTER), sub2 = user("sub2", Role.SUBMITTER), analyst = user("analyst", Role.ANALYST);
        String engagement = submit(sub1, "Case secret echo", WATCHED);
        long caseId = caseOf(analyst, engagement);
        String question = "Which lab hosts the Crimson Lotus visitors";
        assertThat(send(analyst, "POST", "/api/cases/" + caseId + "/notes", "{\"body\": \"INTERNAL-NOTE-TEXT\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> asked = send(analyst, "POST", "/api/cases/" + caseId + "/request-information",
                "{\"question\": \"" + question + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        JsonNode staffView = json(get(analyst, "/api/cases/" + caseId));
        assertThat(staffView.get("assessment").get("hits")).as("the analyst sees the hits").isNotEmpty();

        // the submitter's own case: what /mine/{id} shows, no more
        HttpResponse<String> own = get(sub1, "/api/cases/" + caseId);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        JsonNode view = json(own);
        assertThat(view.propertyNames()).containsExactlyInAnyOrder("case", "title", "engagement_status", "information_requests",
                "conditions", "decisions");
        assertThat(view.get("case").has("analyst")).isFalse();
        assertThat(view.get("information_requests").get(0).get("question").asString()).isEqualTo(question);
        assertThat(view.get("information_requests").get(0).has("asked_by")).isFalse();
        assertThat(own.body()).doesNotContain("INTERNAL-NOTE-TEXT", "security_test_export", "sec-export-1", analyst.name());
        assertThat(get(sub1, "/api/cases/" + caseId + "/notes").statusCode()).isEqualTo(403);
        for (String action : List.of("adjudications", "notes", "conditions", "recommendations", "decisions", "request-information", "analyst")) {
            HttpResponse<String> r = send(sub1, "POST", "/api/cases/" + caseId + "/" + action, "{}");
            assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(403);
            assertThat(r.body()).doesNotContain("INTERNAL-NOTE-TEXT", "sec-export-1");
        }

        // another submitter: every path answers as for a case that does not exist, and tells nothing
        long missing = 999_999;
        for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"GET", "/notes"}, new String[] {"POST", "/answer"},
                new String[] {"POST", "/attestations"}, new String[] {"POST", "/adjudications"}, new String[] {"POST", "/notes"},
                new String[] {"POST", "/conditions"}, new String[] {"POST", "/recommendations"}, new String[] {"POST", "/decisions"},
                new String[] {"POST", "/request-information"}, new String[] {"POST", "/analyst"})) {
            String body = call[0].equals("POST") ? (call[1].equals("/attestations") ? "{\"condition_id\": 1, \"statement\": \"x\"}" : "{\"answer\": \"x\"}") : null;
            HttpResponse<String> r = send(sub2, call[0], "/api/cases/" + caseId + call[1], body);
            HttpResponse<String> none = send(sub2, call[0], "/api/cases/" + missing + call[1], body);
            assertThat(r.statusCode()).as(call[0] + call[1] + ": " + r.body()).isIn(403, 404).isEqualTo(none.statusCode());
            assertThat(r.body().replace("case " + caseId, "case ID").replace("/cases/" + caseId + "/", "/cases/ID/"))
                    .as(call[0] + call[1])
                    .isEqualTo(none.body().replace("case " + missing, "case ID").replace("/cases/" + missing + "/", "/cases/ID/"));
            assertThat(r.body()).doesNotContain("Case secret echo", sub1.name(), question, "INTERNAL-NOTE-TEXT");
        }
        assertThat(get(sub2, "/api/cases").statusCode()).isEqualTo(403);

        // the submitter answers their own question
        HttpResponse<String> answered = send(sub1, "POST", "/api/cases/" + caseId + "/answer", "{\"answer\": \"Lab 4\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    }

    @Test
    void assessingAProposalWithoutStoringItIsForStaffNotSubmitters() {
        importList("security_test_export", "sec-export-1", WATCHED, ListCategory.EXPORT_CONTROL);
        User sub = user("sub", Role.SUBMITTER), analyst = user("analyst", Role.ANALYST), reviewer = user("reviewer", Role.REVIEWER);
        HttpResponse<String> refused = send(sub, "POST", "/api/assessments", engagement("Probe", WATCHED));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("sec-export-1", "security_test_export");
        for (User staff : List.of(analyst, reviewer)) {
            HttpResponse<String> ok = send(staff, "POST", "/api/assessments", engagement("Probe", WATCHED));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.body()).contains("sec-export-1");
        }
    }

    /** A page without its CSRF tokens (new on every page). */
    private static String page(String html) {
        return html.replaceAll("(content|value)=\"[A-Za-z0-9_-]{40,}\"", "$1=\"TOKEN\"");
    }

    private static String renewalOf(String id) {
        return engagement("A renewal", "Renewed Partner Ltd").replace("\"renewal\": false", "\"renewal\": true, \"renews\": \"" + id + "\"");
    }
}
