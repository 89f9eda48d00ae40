package edu.scrutiny.lists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a list, entry by entry, keyed by the list's own source
 * id: entries added, removed, and changed (with the names of the fields that differ). Collection
 * fields are compared as sets: a publisher reordering aliases has changed nothing.
 */
public record ListDiff(List<ListEntry> added, List<ListEntry> removed, List<Change> changed, long unchanged) {

    /** Field names as reported in {@link Change#fields()}. */
    public static final List<String> FIELDS = List.of("name", "schema", "category", "aliases", "countries",
            "addresses", "identifiers", "birth_dates", "programs", "listed_on", "delisted_on", "owners",
            "remarks", "source_url");

    /** An entry present in both versions with different content. */
    public record Change(ListEntry before, ListEntry after, List<String> fields) {
    }

    /**
     * Compares two versions. Entries are matched by source id; where a version holds a source id
     * twice, the later entry counts (publishers do not repeat ids; some transcriptions do).
     */
    public static ListDiff between(Collection<ListEntry> before, Collection<ListEntry> after) {
        Map<String, ListEntry> old = index(before);
        Map<String, ListEntry> now = index(after);
        List<ListEntry> added = new ArrayList<>();
        List<ListEntry> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        long same = 0;
        for (ListEntry n : now.values()) {
            ListEntry o = old.get(n.sourceId());
            if (o == null) {
                added.add(n);
            } else {
                List<String> fields = changedFields(o, n);
                if (fields.isEmpty()) {
                    same++;
                } else {
                    changed.add(new Change(o, n, fields));
                }
            }
        }
        for (ListEntry o : old.values()) {
            if (!now.containsKey(o.sourceId())) {
                removed.add(o);
            }
        }
        Comparator<ListEntry> byId = Comparator.comparing(ListEntry::sourceId, ListDiff::compareIds);
        added.sort(byId);
        removed.sort(byId);
        changed.sort(Comparator.comparing(c -> c.after().sourceId(), ListDiff::compareIds));
        return new ListDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed), same);
    }

    /** The fields in which two entries with the same source id differ, in {@link #FIELDS} order. */
    public static List<String> changedFields(ListEntry a, ListEntry b) {
        List<String> out = new ArrayList<>();
        check(out, "name", a, b, ListEntry::name);
        check(out, "schema", a, b, ListEntry::schema);
        check(out, "category", a, b, ListEntry::category);
        checkSet(out, "aliases", a, b, ListEntry::aliases);
        checkSet(out, "countries", a, b, ListEntry::countries);
        checkSet(out, "addresses", a, b, ListEntry::addresses);
        checkSet(out, "identifiers", a, b, ListEntry::identifiers);
        checkSet(out, "birth_dates", a, b, ListEntry::birthDates);
        checkSet(out, "programs", a, b, ListEntry::programs);
        check(out, "listed_on", a, b, ListEntry::listedOn);
        check(out, "delisted_on", a, b, ListEntry::delistedOn);
        checkSet(out, "owners", a, b, ListEntry::owners);
        check(out, "remarks", a, b, ListEntry::remarks);
        check(out, "source_url", a, b, ListEntry::sourceUrl);
        return out;
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    private static Map<String, ListEntry> index(Collection<ListEntry> entries) {
        Map<String, ListEntry> m = new LinkedHashMap<>();
        for (ListEntry e : entries) {
            m.put(e.sourceId(), e);
        }
        return m;
    }

    private static void check(List<String> out, String field, ListEntry a, ListEntry b, Function<ListEntry, Object> f) {
        if (!Objects.equals(f.apply(a), f.apply(b))) {
            out.add(field);
        }
    }

    private static void checkSet(List<String> out, String field, ListEntry a, ListEntry b,
                                 Function<ListEntry, List<?>> f) {
        if (!new HashSet<>(f.apply(a)).equals(new HashSet<>(f.apply(b)))) {
            out.add(field);
        }
    }

    /** Numeric ids in numeric order (OFAC's ent_num), others alphabetically. */
    private static int compareIds(String x, String y) {
        boolean nx = isDigits(x);
        boolean ny = isDigits(y);
        if (nx && ny) {
            int c = Integer.compare(x.length(), y.length());
            return c != 0 ? c : x.compareTo(y);
        }
        if (nx != ny) {
            return nx ? -1 : 1;
        }
        return x.compareTo(y);
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
