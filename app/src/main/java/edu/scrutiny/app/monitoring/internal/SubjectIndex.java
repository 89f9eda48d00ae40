package edu.scrutiny.app.monitoring.internal;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.screening.ChangeScreener;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.matching.QueryWords;
import edu.scrutiny.matching.ScreeningIndex;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names every stored engagement holds (parties, their owners and controllers), each normalised
 * once and kept until an engagement is added: delta re-screening screens every one of them against
 * the entries a list version added or changed, in screening's own direction (the engagement's name
 * as the query, the entry as listed), so that no rule of which name may match which (kinds, legal
 * forms, acronyms, abbreviations) can be applied the other way round. Normalising is most of what
 * screening a name against a change costs, so keeping the normalised names makes the delta's cost
 * a few microseconds per name, plus what the change's entries match.
 */
@Component
public class SubjectIndex {
    /** A name as screened: the same name, kind and country screen the same. */
    public record Subject(String name, boolean person, String country) {
    }

    /** A name with its normalised form, ready to be screened against a change. */
    public record Prepared(Subject subject, ScreeningIndex.PreparedName name) {
    }

    private record Built(String fingerprint, List<Prepared> subjects, Map<Subject, List<String>> engagements, QueryWords words) {
    }

    private final Engagements store;
    private volatile Built built;

    SubjectIndex(Engagements store) {
        this.store = store;
    }

    /**
     * The names of an engagement that are screened: its parties, their owners at every depth and the
     * controllers of each, each with its own kind (a person owner is screened as a person).
     */
    public static List<Subject> subjects(Engagement e) {
        List<Subject> out = new ArrayList<>();
        for (Engagement.Party p : e.parties()) {
            out.add(new Subject(p.name(), p.kind() == Engagement.Kind.PERSON, p.country()));
            controllers(p.controllers(), out);
            owners(p.owners(), out);
        }
        return out;
    }

    private static void owners(List<Engagement.Owner> owners, List<Subject> out) {
        for (Engagement.Owner o : owners) {
            out.add(new Subject(o.name(), o.kind() == Engagement.Kind.PERSON, o.country()));
            controllers(o.controllers(), out);
            owners(o.owners(), out);
        }
    }

    private static void controllers(List<Engagement.Controller> controllers, List<Subject> out) {
        controllers.forEach(c -> out.add(new Subject(c.name(), c.kind() == Engagement.Kind.PERSON, c.country())));
    }

    /** Normalises the names now if engagements were added since (to keep that cost out of an import). */
    public synchronized void refresh() {
        String fingerprint = store.fingerprint();
        if (built != null && built.fingerprint().equals(fingerprint)) {
            return;
        }
        Map<Subject, List<String>> byName = new HashMap<>();
        for (StoredEngagement e : store.all()) {
            for (Subject s : subjects(e.engagement())) {
                byName.computeIfAbsent(s, k -> new ArrayList<>()).add(e.id());
            }
        }
        List<Prepared> prepared = byName.keySet().parallelStream()
                .filter(s -> s.name() != null && !s.name().isBlank())
                .map(s -> new Prepared(s, ChangeScreener.prepare(s.name(), s.person())))
                .toList();
        // one object per distinct word across the names: a delta's screening then finds what it did for a word by identity
        List<ScreeningIndex.PreparedName> shared = ScreeningIndex.PreparedName.sharingTokens(prepared.stream().map(Prepared::name).toList());
        List<Prepared> sharing = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            sharing.add(new Prepared(prepared.get(i).subject(), shared.get(i)));
        }
        built = new Built(fingerprint, byWords(sharing), byName, QueryWords.of(shared));
    }

    /**
     * The names ordered by kind, then by their words (sorted, as normalised), so that names sharing words
     * come one after another: a delta screens them on every core, a parallel stream hands each thread runs
     * of the list, and the change's screening remembers each word's comparisons per thread. In the hash
     * map's order the change screening took 14% more CPU (a scratch probe, two threads, 14,000 names against
     * 750 changed entries: median 572 against 494 ms per pass). Ties fall by name and country, so that the
     * order is the same in every process.
     */
    private static List<Prepared> byWords(List<Prepared> names) {
        record Keyed(String key, Prepared prepared) {
        }
        List<Keyed> keyed = new ArrayList<>(names.size());
        for (Prepared p : names) {
            List<String> words = new ArrayList<>();
            p.name().normalized().primary().identifying().forEach(t -> words.add(t.text()));
            java.util.Collections.sort(words);
            Subject s = p.subject();
            // one string to compare; ordering 14,000 names so took 50-100 ms in a fresh JVM, once after engagements were added
            keyed.add(new Keyed((s.person() ? "p" : "o") + String.join(" ", words) + '\u0000' + s.name() + '\u0000'
                    + (s.country() == null ? "" : s.country()), p));
        }
        keyed.sort(java.util.Comparator.comparing(Keyed::key));
        return keyed.stream().map(Keyed::prepared).toList();
    }

    /** Every name the engagements hold, normalised (brought up to date first). */
    public List<Prepared> all() {
        refresh();
        return built.subjects();
    }

    /**
     * The words of every name the engagements hold (brought up to date first), keyed once for every change they are
     * screened against ({@link ScreeningSnapshot#changeScreener(edu.scrutiny.app.lists.StoredListVersion,
     * java.util.Collection, QueryWords)}).
     */
    public QueryWords words() {
        refresh();
        return built.words();
    }

    /** The engagements that hold a name. */
    public List<String> engagementsOf(Subject s) {
        Built b = built;
        return b == null ? List.of() : b.engagements().getOrDefault(s, List.of());
    }
}
