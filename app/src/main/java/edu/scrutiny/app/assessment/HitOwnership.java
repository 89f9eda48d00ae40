package edu.scrutiny.app.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How a hit on an owner makes the party treated as listed: every path from the party up to a
 * listed owner (through owners blocked the same way), each link's share, the total the party's
 * listed and blocked owners hold, and the rule that total was tested against.
 *
 * @param total the share of the party held by its listed and blocked owners, added up
 * @param rule  the ownership rule, in words with its source
 * @param paths each path: the party's owner first, the listed owner last
 */
public record HitOwnership(double total, String rule, List<List<Link>> paths) {
    public HitOwnership {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }
    /**
     * One owner on a path.
     *
     * @param share  the share it holds in the node below it, null for a parent of unknown share
     * @param status {@code listed} or {@code blocked}
     * @param total  for a blocked owner, what its own listed and blocked owners hold
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String name, Double share, String status, Double total) {
    }
}
