package edu.scrutiny.app.assessment;

import edu.scrutiny.app.assessment.internal.DirectiveMatcher;
import edu.scrutiny.app.assessment.internal.OwnershipComputation;
import edu.scrutiny.app.assessment.internal.OwnershipNode;
import edu.scrutiny.app.assessment.internal.OwnershipTrees;
import edu.scrutiny.app.directives.Directive;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.policy.OwnershipRule;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.NameScreenings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a party's owners and controllers say, as of a date under a policy's ownership rules: each
 * owner and controller screened with the schema its kind gives, then for every list an owner is on
 * the ownership rule that applies, computed over the whole tree ({@link OwnershipComputation}).
 * Gives the hits that make the party treated as listed, the listed owners that do not (red flags
 * when large enough), the listed controllers, the directives reaching the party as a subsidiary,
 * and the tree for the pages.
 */
final class OwnershipEvidence {
    /** A listed owner that does not make the party blocked: its share of the party, and whether a suspended rule would have blocked it. */
    record ListedOwner(String party, AssessedHit hit, double share, OwnershipRule suspendedRule) {
    }

    record ListedController(String party, Engagement.Controller controller, String of, AssessedHit hit) {
    }

    final List<AssessedHit> blockingHits = new ArrayList<>();
    final List<ListedOwner> listedOwners = new ArrayList<>();
    final List<ListedController> listedControllers = new ArrayList<>();
    final List<Assessment.AppliedDirective> subsidiaryDirectives = new ArrayList<>();
    final List<OwnershipTree> trees = new ArrayList<>();
    /** Owners' names and countries (as the engagement names them), by party. */
    final Map<String, List<String[]>> ownerCountries = new LinkedHashMap<>();
    /** Whether any owner is named or known, by party. */
    final Map<String, Boolean> ownershipKnown = new LinkedHashMap<>();

    private OwnershipEvidence() {
    }

    /**
     * @param counted   whether a raw hit counts (not cleared as a false positive)
     * @param partyHits each party's own hits, by name
     */
    static OwnershipEvidence of(Engagement engagement, PolicyDocument policy, NameScreenings screenings,
                                DirectiveMatcher matcher, Predicate<Hit> counted, Map<String, List<Hit>> partyHits) {
        OwnershipEvidence ev = new OwnershipEvidence();
        for (Engagement.Party party : engagement.parties()) {
            ev.party(party, screenings.asOf(), policy, screenings, matcher, counted, partyHits.getOrDefault(party.name(), List.of()));
        }
        return ev;
    }

