package edu.scrutiny.app.security;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 4: clearing a hit as a false positive through {@code POST /api/hits/clearances} (which
 * clears the name in every engagement) takes two different analysts, as case adjudication does.
 */
class HitClearanceFourEyesTest extends SecurityTestBase {
    private static final String NAME = "Vermilion Harbour Trading Co";

    @Test
    void oneAnalystsClearanceWaitsForASecondDifferentAnalyst() {
        importList("security_test_sanctions", "sec-sanctions-1", NAME, ListCategory.SANCTIONS);
        User first = user("analyst", Role.ANALYST), second = user("analyst", Role.ANALYST);
        JsonNode hit = hits(first).get(0);
        ObjectNode clearance = JSON.createObjectNode();
        clearance.put("party", hit.get("party").asString()).put("list", hit.get("list").asString())
                .put("source_id", hit.get("source_id").asString()).put("content_sha", hit.get("content_sha").asString())
                .put("reason", "another company of the same words");

        HttpResponse<String> requested = send(first, "POST", "/api/hits/clearances", clearance.toString());
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(json(requested).get("status").asString()).isEqualTo("pending");
        assertThat(json(requested).get("requested_by").asString()).isEqualTo(first.name());
        assertThat(sourceIds(hits(first))).as("one analyst's word clears nothing").contains("sec-sanctions-1");

        HttpResponse<String> again = send(first, "POST", "/api/hits/clearances", clearance.toString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(403);
        assertThat(json(again).get("message").asString()).contains("second, different analyst");
        assertThat(sourceIds(hits(first))).contains("sec-sanctions-1");

        HttpResponse<String> confirmed = send(second, "POST", "/api/hits/clearances",
                clearance.put("reason", "checked the registry: not the listed company").toString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        JsonNode done = json(confirmed);
        assertThat(done.get("status").asString()).isEqualTo("cleared");
        assertThat(done.get("confirmed_by").asString()).isEqualTo(second.name());
        assertThat(done.get("requested_by").asString()).isEqualTo(first.name());
        JsonNode after = screen(first);
        assertThat(sourceIds(after.get("hits"))).doesNotContain("sec-sanctions-1");
        assertThat(sourceIds(after.get("cleared_hits"))).contains("sec-sanctions-1");

        List<String> trail = jdbc.sql("SELECT actor || ' ' || action FROM audit_log WHERE action LIKE 'hit.clear%' ORDER BY seq")
                .query(String.class).list();
        assertThat(trail).containsSubsequence(first.name() + " hit.clearance_requested", second.name() + " hit.cleared");
        String cleared = jdbc.sql("SELECT reason FROM hit_clearance WHERE id = :id").param("id", done.get("clearance_id").asLong())
                .query(String.class).single();
        assertThat(cleared).contains("another company of the same words", "not the listed company", second.name());
    }

    private JsonNode screen(User as) {
        return json(get(as, "/api/screen?name=" + enc(NAME) + "&as_of=2019-06-01"));
    }

    private JsonNode hits(User as) {
        return screen(as).get("hits");
    }

    private static List<String> sourceIds(JsonNode hits) {
        return hits.findValuesAsString("source_id");
    }
}
