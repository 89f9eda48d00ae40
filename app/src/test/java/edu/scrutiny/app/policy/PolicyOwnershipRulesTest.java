package edu.scrutiny.app.policy;

import edu.scrutiny.app.support.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy's ownership rules: the defaults as shipped, which rule applies on a date, and the checks that name the field at fault. */
class PolicyOwnershipRulesTest {
    private static String defaults() throws IOException {
        try (InputStream in = PolicyOwnershipRulesTest.class.getResourceAsStream("/defaults/policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> fields(String json) {
        try {
            PolicyDocuments.read(json, "policy.json");
            return List.of();
        } catch (InvalidInput e) {
            return e.problems().stream().map(InvalidInput.Problem::field).toList();
        }
    }

    @Test
    void theMostSpecificRuleInForceApplies() throws IOException {
        PolicyDocument doc = PolicyDocuments.read(defaults(), "defaults/policy.json");
        // before the Affiliates Rule, the export-control category's rule
        OwnershipRule before = doc.ownershipRuleFor("us_bis_entity_list", "export_control", LocalDate.parse("2025-01-01")).orElseThrow();
        assertThat(before.category()).isEqualTo("export_control");
        OwnershipRule affiliates = doc.ownershipRuleFor("us_bis_entity_list", "export_control", LocalDate.parse("2025-10-01")).orElseThrow();
        assertThat(affiliates.lists()).contains("us_bis_entity_list");
        assertThat(affiliates.suspendedOn(LocalDate.parse("2025-10-01"))).isFalse();
        assertThat(affiliates.suspendedOn(LocalDate.parse("2025-11-10"))).isTrue();
        assertThat(affiliates.suspendedOn(LocalDate.parse("2026-11-10"))).isFalse();
        // another export-control list keeps the category's rule
        assertThat(doc.ownershipRuleFor("us_bis_unverified_list", "export_control", LocalDate.parse("2025-10-01")).orElseThrow().category())
                .isEqualTo("export_control");
        assertThat(doc.ownershipRuleFor("us_treasury_sdn", "sanctions", LocalDate.parse("2025-10-01")).orElseThrow().source())
                .contains("OFAC 50 Percent Rule");
    }

    @Test
    void badOwnershipRulesAreNamed() throws IOException {
        String base = defaults();
        String bad = base.replace("\"ownership_rules\": [", """
                "ownership_rules": [
                  {"lists": ["eu_fsf"], "category": "sanctions"},
                  {"category": "embargo"},
                  {"category": "sanctions", "threshold": 150},
                  {"category": "sanctions", "from": "2026-01-01", "until": "2025-01-01"},
                  {"category": "sanctions", "suspended_until": "2025-01-01"},""");
        assertThat(fields(bad)).contains("ownership_rules[0]", "ownership_rules[1].category", "ownership_rules[2].threshold",
                "ownership_rules[3].until", "ownership_rules[4].suspended_from");
        assertThat(fields(base.replace("\"min_share\": 25", "\"min_share\": 0"))).containsExactly("rules[11].min_share");
    }
}
