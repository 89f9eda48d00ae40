package edu.scrutiny.app.assessment.internal;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.lists.Owner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a party's ownership upwards: the owners the engagement names, then for every name on the
 * way the owners the lists know (entries' parents, imported corporate families). Shares multiply
 * along a chain; a parent named without a share counts as controlling (100%), as a parent company
 * does. Stops at {@value #MAX_DEPTH} links and at names already seen.
 */
public final class OwnershipChains {
    static final int MAX_DEPTH = 5;

    private OwnershipChains() {
    }

    /**
     * An owner somewhere above a party.
     *
     * @param share       the effective share in percent along the chain
     * @param controlling whether every link is a parent or a share of at least 50%: the party is then a subsidiary
     * @param path        the chain in words, e.g. {@code A → B (60%) → C (parent)}
     */
    public record Ancestor(String name, String country, double share, boolean controlling, String path) {
    }

    public static List<Ancestor> above(Engagement.Party party, ScreeningSnapshot lists) {
        record Step(String name, String country, double share, boolean controlling, String path, int depth, List<Owner> declared) {
        }
        List<Ancestor> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(key(party.name()));
        List<Owner> declared = party.owners().stream().map(o -> new Owner(o.name(), o.share())).toList();
        Deque<Step> queue = new ArrayDeque<>();
        queue.add(new Step(party.name(), party.country(), 100.0, true, party.name(), 0, declared));
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            if (s.depth() >= MAX_DEPTH) {
                continue;
            }
            List<Owner> owners = new ArrayList<>(s.declared());
            boolean person = s.depth() == 0 && party.kind() == Engagement.Kind.PERSON;
            owners.addAll(lists.knownOwners(s.name(), person));
            for (Owner o : owners) {
                if (!seen.add(key(o.name()))) {
                    continue;
                }
                double link = o.share() == null ? 100.0 : o.share();
                double share = s.share() * link / 100.0;
                boolean controlling = s.controlling() && (o.share() == null || o.share() >= 50.0);
                String path = s.path() + " → " + o.name() + (o.share() == null ? " (parent)" : " (" + fmt(o.share()) + "%)");
                String country = countryOf(party, o.name());
                out.add(new Ancestor(o.name(), country, share, controlling, path));
                queue.add(new Step(o.name(), country, share, controlling, path, s.depth() + 1, List.of()));
            }
        }
        return out;
    }

    /** Whether the party names its owners, or the lists know any. */
    public static boolean ownershipKnown(Engagement.Party party, ScreeningSnapshot lists) {
        return !party.owners().isEmpty() || !lists.knownOwners(party.name(), party.kind() == Engagement.Kind.PERSON).isEmpty();
    }

    private static String countryOf(Engagement.Party party, String ownerName) {
        return party.owners().stream().filter(o -> o.name().equals(ownerName)).map(Engagement.Owner::country)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
