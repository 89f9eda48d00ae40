package edu.scrutiny.app.policy;

import java.util.List;

/** The policy's content as administrators write it (JSON): a description and the rules. */
public record PolicyDocument(String description, List<Rule> rules) {
    public PolicyDocument {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
