package edu.scrutiny.app.assessment.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an ownership tree's root is blocked through ownership on one list (or reached by one
 * directive), by the test an ownership rule sets.
 *
 * <p>OFAC's 50 Percent Rule reads: an entity owned 50% or more <em>in the aggregate</em>, directly
 * or indirectly, by one or more blocked persons is itself blocked. So a node is blocked when the
 * shares its blocked owners hold add up to the threshold: an owner counts when it is itself listed
 * or, with {@code indirect}, when it is blocked the same way (recursively, up to the tree's top).
 * Shares are never multiplied along a chain: a company 60% owned by a holding that a listed bank
 * owns 60% is blocked, because the holding is. Without {@code aggregate}, one blocked owner must
 * reach the threshold on its own; {@code inclusive: false} means "more than" (EU and UK say "more
 * than 50%").
 *
 * <p>The result names every path from the root to a listed owner through blocked ones, with each
 * link's share, so that a reviewer sees the whole computation.
 */
public final class OwnershipComputation {
    /** How a rule decides: the threshold in percent, and whether shares add up and reach through intermediate owners. */
    public record Test(double threshold, boolean inclusive, boolean aggregate, boolean indirect) {
        /** OFAC's 50 Percent Rule: 50% or more, in the aggregate, directly or indirectly. */
        public static final Test OFAC = new Test(50, true, true, true);

        boolean meets(double share) {
            return inclusive ? share >= threshold - 1e-9 : share > threshold + 1e-9;
        }

        /** In words, e.g. "at least 50% in the aggregate, directly or indirectly". */
        public String words() {
            return (inclusive ? "at least " : "more than ") + pct(threshold)
                    + (aggregate ? " in the aggregate" : " by a single owner")
                    + (indirect ? ", directly or indirectly" : ", directly");
        }
    }

    public enum Status { LISTED, BLOCKED, NONE }

    /** One link of a path: the owner, the share it holds in the node below it, and whether it is listed or blocked. */
    public record Link(String name, Double share, Status status, double total) {
    }

    /**
     * @param blocked whether the root is blocked through ownership (whether or not it is listed itself)
     * @param total   the share of the root its listed and blocked owners hold together
     * @param paths   each path from the root's owner to a listed owner, every link listed or blocked
     */
    public record Result(String key, Test test, boolean blocked, double total, List<List<Link>> paths,
                         Map<OwnershipNode, Status> statuses) {
        /** Whether a node of the tree is listed, blocked, or neither, on this key. */
        public Status statusOf(OwnershipNode n) {
            return statuses.getOrDefault(n, Status.NONE);
        }

        /** The computation in words, e.g. "A (30%, listed) + B (25%, listed) = 55%, at least 50% in the aggregate". */
        public String explain() {
            List<String> parts = new ArrayList<>();
            for (List<Link> p : paths) {
                List<String> chain = new ArrayList<>();
                for (Link l : p) {
                    chain.add(l.name() + " (" + (l.share() == null ? "parent" : pct(l.share())) + ", "
                            + (l.status() == Status.LISTED ? "listed" : "blocked: its listed and blocked owners hold " + pct(l.total())) + ")");
                }
                parts.add(String.join(" owned by ", chain));
            }
            return String.join(" + ", parts) + " = " + pct(total) + "; the rule: " + test.words();
        }
    }

    private final String key;
    private final Test test;
    private final Map<OwnershipNode, Status> status = new IdentityHashMap<>();
    private final Map<OwnershipNode, Double> totals = new IdentityHashMap<>();

    private OwnershipComputation(String key, Test test) {
        this.key = key;
        this.test = test;
    }

    /** Computes whether {@code root} is blocked through ownership on {@code key} under {@code test}. */
    public static Result compute(OwnershipNode root, String key, Test test) {
        OwnershipComputation c = new OwnershipComputation(key, test);
        double total = c.total(root);
        // a party listed itself is also blocked through its owners when they reach the test: both count, so that the
        // ownership still holds it if its own hit is cleared as a false positive
        boolean blocked = test.meets(total) && total > 0;
        List<List<Link>> paths = new ArrayList<>();
        c.paths(root, new ArrayList<>(), paths);
        c.all(root);
        return new Result(key, test, blocked, total, paths, java.util.Collections.unmodifiableMap(c.status));
    }

    /**
     * The share of the root that listed owners hold through any chain (shares multiplied along a
     * chain and added across chains, stopping at a listed owner): what a minority red flag reads.
     */
    public static double listedShare(OwnershipNode root, String key) {
        double sum = 0;
        for (OwnershipNode o : root.owners()) {
            sum += o.listedOn(key) ? o.countedShare() : o.countedShare() * listedShare(o, key) / 100.0;
        }
        return Math.min(sum, 100.0);
    }

    private void all(OwnershipNode n) {
        for (OwnershipNode o : n.owners()) {
            status(o);
            all(o);
        }
    }

    private Status status(OwnershipNode n) {
        Status s = status.get(n);
        if (s != null) {
            return s;
        }
        if (n.listedOn(key)) {
            s = Status.LISTED;
        } else if (test.indirect() && !n.owners().isEmpty() && test.meets(total(n)) && total(n) > 0) {
            s = Status.BLOCKED;
        } else {
            s = Status.NONE;
        }
        status.put(n, s);
        return s;
    }

    /** The share of n its listed (and, with indirect, blocked) owners hold: summed, or the largest one without aggregate. */
    private double total(OwnershipNode n) {
        Double t = totals.get(n);
        if (t != null) {
            return t;
        }
        double sum = 0;
        double max = 0;
        for (OwnershipNode o : n.owners()) {
            if (status(o) != Status.NONE) {
                sum += o.countedShare();
                max = Math.max(max, o.countedShare());
            }
        }
        t = Math.min(test.aggregate() ? sum : max, 100.0);
        totals.put(n, t);
        return t;
    }

    private void paths(OwnershipNode n, List<Link> prefix, List<List<Link>> out) {
        for (OwnershipNode o : n.owners()) {
            Status s = status(o);
            if (s == Status.NONE) {
                continue;
            }
            List<Link> path = new ArrayList<>(prefix);
            path.add(new Link(o.name(), o.share(), s, s == Status.BLOCKED ? total(o) : 0));
            if (s == Status.LISTED) {
                out.add(List.copyOf(path));
            } else {
                paths(o, path, out);
            }
        }
    }

    public static String pct(double d) {
        return (d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "")) + "%";
    }
}
