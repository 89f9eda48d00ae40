package edu.scrutiny.app.policy;

import edu.scrutiny.app.support.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routing section of the policy: the defaults as shipped, and the checks that name the field at fault. */
class PolicyRoutingTest {
    private static String defaults() throws IOException {
        try (InputStream in = PolicyRoutingTest.class.getResourceAsStream("/defaults/policy.json")) {
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
    void theDefaultPolicyRoutesAsDocumented() throws IOException {
        PolicyDocument doc = PolicyDocuments.read(defaults(), "defaults/policy.json");
        PolicyDocument.Routing r = doc.effectiveRouting();
        assertThat(r.stagesFor(Tier.PROHIBITED)).containsExactly("analyst_decline");
        assertThat(r.stagesFor(Tier.ELEVATED)).containsExactly("compliance_review", "faculty_committee");
        assertThat(r.stagesFor(Tier.STANDARD)).isEmpty();
        assertThat(r.seniorRiskWhen().categories()).containsExactly("sanctions");
        assertThat(r.seniorRiskWhen().countriesOfConcern()).isTrue();
        assertThat(r.serviceLevelDays("compliance_review")).isEqualTo(5);
        assertThat(r.serviceLevelDays("faculty_committee")).isEqualTo(15);
        assertThat(r.serviceLevelDays("senior_risk_group")).isEqualTo(10);
        assertThat(r.serviceLevelDays("analyst_decline")).isEqualTo(3);
        assertThat(r.stages()).isEqualTo(PolicyDocument.Routing.DEFAULT.stages());
        assertThat(r.serviceLevels()).isEqualTo(PolicyDocument.Routing.DEFAULT.serviceLevels());
    }

    @Test
    void aPolicyWithoutRoutingRoutesByTheDefaults() {
        PolicyDocument doc = new PolicyDocument("old", List.of());
        assertThat(doc.effectiveRouting()).isEqualTo(PolicyDocument.Routing.DEFAULT);
    }

    @Test
    void badRoutingIsNamedFieldByField() throws IOException {
        String base = defaults();
        assertThat(fields(base.replace("\"ELEVATED\": [\"compliance_review\", \"faculty_committee\"]",
                "\"ELEVATED\": [\"compliance_review\", \"board\"]"))).containsExactly("routing.ELEVATED[1]");
        assertThat(fields(base.replace("\"PROHIBITED\": [\"analyst_decline\"]", "\"PROHIBITED\": [\"compliance_review\"]")))
                .containsExactly("routing.PROHIBITED");
        assertThat(fields(base.replace("\"compliance_review\": 5", "\"compliance_review\": 0"))).containsExactly("service_levels.compliance_review");
        assertThat(fields(base.replace("\"analyst_decline\": 3", "\"triage\": 3"))).containsExactly("service_levels.triage");
        assertThat(fields(base.replace("\"categories\": [\"sanctions\"], \"countries_of_concern\"", "\"categories\": [\"sanction\"], \"countries_of_concern\"")))
                .containsExactly("senior_risk_when.categories[0]");
        assertThat(fields(base.replace("\"min_amount\": 5000000", "\"min_amount\": -1"))).containsExactly("senior_risk_when.min_amount");
    }
}
