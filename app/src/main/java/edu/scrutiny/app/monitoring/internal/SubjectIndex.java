package edu.scrutiny.app.monitoring.internal;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.Candidate;
import edu.scrutiny.matching.ScreeningIndex;
import edu.scrutiny.matching.ScreeningQuery;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names every stored engagement holds (parties and their named owners), indexed once and kept
 * until an engagement is added: delta re-screening asks it which names could match an entry a list
 * version added or changed, so that it screens those names only, and its cost grows with the size
 * of the change rather than with the number of engagements. It finds candidates at a score well
 * below the screening threshold ({@value #CANDIDATE_SCORE}); each is then screened the usual way.
 */
@Component
public class SubjectIndex {
    static final double CANDIDATE_SCORE = 0.6;
    /**
     * Candidates asked for per name: few, since the index compares in full a shortlist eight times
     * as long, and that is most of the cost; a name that fills them (a common name, many namesakes
     * among the engagements) is asked again for {@link #MANY_CANDIDATES}.
     */
    private static final int CANDIDATES_PER_NAME = 24;
    private static final int MANY_CANDIDATES = 400;

    /** A name as screened: the same name, kind and country screen the same. */
    public record Subject(String name, boolean person, String country) {
    }

    /** A name a list version gained, of a person or not. */
    public record ListedName(String name, boolean person) {
    }

    private record Built(String fingerprint, ScreeningIndex index, List<Subject> subjects, Map<Subject, List<String>> engagements,
                         Map<String, List<Subject>> byEngagement) {
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

    /** Builds the index now if engagements were added since it was built (to keep that cost out of an import). */
    public synchronized void refresh() {
        String fingerprint = store.fingerprint();
        if (built != null && built.fingerprint().equals(fingerprint)) {
            return;
        }
        Map<Subject, List<String>> byName = new HashMap<>();
        Map<String, List<Subject>> byEngagement = new HashMap<>();
        for (StoredEngagement e : store.all()) {
            List<Subject> own = subjects(e.engagement());
            byEngagement.put(e.id(), own);
            for (Subject s : own) {
                byName.computeIfAbsent(s, k -> new ArrayList<>()).add(e.id());
            }
        }
        List<Subject> subjects = new ArrayList<>(byName.keySet());
        subjects.sort(java.util.Comparator.comparing(Subject::name).thenComparing(s -> String.valueOf(s.country())));
        List<ListEntry> entries = new ArrayList<>(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            ListEntry.Builder b = ListEntry.builder("engagements", Integer.toString(i))
                    .schema(s.person() ? Schema.PERSON : Schema.ORGANIZATION).name(s.name());
            if (s.country() != null && s.country().matches("[A-Z]{2}")) {
                b.country(s.country());
            }
            entries.add(b.build());
        }
        built = new Built(fingerprint, entries.isEmpty() ? null : ScreeningIndex.build(entries), subjects, byName, byEngagement);
    }

    /** The engagements' names that could match one of these names from a list. */
    public Set<Subject> candidates(Collection<ListedName> names) {
        refresh();
        Built b = built;
        Set<Subject> out = ConcurrentHashMap.newKeySet();
        if (b.index() == null) {
            return out;
        }
        names.parallelStream().forEach(n -> {
            ScreeningQuery query = ScreeningQuery.of(n.name(), n.person() ? Schema.PERSON : Schema.ORGANIZATION);
            List<Candidate> found = b.index().screen(query, CANDIDATES_PER_NAME, CANDIDATE_SCORE);
            if (found.size() == CANDIDATES_PER_NAME) {
                found = b.index().screen(query, MANY_CANDIDATES, CANDIDATE_SCORE);
            }
            for (Candidate c : found) {
                out.add(b.subjects().get(Integer.parseInt(c.entry().sourceId())));
            }
        });
        return out;
    }

    /** The names an engagement holds (none for one added since the index was built). */
    public List<Subject> subjectsOf(String engagementId) {
        Built b = built;
        return b == null ? List.of() : b.byEngagement().getOrDefault(engagementId, List.of());
    }

    /** The engagements that hold a name. */
    public List<String> engagementsOf(Subject s) {
        Built b = built;
        return b == null ? List.of() : b.engagements().getOrDefault(s, List.of());
    }
}
