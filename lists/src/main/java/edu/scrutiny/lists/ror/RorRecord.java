package edu.scrutiny.lists.ror;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One organisation of the Research Organization Registry as its schema v2 describes it
 * ({@code ror-community/ror-schema}, {@code ror_schema_v2_1.json}), reduced to what screening and
 * the engagement page use.
 *
 * @param id            the full ROR id, {@code https://ror.org/0xxxxxxxx}
 * @param names         every name: the display name, labels (often in other languages), aliases, acronyms
 * @param countries     ISO 3166-1 alpha-2 codes of its locations, in their order, without repeats
 * @param relationships its links to other records (parent, child, related, predecessor, successor)
 * @param status        {@code active}, {@code inactive} or {@code withdrawn}
 * @param types         {@code education}, {@code government}, {@code facility}...
 * @param links         its website and Wikipedia addresses
 * @param established   the year it was established, or null
 */
public record RorRecord(String id, List<Name> names, List<String> countries, List<Relationship> relationships,
                        String status, List<String> types, List<String> links, Integer established) {
    public static final Set<String> STATUSES = Set.of("active", "inactive", "withdrawn");
    public static final Set<String> NAME_TYPES = Set.of("ror_display", "label", "alias", "acronym");
    public static final Set<String> RELATIONSHIP_TYPES = Set.of("parent", "child", "related", "predecessor", "successor");

    public RorRecord {
        Objects.requireNonNull(id, "id");
        names = List.copyOf(names);
        countries = List.copyOf(countries);
        relationships = List.copyOf(relationships);
        types = List.copyOf(types);
        links = List.copyOf(links);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a ROR record has at least one name");
        }
    }

    /**
     * A name of the record.
     *
     * @param value the name as written
     * @param types what it is to the registry: {@code ror_display}, {@code label}, {@code alias}, {@code acronym}
     * @param lang  ISO 639-1 language code, or null
     */
    public record Name(String value, List<String> types, String lang) {
        public Name {
            Objects.requireNonNull(value, "value");
            types = List.copyOf(types);
        }

        /** The most telling of its types, for explanations: display name, then label, alias, acronym. */
        public String kind() {
            for (String t : List.of("ror_display", "label", "alias", "acronym")) {
                if (types.contains(t)) {
                    return t.equals("ror_display") ? "display name" : t;
                }
            }
            return "name";
        }
    }

    /** A link to another record; {@code label} is that record's display name as the registry gives it. */
    public record Relationship(String type, String id, String label) {
    }

    /** The name the registry displays (the first name when none is marked, as in hand-written files). */
    public String displayName() {
        return names.stream().filter(n -> n.types().contains("ror_display")).findFirst().orElse(names.get(0)).value();
    }

    /** The links of one type. */
    public List<Relationship> related(String type) {
        List<Relationship> out = new ArrayList<>();
        for (Relationship r : relationships) {
            if (r.type().equals(type)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The short id, {@code 0xxxxxxxx}, as people write it. */
    public String shortId() {
        return shortId(id);
    }

    /** Whether the registry still considers the organisation current. */
    public boolean active() {
        return "active".equals(status);
    }

    /**
     * The full id for an id as people write it: {@code https://ror.org/0abcdefgh}, {@code ror.org/0abcdefgh}
     * or {@code 0abcdefgh}; empty when it is none of these.
     */
    public static Optional<String> canonicalId(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String s = written.strip().toLowerCase(java.util.Locale.ROOT);
        for (String prefix : List.of("https://ror.org/", "http://ror.org/", "ror.org/")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
                break;
            }
        }
        return s.matches("0[a-z0-9]{8}") ? Optional.of("https://ror.org/" + s) : Optional.empty();
    }

    static String shortId(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
