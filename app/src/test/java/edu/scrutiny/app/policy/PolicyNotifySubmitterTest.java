package edu.scrutiny.app.policy;

import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.support.InvalidInput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy's {@code notify_submitter}: the default as shipped, the check that names the entry at fault, and its agreement with monitoring. */
class PolicyNotifySubmitterTest {
    private static String defaults() throws IOException {
        try (InputStream in = PolicyNotifySubmitterTest.class.getResourceAsStream("/defaults/policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDefaultPolicyTellsTheSubmitterOfATierChangeAndAReviewDueButNotOfListHits() throws IOException {
        PolicyDocument doc = PolicyDocuments.read(defaults(), "defaults/policy.json");
        assertThat(doc.notifySubmitter()).containsExactly("TIER_CHANGED", "REVIEW_DUE");
        assertThat(doc.notifiesSubmitterOf("TIER_CHANGED")).isTrue();
        assertThat(doc.notifiesSubmitterOf("NEW_HIT")).isFalse();
        assertThat(doc.notifiesSubmitterOf("HIT_CLOSED")).isFalse();
    }

    @Test
    void aPolicyWithoutTheFieldTellsTheSubmitterNothing() {
        PolicyDocument doc = new PolicyDocument("old", List.of());
        assertThat(doc.notifySubmitter()).isEmpty();
        assertThat(Arrays.stream(AlertKind.values()).map(Enum::name).filter(doc::notifiesSubmitterOf)).isEmpty();
    }

    @Test
    void anUnknownKindIsNamedByItsPlaceAndTheAllowedKindsListed() throws IOException {
        String bad = defaults().replace("\"notify_submitter\": [\"TIER_CHANGED\", \"REVIEW_DUE\"]",
                "\"notify_submitter\": [\"TIER_CHANGED\", \"NEW_HITS\", \"LIST_REFRESH_FAILED\"]");
        assertThatThrownBy(() -> PolicyDocuments.read(bad, "policy.json"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems()).extracting(InvalidInput.Problem::field)
                            .containsExactly("notify_submitter[1]", "notify_submitter[2]");
                    assertThat(e.problems().getFirst().message())
                            .contains("'NEW_HITS'").contains("NEW_HIT, HIT_CLOSED, TIER_CHANGED, REVIEW_DUE");
                });
    }

    @Test
    void everyKindThePolicyMayNameIsAMonitoringAlertKind() {
        // the policy keeps its own list (it must not depend on monitoring): a renamed kind must fail here
        List<String> kinds = Arrays.stream(AlertKind.values()).map(Enum::name).toList();
        assertThat(kinds).containsAll(PolicyDocument.SUBMITTER_ALERTS);
    }
}
