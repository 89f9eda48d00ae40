package edu.scrutiny.app.support;

import edu.scrutiny.app.desk.Channel;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementStatus;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.monitoring.AlertKind;
import edu.scrutiny.app.policy.Condition;
import edu.scrutiny.app.policy.Dimension;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.review.CaseStatus;
import edu.scrutiny.app.review.Mitigation;
import edu.scrutiny.app.review.Outcome;
import edu.scrutiny.app.review.Recommendation;
import edu.scrutiny.app.review.Stage;
import edu.scrutiny.app.review.Verdict;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place keys become words: every key the pages show has its label written, and the words are words. */
class LabelsTest {
    /** Every enum whose values the pages show. */
    static final List<Class<? extends Enum<?>>> SHOWN = List.of(Tier.class, EngagementStatus.class, Engagement.Type.class,
            Engagement.FundingSource.class, Engagement.Kind.class, Engagement.Role.class, Engagement.OrganizationType.class,
            Engagement.ControllerRole.class, Stage.class, CaseStatus.class, Verdict.class, edu.scrutiny.app.desk.Verdict.class,
            Outcome.class, edu.scrutiny.app.desk.Outcome.class, Recommendation.class, Mitigation.class, Role.class,
            AlertKind.class, Channel.class, Dimension.class, Condition.class, ListCategory.class,
            edu.scrutiny.app.directives.Directive.Scope.class);
    private static final Pattern KEY_LIKE = Pattern.compile("_|^[a-z]");

    @Test
    void everyValueThePagesShowHasItsLabelAndNoLabelLooksLikeAKey() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : SHOWN) {
            for (Enum<?> value : type.getEnumConstants()) {
                var label = Labels.words().defined(value);
                if (label.isEmpty() || KEY_LIKE.matcher(label.get()).find()) {
                    missing.add(type.getSimpleName() + "." + value.name() + " -> " + label.orElse("(none)"));
                }
            }
        }
        assertThat(missing).as("add a line to " + Labels.RESOURCE).isEmpty();
    }

    @Test
    void keysEnumsAndStringsOfEitherCaseReadAsTheSameWords() {
        Labels words = Labels.words();
        assertThat(words.of(Stage.COMPLIANCE_REVIEW)).isEqualTo("Compliance review");
        assertThat(words.of("compliance_review")).isEqualTo("Compliance review");
        assertThat(words.of(EngagementStatus.IN_REVIEW)).isEqualTo("In review");
        assertThat(words.of("AUTO_CLEARED")).isEqualTo("Auto-cleared");
        assertThat(words.of(Stage.ANALYST_DECLINE)).isEqualTo("Analyst decline");
        assertThat(words.of(Verdict.TRUE_MATCH)).isEqualTo("True match");
        assertThat(words.of(null)).isEmpty();
        // a key the bundle lacks is still shown as words
        assertThat(words.of("some_new_state")).isEqualTo("Some new state");
        assertThat(words.joined(List.of(Stage.COMPLIANCE_REVIEW, Stage.FACULTY_COMMITTEE), " → "))
                .isEqualTo("Compliance review → Faculty committee");
        assertThat(words.scores(Map.of(Dimension.EXPORT_CONTROL, 0.5))).isEqualTo("Export control 0.5");
        // keys in a sentence written elsewhere: labelled ones as words, list keys (names) as they are
        assertThat(words.sentence("Case 3 entered stage compliance_review.")).isEqualTo("Case 3 entered stage compliance review.");
        assertThat(words.sentence("Huawei matches HUAWEI on us_bis_entity_list (export_control); elevated_risk v1"))
                .isEqualTo("Huawei matches HUAWEI on us_bis_entity_list (export control); elevated risk v1");
    }
}
