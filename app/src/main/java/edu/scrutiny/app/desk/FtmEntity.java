package edu.scrutiny.app.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list entry in FollowTheMoney form, as yente answers it: {@code id} (see {@link FtmIds}),
 * {@code caption}, {@code schema}, {@code properties} (FollowTheMoney property names, each a list of
 * strings), {@code datasets} (the list key), and when the lists first and last carried this content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FtmEntity(String id, String caption, String schema, Map<String, List<String>> properties, List<String> datasets,
                 List<String> referents, boolean target, @JsonProperty("first_seen") Instant firstSeen,
                 @JsonProperty("last_seen") Instant lastSeen, @JsonProperty("last_change") Instant lastChange) {

    /** The FollowTheMoney topic each list category stands for. */
    static String topic(String category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case "sanctions" -> "sanction";
            case "denial" -> "debarment";
            case "export_control" -> "export.control";
            case "research_security" -> "export.risk";
            default -> null;
        };
    }

    static FtmEntity of(ScreeningSnapshot.HeldEntry held) {
        ListEntry e = held.entry();
        Map<String, List<String>> p = new LinkedHashMap<>();
        put(p, "name", List.of(e.name()));
        put(p, "alias", e.aliases().stream().filter(a -> !a.weak()).map(Alias::name).toList());
        put(p, "weakAlias", e.aliases().stream().filter(Alias::weak).map(Alias::name).toList());
        put(p, "country", e.countries().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        put(p, e.schema() == Schema.PERSON ? "birthDate" : "incorporationDate", e.birthDates());
        put(p, "address", e.addresses());
        put(p, "idNumber", e.identifiers().stream().map(Identifier::value).toList());
        put(p, "program", e.programs());
        put(p, "notes", e.remarks() == null ? List.of() : List.of(e.remarks()));
        put(p, "sourceUrl", e.sourceUrl() == null ? List.of() : List.of(e.sourceUrl()));
        String category = e.category() == null ? held.version().category() : e.category().key();
        String topic = topic(category);
        put(p, "topics", topic == null ? List.of() : List.of(topic));
        List<String> owners = new ArrayList<>();
        e.owners().forEach(o -> owners.add(o.name()));
        put(p, "parent", owners);
        return new FtmEntity(FtmIds.id(e.list(), e.sourceId()), e.name(), e.schema().ftmName(), p, List.of(e.list()),
                List.of(e.sourceId()), true, held.firstSeen(), held.lastSeen(), held.firstSeen());
    }

    private static void put(Map<String, List<String>> p, String property, List<String> values) {
        if (values != null && !values.isEmpty()) {
            p.put(property, List.copyOf(values));
        }
    }
}
