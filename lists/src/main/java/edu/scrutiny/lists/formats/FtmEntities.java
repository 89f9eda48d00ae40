package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.Dates;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How an OpenSanctions FollowTheMoney entity becomes a {@link ListEntry}; shared by
 * {@link FtmJsonReader} (related entities referenced by id) and {@link FtmNestedJsonReader}
 * (related entities nested inside the properties).
 *
 * <p>Entities of the schemata {@link Schema#fromFtm} knows (Person, Organization, Company,
 * LegalEntity, PublicBody, Vessel, Airplane) become entries; every other schema is auxiliary and
 * only contributes to the entries it is about. Properties, all arrays of strings:
 * <ul>
 * <li>primary name: the entity's {@code caption} (OpenSanctions' chosen display name) when it is
 *     one of the {@code name} values, otherwise the first {@code name}; the other names,
 *     {@code alias} and {@code previousName} are aliases, {@code weakAlias} weak aliases;</li>
 * <li>countries: {@code country}, {@code nationality}, {@code citizenship}, {@code jurisdiction},
 *     {@code mainCountry}, keeping valid ISO alpha-2 codes only (FtM also has codes such as
 *     {@code suhh} for the Soviet Union and {@code zz} for global, which name no country);</li>
 * <li>birth dates: {@code birthDate} and {@code incorporationDate}, as partial ISO dates;</li>
 * <li>addresses: {@code address}, and the {@code full} text of each Address entity referenced
 *     by {@code addressEntity};</li>
 * <li>identifiers: the properties in {@link #IDENTIFIER_PROPERTIES}, typed by the property name,
 *     and Identification or Passport entities naming the entry as {@code holder};</li>
 * <li>programmes: {@code program} (or, where an entity or sanction has none, {@code programId})
 *     of the entity and of each Sanction entity naming it as {@code entity};</li>
 * <li>listed on: the earliest {@code listingDate} or {@code startDate} of its sanctions; delisted
 *     on: the latest {@code endDate}, only when every one of its sanctions has ended (a year or
 *     month alone starts on its first day, and ends after its last; see {@link Dates#listingDate}
 *     and {@link Dates#delistingDate}). OpenSanctions'
 *     {@code first_seen} and {@code last_seen} say when its crawler saw the entity, not when the
 *     listing began or ended, and are not used; nor are {@code createdAt} and {@code modifiedAt};</li>
 * <li>owners: the {@code owner} of each Ownership entity whose {@code asset} is the entry, named
 *     by the owner entity's name, with {@code percentage} as share (the largest where an owner
 *     holds several). Ownerships with an {@code endDate} are over and are left out: counting them
 *     would add past holdings to present ones (shares adding up to far over 100%);</li>
 * <li>category, from {@code topics}: {@code sanction} gives sanctions, {@code export.control}
 *     export control; otherwise none, as OpenSanctions' other topics ({@code debarment},
 *     {@code sanction.linked}, {@code crime}, {@code role.pep}...) name no category of ours:
 *     {@code debarment} in particular covers procurement exclusions and the DoD research lists,
 *     not the export denials our denial category means;</li>
 * <li>remarks: {@code notes}, the topics, and, for an entity that is not itself a
 *     {@code target}, a remark saying it is listed only as related to one;</li>
 * <li>source URL: the entity's {@code sourceUrl}, else its first sanction's.</li>
 * </ul>
 */
final class FtmEntities {
    private static final List<String> COUNTRY_PROPERTIES =
            List.of("country", "nationality", "citizenship", "jurisdiction", "mainCountry");
    private static final List<String> DATE_PROPERTIES = List.of("birthDate", "incorporationDate");
    private static final List<String> IDENTIFIER_PROPERTIES = List.of(
            "idNumber", "registrationNumber", "taxNumber", "vatCode", "passportNumber", "innCode", "ogrnCode",
            "okpoCode", "leiCode", "dunsCode", "swiftBic", "bikCode", "uniqueEntityId", "permId",
            "imoNumber", "mmsi", "callSign", "serialNumber");

    private FtmEntities() {
    }

    /**
     * Checks the object is an entity (string {@code id} and {@code schema}, {@code properties}
     * mapping names to arrays of strings or nested entities, themselves checked) and returns its
     * schema name.
     */
    static String schemaName(JsonNode entity, String where) {
        text(entity, "id", where);
        String schema = text(entity, "schema", where);
        JsonNode properties = entity.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new ListFormatException(where, "entity " + entity.get("id").stringValue()
                    + " has no \"properties\" object; expected a FollowTheMoney entity with \"id\", \"schema\" and \"properties\"");
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            if (!p.getValue().isArray()) {
                throw new ListFormatException(where, "property \"" + p.getKey() + "\" of entity "
                        + entity.get("id").stringValue() + " is not an array; FollowTheMoney property values are arrays");
            }
            for (JsonNode value : p.getValue().values()) {
                if (value.isObject()) {
                    schemaName(value, where + " (entity nested in \"" + p.getKey() + "\")");
                } else if (!value.isString()) {
                    throw new ListFormatException(where, "property \"" + p.getKey() + "\" of entity "
                            + entity.get("id").stringValue() + " holds " + value + "; expected strings (or nested entities)");
                }
            }
        }
        return schema;
    }

    private static String text(JsonNode entity, String field, String where) {
        JsonNode v = entity.get(field);
        if (v == null || !v.isString() || v.stringValue().isBlank()) {
            throw new ListFormatException(where, "object has no \"" + field + "\" string; expected a FollowTheMoney "
                    + "entity with \"id\", \"schema\" and \"properties\"");
        }
        return v.stringValue();
    }

    /** Checks the entity (see {@link #schemaName}) and returns its entry schema, or empty for an auxiliary one. */
    static Optional<Schema> screenable(JsonNode entity, String where) {
        return Schema.fromFtm(schemaName(entity, where));
    }

    static String id(JsonNode entity) {
        return entity.get("id").stringValue().strip();
    }

    /**
     * The list key: the dataset of the first entity when it names exactly one (a file exported
     * for one OpenSanctions dataset), otherwise the file's base name without {@code .ftm.json},
     * {@code .nested.json}, {@code .jsonl} or {@code .json}: the entities of a collection such as
     * {@code sanctions} name their source datasets, none of which is the file's.
     */
    static String listKey(JsonNode first, ListFile file) {
        JsonNode datasets = first.get("datasets");
        if (datasets != null && datasets.isArray() && datasets.size() == 1 && datasets.get(0).isString()
                && !datasets.get(0).stringValue().isBlank()) {
            return datasets.get(0).stringValue().strip();
        }
        String name = file.name();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".ftm.json", ".nested.json", ".jsonl", ".json")) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /** The string values of a property (nested entities left out); empty when absent. */
    static List<String> strings(JsonNode properties, String property) {
        JsonNode values = properties.get(property);
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values.size());
        for (JsonNode v : values.values()) {
            if (v.isString() && !v.stringValue().isBlank()) {
                out.add(v.stringValue().strip());
            }
        }
        return out;
    }

    private static String first(JsonNode properties, String property) {
        List<String> values = strings(properties, property);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The name an entity is shown by (see the class comment), or null when it has none. */
    static String displayName(JsonNode entity) {
        List<String> names = strings(entity.get("properties"), "name");
        JsonNode caption = entity.get("caption");
        if (caption != null && caption.isString() && names.contains(caption.stringValue().strip())) {
            return caption.stringValue().strip();
        }
        return names.isEmpty() ? null : names.get(0);
    }

    /** The display name of a screenable entity, which must have one. */
    static String requireName(JsonNode entity, String where) {
        String name = displayName(entity);
        if (name == null) {
            String schema = entity.get("schema").stringValue();
            throw new ListFormatException(where, "entity " + id(entity) + " (" + schema + ") has no \"name\"; "
                    + "every FollowTheMoney " + schema + " has one");
        }
        return name;
    }

    /** The text of an Address entity: its first {@code full} value, else its caption. */
    static String addressText(JsonNode address) {
        String full = first(address.get("properties"), "full");
        if (full != null) {
            return full;
        }
        JsonNode caption = address.get("caption");
        return caption != null && caption.isString() ? caption.stringValue() : null;
    }

    /** The property by which an auxiliary schema names the entity its facts belong to, or null. */
    static String subjectProperty(String schema) {
        return switch (schema) {
            case "Sanction" -> "entity";
            case "Identification", "Passport" -> "holder";
            default -> null;
        };
    }

    /** Adds the facts of a Sanction, Identification or Passport about its subject. */
    static void addFacts(String schema, JsonNode properties, Facts facts) {
        if (schema.equals("Sanction")) {
            facts.sanction(properties);
        } else if (subjectProperty(schema) != null) {
            facts.identification(schema, properties);
        }
    }

    /** Whether an Ownership is over (has an end date). */
    static boolean ended(JsonNode ownershipProperties) {
        return !strings(ownershipProperties, "endDate").isEmpty();
    }

    /** The first readable percentage of an Ownership, 0 to 100, or null. */
    static Double share(JsonNode ownershipProperties) {
        for (String p : strings(ownershipProperties, "percentage")) {
            try {
                double d = Double.parseDouble(p.replace("%", "").replace(',', '.').strip());
                if (d >= 0 && d <= 100) {
                    return d;
                }
            } catch (NumberFormatException notANumber) {
                // a percentage in words says nothing we can use; try the next value
            }
        }
        return null;
    }

    /**
     * Maps a checked, screenable entity.
     *
     * @param facts       what auxiliary objects said about it (added to here by nested entities)
     * @param addressById the text of Address entities referenced by id, or null for none known
     */
    static ListEntry entry(JsonNode entity, Schema schema, String listKey, String where, Facts facts,
                           Function<String, String> addressById) {
        JsonNode props = entity.get("properties");
        String id = id(entity);
        String name = requireName(entity, where);
        ListEntry.Builder b = ListEntry.builder(listKey, id).schema(schema).name(name);
        Set<String> strong = new HashSet<>();
        for (String property : List.of("name", "alias", "previousName")) {
            for (String n : strings(props, property)) {
                b.alias(n);
                strong.add(n);
            }
        }
        for (String weak : strings(props, "weakAlias")) {
            if (!strong.contains(weak)) {
                b.alias(weak, true);
            }
        }
        for (String property : COUNTRY_PROPERTIES) {
            for (String c : strings(props, property)) {
                if (Countries.isCode(c)) {
                    b.country(c);
                }
            }
        }
        for (String property : DATE_PROPERTIES) {
            strings(props, property).forEach(d -> b.birthDate(Dates.partial(d)));
        }
        strings(props, "address").forEach(b::address);
        if (addressById != null) {
            strings(props, "addressEntity").forEach(ref -> b.address(addressById.apply(ref)));
        }
        for (String property : IDENTIFIER_PROPERTIES) {
            strings(props, property).forEach(v -> b.identifier(property, v, null));
        }
        programs(props).forEach(b::program);
        strings(props, "notes").forEach(b::remarks);
        addNested(props, facts, where);
        List<String> topics = strings(props, "topics");
        b.category(category(topics));
        if (!topics.isEmpty()) {
            b.remarks("OpenSanctions topics: " + String.join(", ", topics));
        }
        JsonNode target = entity.get("target");
        if (target != null && target.isBoolean() && !target.booleanValue()) {
            b.remarks("Not a target in OpenSanctions: included as an entity related to a target.");
        }
        String url = first(props, "sourceUrl");
        b.sourceUrl(url != null ? url : facts.sourceUrl);
        facts.applyTo(b);
        return b.build();
    }

    /** The category the topics give (see the class comment), or null. */
    static ListCategory category(List<String> topics) {
        if (topics.contains("sanction")) {
            return ListCategory.SANCTIONS;
        }
        if (topics.contains("export.control")) {
            return ListCategory.EXPORT_CONTROL;
        }
        return null;
    }

    private static List<String> programs(JsonNode properties) {
        List<String> programs = strings(properties, "program");
        return programs.isEmpty() ? strings(properties, "programId") : programs;
    }

    /**
     * The facts of related entities nested inside the properties (the nested export's layout):
     * sanctions, addresses, identifications, and ownerships of which the entity is the asset
     * ({@code ownershipAsset}, FtM's reverse of Ownership's {@code asset}), with the owner nested in them.
     */
    private static void addNested(JsonNode properties, Facts facts, String where) {
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            for (JsonNode value : p.getValue().values()) {
                if (!value.isObject()) {
                    continue;
                }
                String schema = value.get("schema").stringValue();
                JsonNode nestedProps = value.get("properties");
                switch (schema) {
                    case "Address" -> facts.address(addressText(value));
                    case "Ownership" -> {
                        if (p.getKey().equals("ownershipAsset") && !ended(nestedProps)) {
                            for (JsonNode owner : nestedProps.path("owner").values()) {
                                if (owner.isObject()) {
                                    facts.owner(displayName(owner), share(nestedProps));
                                }
                            }
                        }
                    }
                    default -> addFacts(schema, nestedProps, facts);
                }
            }
        }
    }

    /**
     * What auxiliary entities say about one screenable entity, kept compact (a few strings and
     * dates) so that a reader can hold the facts for every entity of a large file.
     */
    static final class Facts {
        private final Set<String> programs = new LinkedHashSet<>();
        private LocalDate listedOn;
        private int sanctions;
        private int endedSanctions;
        private LocalDate lastEnd;
        private String sourceUrl;
        private final Set<String> addresses = new LinkedHashSet<>();
        private final Set<Identifier> identifiers = new LinkedHashSet<>();
        private final Map<String, Double> owners = new LinkedHashMap<>();

        void sanction(JsonNode properties) {
            sanctions++;
            programs.addAll(programs(properties));
            List<String> starts = new ArrayList<>(strings(properties, "listingDate"));
            starts.addAll(strings(properties, "startDate"));
            for (String s : starts) {
                LocalDate d = Dates.listingDate(s);
                if (d != null && (listedOn == null || d.isBefore(listedOn))) {
                    listedOn = d;
                }
            }
            LocalDate end = null;
            for (String s : strings(properties, "endDate")) {
                LocalDate d = Dates.delistingDate(s);
                if (d != null && (end == null || d.isAfter(end))) {
                    end = d;
                }
            }
            if (end != null) {
                endedSanctions++;
                lastEnd = lastEnd == null || end.isAfter(lastEnd) ? end : lastEnd;
            }
            if (sourceUrl == null) {
                sourceUrl = first(properties, "sourceUrl");
            }
        }

        void identification(String schema, JsonNode properties) {
            String number = first(properties, "number");
            if (number == null) {
                number = first(properties, "passportNumber");
            }
            if (number == null) {
                return;
            }
            String type = first(properties, "type");
            String country = first(properties, "country");
            identifiers.add(new Identifier(type != null ? type : schema, number,
                    Countries.isCode(country) ? country.toUpperCase(Locale.ROOT) : null));
        }

        void address(String text) {
            if (text != null && !text.isBlank()) {
                addresses.add(text.strip());
            }
        }

        /** An owner by name; the largest share is kept where the same owner comes with several. */
        void owner(String name, Double share) {
            if (name == null || name.isBlank()) {
                return;
            }
            String n = name.strip();
            Double known = owners.get(n);
            if (!owners.containsKey(n) || known == null || (share != null && share > known)) {
                owners.put(n, share);
            }
        }

        void applyTo(ListEntry.Builder b) {
            programs.forEach(b::program);
            addresses.forEach(b::address);
            identifiers.forEach(b::identifier);
            owners.forEach(b::owner);
            b.listedOn(listedOn);
            if (sanctions > 0 && endedSanctions == sanctions) {
                b.delistedOn(lastEnd);
            }
        }
    }
}
