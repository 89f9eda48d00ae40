package edu.scrutiny.app.policy;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made before ownership rules existed (migrated to V7, its policy without
 * {@code ownership_rules}) gets the defaults and the two red-flag rules as a new policy version
 * when it is upgraded, on H2 and on PostgreSQL; a new database (seeded from the current defaults)
 * gets no extra version.
 */
class OwnershipRulesMigrationTest {
    @Test
    void anOldH2DatabaseGetsTheDefaultsAsANewPolicyVersion() throws Exception {
        upgradesAnOldDatabase(Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-migration")));
    }

    @Test
    @EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
    void anOldPostgresDatabaseGetsTheDefaultsAsANewPolicyVersion() throws Exception {
        upgradesAnOldDatabase(TestPostgres.freshDatabase());
    }

    @Test
    void aNewDatabaseStartsWithThemInItsFirstVersion() throws Exception {
        String url = Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-migration"));
        flyway(url, null).migrate();
        List<String[]> versions = versions(url);
        assertThat(versions).hasSize(1);
        assertThat(Documents.JSON.readTree(versions.getFirst()[1]).get("ownership_rules")).hasSizeGreaterThanOrEqualTo(6);
    }

    private static void upgradesAnOldDatabase(String url) throws Exception {
        flyway(url, "7").migrate();
        // the policy as it was before issue 12: no ownership rules, no red-flag rules
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement read = c.prepareStatement("SELECT document FROM policy_version WHERE version = 1");
             ResultSet rs = read.executeQuery()) {
            rs.next();
            tools.jackson.databind.node.ObjectNode doc = (tools.jackson.databind.node.ObjectNode) Documents.JSON.readTree(rs.getString(1));
            doc.remove("ownership_rules");
            tools.jackson.databind.node.ArrayNode rules = (tools.jackson.databind.node.ArrayNode) doc.get("rules");
            for (int i = rules.size() - 1; i >= 0; i--) {
                if (rules.get(i).get("code").asString().startsWith("LISTED_")) {
                    rules.remove(i);
                }
            }
            try (PreparedStatement write = c.prepareStatement("UPDATE policy_version SET document = ? WHERE version = 1")) {
                write.setString(1, Documents.JSON.writeValueAsString(doc));
                write.executeUpdate();
            }
        }
        flyway(url, null).migrate();

        List<String[]> versions = versions(url);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1)[2]).contains("Ownership rules", "added at upgrade");
        PolicyDocument upgraded = PolicyDocuments.read(versions.get(1)[1], "policy version 2");
        assertThat(upgraded.ownershipRules()).anySatisfy(r -> {
            assertThat(r.category()).isEqualTo("sanctions");
            assertThat(r.threshold()).isEqualTo(50.0);
            assertThat(r.aggregate()).isTrue();
        });
        assertThat(upgraded.ownershipRules()).anySatisfy(r -> {
            assertThat(r.lists()).contains("us_bis_entity_list");
            assertThat(r.suspendedUntil()).hasToString("2026-11-10");
        });
        assertThat(upgraded.rules()).extracting(Rule::code).contains("LISTED_MINORITY_OWNER", "LISTED_CONTROLLER", "SANCTIONS_HIT");
        // the rest of the policy is as it was
        JsonNode before = Documents.JSON.readTree(versions.get(0)[1]);
        assertThat(upgraded.rules()).hasSize(before.get("rules").size() + 2);
    }

    private static Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static List<String[]> versions(String url) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT version, document, note FROM policy_version ORDER BY version");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }
}