    private void party(Engagement.Party party, LocalDate date, PolicyDocument policy, NameScreenings screenings,
                       DirectiveMatcher matcher, Predicate<Hit> counted, List<Hit> ownHits) {
        OwnershipTrees.Tree tree = OwnershipTrees.build(party, screenings.lists());
        OwnershipNode root = tree.root();
        ownHits.stream().filter(counted).forEach(h -> root.markListed(h.list()));
        List<OwnershipNode> owners = root.all().subList(1, root.all().size());
        ownershipKnown.put(party.name(), !owners.isEmpty());
        List<String[]> countries = new ArrayList<>();
        owners.stream().filter(o -> o.country() != null).forEach(o -> countries.add(new String[] {o.name(), o.country()}));
        ownerCountries.put(party.name(), countries);

        // screen every owner; a party's own hits are the Assessor's
        Map<OwnershipNode, List<Hit>> hits = new IdentityHashMap<>();
        Map<String, String> categories = new LinkedHashMap<>();
        for (OwnershipNode o : owners) {
            List<Hit> found = screenings.screen(o.name(), o.person(), o.country()).stream().filter(counted).toList();
            hits.put(o, found);
            for (Hit h : found) {
                o.markListed(h.list());
                categories.putIfAbsent(h.list(), h.category());
            }
        }
        List<OwnershipTree.Decision> decisions = new ArrayList<>();
        Map<OwnershipNode, List<String>> blockedAt = new IdentityHashMap<>();
        for (Map.Entry<String, String> list : categories.entrySet()) {
            OwnershipRule rule = policy.ownershipRuleFor(list.getKey(), list.getValue(), date).orElse(null);
            if (rule == null) {
                continue;
            }
            OwnershipComputation.Test test = new OwnershipComputation.Test(rule.threshold(), rule.inclusive(), rule.aggregate(), rule.indirect());
            OwnershipComputation.Result result = OwnershipComputation.compute(root, list.getKey(), test);
            boolean suspended = rule.suspendedOn(date);
            HitOwnership ownership = ownership(result, rule);
            if (result.blocked() && !suspended) {
                for (OwnershipNode n : root.all()) {
                    if (result.statusOf(n) == OwnershipComputation.Status.BLOCKED) {
                        blockedAt.computeIfAbsent(n, k -> new ArrayList<>()).add(list.getKey());
                    }
                }
                blockedAt.computeIfAbsent(root, k -> new ArrayList<>()).add(list.getKey());
                for (List<OwnershipComputation.Link> path : result.paths()) {
                    OwnershipNode listed = nodeAt(root, path);
                    for (Hit h : hits.getOrDefault(listed, List.of())) {
                        if (h.list().equals(list.getKey())) {
                            blockingHits.add(AssessedHit.of(party.name(), h, via(party.name(), result, rule), result.total(), ownership));
                        }
                    }
                }
            } else {
                double share = Math.max(result.total(), OwnershipComputation.listedShare(root, list.getKey()));
                for (OwnershipNode o : owners) {
                    for (Hit h : hits.getOrDefault(o, List.of())) {
                        if (h.list().equals(list.getKey())) {
                            listedOwners.add(new ListedOwner(party.name(), AssessedHit.of(party.name(), h,
                                    via(party.name(), result, rule), share, ownership), share, result.blocked() ? rule : null));
                        }
                    }
                }
            }
            decisions.add(new OwnershipTree.Decision(list.getKey(), rule.describe(), result.total(),
                    !result.blocked() ? "not_blocked" : suspended ? "suspended" : "blocked"));
        }

        // controllers, each with its own kind
        Map<OwnershipNode, List<OwnershipTree.ControllerNode>> controllerNodes = new IdentityHashMap<>();
        for (OwnershipTrees.ControllerAt c : tree.controllers()) {
            Engagement.Controller ctl = c.controller();
            List<String> listedOn = new ArrayList<>();
            for (Hit h : screenings.screen(ctl.name(), ctl.kind() == Engagement.Kind.PERSON, ctl.country())) {
                if (counted.test(h)) {
                    listedOn.add(h.list());
                    listedControllers.add(new ListedController(party.name(), ctl, c.of().name(), AssessedHit.of(party.name(), h, null, null)));
                }
            }
            controllerNodes.computeIfAbsent(c.of(), k -> new ArrayList<>()).add(new OwnershipTree.ControllerNode(ctl.name(),
                    ctl.kind().name().toLowerCase(java.util.Locale.ROOT), ctl.role().key(), ctl.country(), listedOn.stream().distinct().toList()));
        }

        // directives reach subsidiaries through the same computation: any counterparty's shares add up
        for (OwnershipNode o : owners) {
            for (DirectiveMatcher.Match m : matcher.matches(o.name())) {
                o.markListed(directiveKey(m.directive()));
            }
        }
        for (Directive d : matcher.directives()) {
            if (!d.includeSubsidiaries()) {
                continue;
            }
            OwnershipComputation.Result r = OwnershipComputation.compute(root, directiveKey(d), OwnershipComputation.Test.OFAC);
            if (r.blocked()) {
                subsidiaryDirectives.add(new Assessment.AppliedDirective(d.id(), d.title(), party.name(), r.explain()));
            }
        }
        trees.add(new OwnershipTree(party.name(), node(root, blockedAt, controllerNodes), decisions));
    }

    private static String directiveKey(Directive d) {
        return "directive:" + d.id();
    }

    /** The node a path ends at, found by walking its names from the root. */
    private static OwnershipNode nodeAt(OwnershipNode root, List<OwnershipComputation.Link> path) {
        OwnershipNode n = root;
        for (OwnershipComputation.Link l : path) {
            n = n.owners().stream().filter(o -> o.name().equals(l.name())).findFirst().orElse(n);
        }
        return n;
    }

    private static String via(String party, OwnershipComputation.Result r, OwnershipRule rule) {
        return party + " is owned " + OwnershipComputation.pct(r.total()) + " by listed or blocked owners: " + r.explain()
                + (rule.source() == null ? "" : " (" + rule.source() + ")");
    }

    private static HitOwnership ownership(OwnershipComputation.Result r, OwnershipRule rule) {
        List<List<HitOwnership.Link>> paths = new ArrayList<>();
        for (List<OwnershipComputation.Link> p : r.paths()) {
            paths.add(p.stream().map(l -> new HitOwnership.Link(l.name(), l.share(),
                    l.status() == OwnershipComputation.Status.LISTED ? "listed" : "blocked",
                    l.status() == OwnershipComputation.Status.BLOCKED ? l.total() : null)).toList());
        }
        return new HitOwnership(r.total(), rule.describe(), paths);
    }

    private static OwnershipTree.Node node(OwnershipNode n, Map<OwnershipNode, List<String>> blockedAt,
                                           Map<OwnershipNode, List<OwnershipTree.ControllerNode>> controllers) {
        List<OwnershipTree.Node> owners = n.owners().stream().map(o -> node(o, blockedAt, controllers)).toList();
        List<String> listed = n.listedKeys().stream().filter(k -> !k.startsWith("directive:")).toList();
        return new OwnershipTree.Node(n.name(), n.person() ? "person" : "organization", n.share(), n.country(), n.fromLists(),
                listed, blockedAt.getOrDefault(n, List.of()), owners, controllers.getOrDefault(n, List.of()));
    }
}
