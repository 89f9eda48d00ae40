package edu.scrutiny.app.security;

import edu.scrutiny.app.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 5: adding or replacing a list source, refreshing one through the API, and acknowledging
 * an alert are in the audit trail under the user who did it (not {@code system}), with when.
 */
class AuditedActionsTest extends SecurityTestBase {

    @Test
    void sourcesRefreshesAndAcknowledgementsAreAuditedUnderTheActingUser() throws IOException {
        User analyst = user("analyst", Role.ANALYST), other = user("analyst", Role.ANALYST);
        Path imports = Files.createDirectories(dataDirectory().resolve("imports"));
        Files.writeString(imports.resolve("sec_audited.csv"), """
                id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks
                a-1,Audited Entity One,,Company,CN,Test,2019-01-01,,,,,
                """);
        assertThat(send(analyst, "POST", "/api/list-sources", ListSourceRulesTest.source("sec_audited", "sec_audited.csv")).statusCode())
                .isEqualTo(200);
        assertThat(send(other, "POST", "/api/list-sources", ListSourceRulesTest.source("sec_audited", "sec_audited.csv")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refreshed = send(other, "POST", "/api/list-sources/sec_audited/refresh", null);
        assertThat(json(refreshed).get(0).get("status").asString()).as(refreshed.body()).isEqualTo("IMPORTED");

        assertThat(trail("list_source.changed", "sec_audited")).containsExactly(analyst.name(), other.name());
        assertThat(trail("list.refreshed", "sec_audited")).containsExactly(other.name());
        assertThat(trail("list.imported", "sec_audited")).as("the import the refresh made").containsExactly(other.name());
        String replaced = jdbc.sql("SELECT before_doc FROM audit_log WHERE action = 'list_source.changed' AND object_id = 'sec_audited' "
                + "ORDER BY seq DESC LIMIT 1").query(String.class).single();
        assertThat(replaced).as("the replaced source is kept as the record's before").contains("sec_audited.csv");

        // a failed refresh raises an alert; acknowledging it is recorded with who and when
        Files.writeString(imports.resolve("sec_audited.csv"), "id,name\n");
        send(other, "POST", "/api/list-sources/sec_audited/refresh", null);
        JsonNode alert = null;
        for (JsonNode a : json(get(analyst, "/api/alerts"))) {
            if ("sec_audited".equals(a.path("list").asString(""))) {
                alert = a;
            }
        }
        assertThat(alert).as("the failed refresh's alert").isNotNull();
        String id = Long.toString(alert.get("id").asLong());
        assertThat(send(analyst, "POST", "/api/alerts/" + id + "/acknowledgement", null).statusCode()).isEqualTo(200);
        assertThat(trail("alert.acknowledged", id)).containsExactly(analyst.name());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'alert.acknowledged' AND object_id = :id AND recorded_at IS NOT NULL")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    private List<String> trail(String action, String objectId) {
        return jdbc.sql("SELECT actor FROM audit_log WHERE action = :a AND object_id = :o ORDER BY seq")
                .param("a", action).param("o", objectId).query(String.class).list();
    }
}
