package edu.scrutiny.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One listed party, in the one model every list format is read into.
 *
 * <p>Lists are kept exactly as the publisher gives them: names are not normalised here (that is
 * the matcher's job), only trimmed, and empty values are dropped. Collections are never null and
 * hold no duplicates.
 *
 * @param list       the list key, e.g. {@code us_ofac_sdn}; see {@link ListFormat} for each format's keys
 * @param sourceId   the list's own identifier for the entry (OFAC {@code ent_num}, UN {@code REFERENCE_NUMBER}...)
 * @param schema     what the entry is
 * @param category   the kind of list the entry belongs to, which the risk policy reads; null where the
 *                   format does not say (Scrutiny CSV, whose category is chosen on import)
 * @param name       the primary name
 * @param aliases    other names, weak ones marked
 * @param countries  ISO 3166-1 alpha-2 codes of nationality, citizenship, registration or address
 * @param addresses  postal addresses, one line each
 * @param identifiers identifying numbers
 * @param birthDates dates of birth or incorporation as ISO-8601, possibly partial ({@code 1958}, {@code 1958-03})
 * @param programs   the sanctions programmes or sub-lists, e.g. {@code IRAN} or {@code Entity List (EL) - Bureau of Industry and Security}
 * @param listedOn   when the entry was listed, where the source says
 * @param delistedOn when the entry was removed (or its listing ended), where the source says
 * @param owners     parents or owners, as the source names them
 * @param remarks    the source's free-text remarks
 * @param sourceUrl  where the source publishes the entry or its list
 */
public record ListEntry(
        String list,
        String sourceId,
        Schema schema,
        ListCategory category,
        String name,
        List<Alias> aliases,
        List<String> countries,
        List<String> addresses,
        List<Identifier> identifiers,
        List<String> birthDates,
        List<String> programs,
        LocalDate listedOn,
        LocalDate delistedOn,
        List<Owner> owners,
        String remarks,
        String sourceUrl) {

    public ListEntry {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        countries = List.copyOf(countries);
        addresses = List.copyOf(addresses);
        identifiers = List.copyOf(identifiers);
        birthDates = List.copyOf(birthDates);
        programs = List.copyOf(programs);
        owners = List.copyOf(owners);
    }

    /** The primary name followed by every alias. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>(1 + aliases.size());
        names.add(name);
        for (Alias a : aliases) {
            names.add(a.name());
        }
        return names;
    }

    /** Whether the entry is in force on the given date: listed on or before it, and not delisted on or before it. */
    public boolean inForceOn(LocalDate date) {
        if (listedOn != null && listedOn.isAfter(date)) {
            return false;
        }
        return delistedOn == null || delistedOn.isAfter(date);
    }

    public static Builder builder(String list, String sourceId) {
        return new Builder(list, sourceId);
    }

    public Builder toBuilder() {
        Builder b = new Builder(list, sourceId).schema(schema).category(category).name(name)
                .listedOn(listedOn).delistedOn(delistedOn).remarks(remarks).sourceUrl(sourceUrl);
        aliases.forEach(b::alias);
        countries.forEach(b::country);
        addresses.forEach(b::address);
        identifiers.forEach(b::identifier);
        birthDates.forEach(b::birthDate);
        programs.forEach(b::program);
        owners.forEach(b::owner);
        return b;
    }

    /**
     * Collects an entry field by field as a reader meets them. Adders trim, ignore null and blank
     * values, and ignore duplicates, so readers need not check.
     */
    public static final class Builder {
        private final String list;
        private final String sourceId;
        private Schema schema;
        private ListCategory category;
        private String name;
        private final LinkedHashSet<Alias> aliases = new LinkedHashSet<>();
        private final LinkedHashSet<String> countries = new LinkedHashSet<>();
        private final LinkedHashSet<String> addresses = new LinkedHashSet<>();
        private final LinkedHashSet<Identifier> identifiers = new LinkedHashSet<>();
        private final LinkedHashSet<String> birthDates = new LinkedHashSet<>();
        private final LinkedHashSet<String> programs = new LinkedHashSet<>();
        private LocalDate listedOn;
        private LocalDate delistedOn;
        private final LinkedHashSet<Owner> owners = new LinkedHashSet<>();
        private String remarks;
        private String sourceUrl;

        private Builder(String list, String sourceId) {
            this.list = Objects.requireNonNull(list, "list");
            this.sourceId = Objects.requireNonNull(sourceId, "sourceId").trim();
        }

        public Builder schema(Schema schema) {
            this.schema = schema;
            return this;
        }

        public Builder category(ListCategory category) {
            this.category = category;
            return this;
        }

        /** Sets the primary name; a blank value is ignored. */
        public Builder name(String name) {
            String n = clean(name);
            if (n != null) {
                this.name = n;
            }
            return this;
        }

        public String name() {
            return name;
        }

        public Schema schema() {
            return schema;
        }

        public Builder alias(String alias) {
            return alias(alias, false);
        }

        public Builder alias(String alias, boolean weak) {
            String a = clean(alias);
            if (a != null) {
                aliases.add(new Alias(a, weak));
            }
            return this;
        }

        public Builder alias(Alias alias) {
            return alias == null ? this : alias(alias.name(), alias.weak());
        }

        /** Adds a country given as an ISO 3166-1 alpha-2 code (upper-cased here). */
        public Builder country(String alpha2) {
            String c = clean(alpha2);
            if (c != null) {
                countries.add(c.toUpperCase(java.util.Locale.ROOT));
            }
            return this;
        }

        public Builder address(String address) {
            String a = clean(address);
            if (a != null) {
                addresses.add(a);
            }
            return this;
        }

        public Builder identifier(Identifier id) {
            if (id != null && clean(id.value()) != null) {
                identifiers.add(id);
            }
            return this;
        }

        public Builder identifier(String type, String value, String country) {
            String v = clean(value);
            if (v != null) {
                identifiers.add(new Identifier(clean(type), v, clean(country)));
            }
            return this;
        }

        public Builder birthDate(String isoDate) {
            String d = clean(isoDate);
            if (d != null) {
                birthDates.add(d);
            }
            return this;
        }

        public Builder program(String program) {
            String p = clean(program);
            if (p != null) {
                programs.add(p);
            }
            return this;
        }

        public Builder listedOn(LocalDate date) {
            this.listedOn = date;
            return this;
        }

        public Builder delistedOn(LocalDate date) {
            this.delistedOn = date;
            return this;
        }

        public Builder owner(Owner owner) {
            if (owner != null && clean(owner.name()) != null) {
                owners.add(owner);
            }
            return this;
        }

        public Builder owner(String name, Double share) {
            String n = clean(name);
            if (n != null) {
                owners.add(new Owner(n, share));
            }
            return this;
        }

        /** Appends to the remarks, separated from what is there by a blank line. */
        public Builder remarks(String remarks) {
            String r = clean(remarks);
            if (r != null) {
                this.remarks = this.remarks == null ? r : this.remarks + "\n\n" + r;
            }
            return this;
        }

        public Builder sourceUrl(String url) {
            String u = clean(url);
            if (u != null) {
                this.sourceUrl = u;
            }
            return this;
        }

        /** Whether a primary name has been set (an entry cannot be built without one). */
        public boolean hasName() {
            return name != null;
        }

        public ListEntry build() {
            if (sourceId.isEmpty()) {
                throw new IllegalStateException("entry of " + list + " has no source id");
            }
            if (name == null) {
                throw new IllegalStateException("entry " + sourceId + " of " + list + " has no name");
            }
            if (schema == null) {
                throw new IllegalStateException("entry " + sourceId + " of " + list + " has no schema");
            }
            // a primary name repeated as an alias says nothing more
            aliases.removeIf(a -> a.name().equals(name));
            return new ListEntry(list, sourceId, schema, category, name, List.copyOf(aliases),
                    List.copyOf(countries), List.copyOf(addresses), List.copyOf(identifiers),
                    List.copyOf(birthDates), List.copyOf(programs), listedOn, delistedOn,
                    List.copyOf(owners), remarks, sourceUrl);
        }

        private static String clean(String s) {
            if (s == null) {
                return null;
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }
    }
}
