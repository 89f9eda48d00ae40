package edu.scrutiny.app.assessment.internal;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.lists.Owner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a party's ownership tree: the owners the engagement names (nested, with their kinds),
 * joined at every node by the owners the lists know for that name (entries' parents and
 * {@code ownership}, imported corporate families, FollowTheMoney {@code Ownership}), up to
 * {@value #MAX_DEPTH} levels above the party. An owner already on the path (a cycle in the lists'
 * data) or already named at a node is not added again.
 */
public final class OwnershipTrees {
    static final int MAX_DEPTH = 5;

    private OwnershipTrees() {
    }

    /** A controller of the party or of one of its owners, with the node it controls. */
    public record ControllerAt(Engagement.Controller controller, OwnershipNode of) {
    }

    /** The tree, and every controller named anywhere in it. */
    public record Tree(OwnershipNode root, List<ControllerAt> controllers) {
    }

    public static Tree build(Engagement.Party party, ScreeningSnapshot lists) {
        OwnershipNode root = new OwnershipNode(party.name(), party.kind() == Engagement.Kind.PERSON, null, party.country(), false);
        List<ControllerAt> controllers = new ArrayList<>();
        party.controllers().forEach(c -> controllers.add(new ControllerAt(c, root)));
        List<String> path = new ArrayList<>();
        path.add(key(party.name()));
        grow(root, party.owners(), 0, path, lists, controllers);
        return new Tree(root, controllers);
    }

    private static void grow(OwnershipNode node, List<Engagement.Owner> declared, int depth, List<String> path,
                             ScreeningSnapshot lists, List<ControllerAt> controllers) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        Set<String> named = new HashSet<>();
        for (Engagement.Owner o : declared) {
            String k = key(o.name());
            if (path.contains(k) || !named.add(k)) {
                continue;
            }
            OwnershipNode child = node.addOwner(new OwnershipNode(o.name(), o.kind() == Engagement.Kind.PERSON, o.share(), o.country(), false));
            o.controllers().forEach(c -> controllers.add(new ControllerAt(c, child)));
            path.add(k);
            grow(child, o.owners(), depth + 1, path, lists, controllers);
            path.removeLast();
        }
        for (Owner o : lists.knownOwners(node.name(), node.person())) {
            String k = key(o.name());
            if (path.contains(k) || !named.add(k)) {
                continue;
            }
            OwnershipNode child = node.addOwner(new OwnershipNode(o.name(), false, o.share(), null, true));
            path.add(k);
            grow(child, List.of(), depth + 1, path, lists, controllers);
            path.removeLast();
        }
    }

    static String key(String name) {
        return Engagement.foldedName(name);
    }
}
