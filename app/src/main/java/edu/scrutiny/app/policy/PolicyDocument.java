package edu.scrutiny.app.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The policy's content as administrators write it (JSON): a description, the rules, and how often
 * an engagement of each tier comes due for re-review (months; a tier not named is not re-reviewed).
 */
public record PolicyDocument(String description, List<Rule> rules,
                             @JsonProperty("review_every_months") Map<Tier, Integer> reviewEveryMonths) {
    public PolicyDocument {
        rules = rules == null ? List.of() : List.copyOf(rules);
        reviewEveryMonths = reviewEveryMonths == null ? Map.of() : Map.copyOf(reviewEveryMonths);
    }

    public PolicyDocument(String description, List<Rule> rules) {
        this(description, rules, Map.of());
    }
}
