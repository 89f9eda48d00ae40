package edu.scrutiny.app.engagement;

import edu.scrutiny.app.support.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the schema cannot say about a party's ownership tree: owners at most {@value #MAX_DEPTH}
 * deep (the party's own owners are depth 1), no owner twice on one path (a cycle: the same
 * normalised name and country), the shares among one node's owners at most 100% (owners without a
 * share do not count), and real country codes on owners and controllers.
 */
final class OwnershipChecks {
    static final int MAX_DEPTH = 5;

    private OwnershipChecks() {
    }

    interface CountryCheck {
        void check(String code, String field, List<InvalidInput.Problem> problems);
    }

    static void check(Engagement.Party party, String at, CountryCheck countries, List<InvalidInput.Problem> problems) {
        List<String> path = new ArrayList<>();
        path.add(key(party.name(), party.country()));
        controllers(party.controllers(), at, countries, problems);
        owners(party.owners(), at, 1, path, countries, problems);
    }

    /** The key a cycle is found by: the name with case, accents, punctuation and spacing folded, and the country. */
    static String key(String name, String country) {
        return Engagement.foldedName(name) + "|" + Objects.requireNonNullElse(country, "");
    }

    private static void owners(List<Engagement.Owner> owners, String at, int depth, List<String> path,
                               CountryCheck countries, List<InvalidInput.Problem> problems) {
        if (owners.isEmpty()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            problems.add(new InvalidInput.Problem(at + ".owners", "is at depth " + depth + ": owners may be nested at most " + MAX_DEPTH + " deep"));
            return;
        }
        double total = 0;
        for (int j = 0; j < owners.size(); j++) {
            Engagement.Owner o = owners.get(j);
            String field = at + ".owners[" + j + "]";
            total += o.share() == null ? 0 : o.share();
            countries.check(o.country(), field + ".country", problems);
            controllers(o.controllers(), field, countries, problems);
            String key = key(o.name(), o.country());
            if (path.contains(key)) {
                problems.add(new InvalidInput.Problem(field + ".name", "'" + o.name() + "' already appears on this ownership path (a cycle)"));
                continue;
            }
            path.add(key);
            owners(o.owners(), field, depth + 1, path, countries, problems);
            path.removeLast();
        }
        if (total > 100.0 + 1e-9) {
            problems.add(new InvalidInput.Problem(at + ".owners", "shares add up to " + fmt(total) + "%, more than 100%"));
        }
    }

    private static void controllers(List<Engagement.Controller> controllers, String at, CountryCheck countries,
                                    List<InvalidInput.Problem> problems) {
        for (int k = 0; k < controllers.size(); k++) {
            countries.check(controllers.get(k).country(), at + ".controllers[" + k + "].country", problems);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
