package edu.scrutiny.app.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A party's ownership as the assessment saw it, for the pages: the tree of owners (named by the
 * engagement or known from the lists), which nodes are listed and which blocked through ownership,
 * the controllers and whether they are listed, and per list the total that decided.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OwnershipTree(String party, Node root, List<Decision> decisions) {
    // empty lists are left out of the stored JSON: read back, they are empty again
    public OwnershipTree {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** One owner (or the party itself, at the root). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Node(String name, String kind, Double share, String country,
                       @JsonProperty("from_lists") boolean fromLists,
                       List<String> listed, List<String> blocked,
                       List<Node> owners, List<ControllerNode> controllers) {
        public Node {
            listed = listed == null ? List.of() : List.copyOf(listed);
            blocked = blocked == null ? List.of() : List.copyOf(blocked);
            owners = owners == null ? List.of() : List.copyOf(owners);
            controllers = controllers == null ? List.of() : List.copyOf(controllers);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ControllerNode(String name, String kind, String role, String country, List<String> listed) {
        public ControllerNode {
            listed = listed == null ? List.of() : List.copyOf(listed);
        }
    }

    /**
     * What the ownership rule of one list decided for the party.
     *
     * @param outcome {@code blocked}, {@code not_blocked} or {@code suspended} (the rule would block, but is suspended)
     */
    public record Decision(String list, String rule, double total, String outcome) {
    }
}
