package edu.scrutiny.lists.ror;

import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.internal.TextInput;
import edu.scrutiny.lists.internal.ZipGuard;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a Research Organization Registry data dump in schema v2: the JSON file the registry
 * publishes (a top-level array of organisation records), or the zip it comes in (which also holds
 * a schema v1 file and CSV files: the entry named {@code ..._schema_v2.json} is read, or the only
 * JSON entry). Records are streamed one at a time, so a dump of a hundred thousand records never
 * needs its whole tree in memory; zip entries are read through {@link ZipGuard}'s limits.
 *
 * <p>Every record is checked against what the schema requires of the fields Scrutiny uses: an id of
 * the form {@code https://ror.org/0xxxxxxxx}, at least one name with a value, a known status and
 * relationship ids of the same form. A problem stops the read with a message naming the file, the
 * record's number, its line and (when it has one) its id.
 */
public final class RorDumpReader {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final ZipGuard zipGuard;

    public RorDumpReader(ZipGuard zipGuard) {
        this.zipGuard = zipGuard;
    }

    public static RorDumpReader standard() {
        return new RorDumpReader(ZipGuard.defaults());
    }

    /**
     * What a read found.
     *
     * @param location the file read (for a zip, {@code archive!/entry})
     * @param sha256   SHA-256 of the bytes as published (the zip, or the JSON file)
     * @param records  how many records were read
     */
    public record Summary(String location, String sha256, int records) {
    }

    /**
     * Reads every record of the dump into the sink, in the file's order.
     *
     * @throws ListFormatException when the file is not a ROR v2 dump, is truncated, or a record lacks what the schema requires
     */
    public Summary read(Path path, Consumer<RorRecord> sink) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new ListFormatException(path.toString(), "no such file; expected a ROR data dump (a .json or .zip file)");
        }
        if (Files.size(path) == 0) {
            throw new ListFormatException(path.toString(), "empty file; expected a ROR data dump (a .json or .zip file)");
        }
        ListSource.PlainFile plain = new ListSource.PlainFile(path);
        ListFile file = ZipGuard.isZip(plain.head(4)) ? dumpEntry(path) : plain;
        int records = readRecords(file, sink);
        return new Summary(file.location(), ListSource.ofFile(path).sha256(), records);
    }

    /** The schema v2 JSON file of a zipped dump. */
    private ListFile dumpEntry(Path archive) throws IOException {
        List<String> json = zipGuard.entryNames(archive).stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".json")).toList();
        List<String> v2 = json.stream().filter(n -> n.toLowerCase(Locale.ROOT).endsWith("schema_v2.json")).toList();
        List<String> chosen = v2.isEmpty() ? json : v2;
        if (chosen.size() != 1) {
            throw new ListFormatException(archive.toString(), chosen.isEmpty()
                    ? "zip archive holds no JSON file; expected a ROR data dump (its ..._schema_v2.json file)"
                    : "zip archive holds " + chosen.size() + " JSON files (" + String.join(", ", chosen)
                    + "); expected one ROR schema v2 dump");
        }
        return new ListSource.ZipEntryFile(archive, chosen.get(0), zipGuard);
    }

    private static int readRecords(ListFile file, Consumer<RorRecord> sink) throws IOException {
        try (Reader reader = TextInput.open(file, StandardCharsets.UTF_8); JsonParser p = MAPPER.createParser(reader)) {
            try {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw new ListFormatException(at(file, p.currentTokenLocation()), "not a ROR data dump: expected a JSON array of"
                            + " organization records, found " + (first == null ? "nothing" : "a JSON " + kind(first)));
                }
                Map<String, Integer> seen = new HashMap<>();
                int index = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new ListFormatException(file.location(), "ends inside the array of records; is the file complete?");
                    }
                    index++;
                    String where = file.location() + " record " + index + " (line " + p.currentTokenLocation().getLineNr() + ")";
                    if (t != JsonToken.START_OBJECT) {
                        throw new ListFormatException(where, "a JSON " + kind(t) + "; each record of a ROR dump is an object");
                    }
                    RorRecord record = RecordMapping.record(p.readValueAsTree(), where);
                    Integer before = seen.putIfAbsent(record.id(), index);
                    if (before != null) {
                        throw new ListFormatException(where + " " + record.id(), "the id appears twice (first at record " + before + ")");
                    }
                    sink.accept(record);
                }
                if (p.nextToken() != null) {
                    throw new ListFormatException(at(file, p.currentTokenLocation()), "more content after the array of records");
                }
                if (index == 0) {
                    throw new ListFormatException(file.location(), "holds no organization records");
                }
                return index;
            } catch (JacksonIOException e) {
                if (e.getCause() instanceof CharacterCodingException cce) {
                    throw TextInput.encodingError(file, StandardCharsets.UTF_8, cce);
                }
                throw e.getCause();
            } catch (JacksonException e) {
                TokenStreamLocation where = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw new ListFormatException(at(file, where), "not a ROR data dump: not valid JSON (" + e.getOriginalMessage()
                        + "); is the file complete?", e);
            }
        }
    }

    static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    private static String at(ListFile file, TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return file.location();
        }
        return file.location() + " line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    /** From one record's JSON to a {@link RorRecord}, checking what the schema requires. */
    static final class RecordMapping {
        private RecordMapping() {
        }

        static RorRecord record(JsonNode node, String at) {
            String rawId = string(node, "id", at);
            String id = RorRecord.canonicalId(rawId).orElse(null);
            if (id == null || !id.equals(rawId)) {
                throw new ListFormatException(at, rawId == null ? "has no \"id\"; a ROR record's id is https://ror.org/ followed by 9 characters"
                        : "\"id\" '" + rawId + "' is not a ROR id (https://ror.org/0 followed by 8 letters or digits)");
            }
            String where = at + " " + id;
            JsonNode names = node.get("names");
            if ((names == null || names.isNull()) && node.get("name") != null) {
                throw new ListFormatException(where, "is a ROR schema v1 record (\"name\", \"aliases\", \"labels\"); "
                        + "import the dump's schema v2 file (..._schema_v2.json)");
            }
            List<RorRecord.Name> nameList = new ArrayList<>();
            for (JsonNode n : array(node, "names", where)) {
                if (!n.isObject()) {
                    throw new ListFormatException(where, "\"names\" must hold objects with \"value\" and \"types\"");
                }
                String value = string(n, "value", where + " names");
                if (value == null) {
                    continue;
                }
                List<String> types = strings(n, "types", where + " names");
                nameList.add(new RorRecord.Name(value, types, lower(string(n, "lang", where + " names"))));
            }
            if (nameList.isEmpty()) {
                throw new ListFormatException(where, "has no names; a ROR v2 record has at least one name with a \"value\" in \"names\"");
            }
            Set<String> countries = new LinkedHashSet<>();
            for (JsonNode location : array(node, "locations", where)) {
                JsonNode details = location.get("geonames_details");
                String code = details == null || !details.isObject() ? null : string(details, "country_code", where + " locations");
                if (code != null) {
                    countries.add(code.toUpperCase(Locale.ROOT));
                }
            }
            List<RorRecord.Relationship> relationships = new ArrayList<>();
            for (JsonNode r : array(node, "relationships", where)) {
                String type = string(r, "type", where + " relationships");
                String raw = string(r, "id", where + " relationships");
                String other = RorRecord.canonicalId(raw).orElse(null);
                if (type == null || !RorRecord.RELATIONSHIP_TYPES.contains(type)) {
                    throw new ListFormatException(where, "relationship type '" + type + "' is not one of "
                            + String.join(", ", RorRecord.RELATIONSHIP_TYPES.stream().sorted().toList()));
                }
                if (other == null) {
                    throw new ListFormatException(where, "relationship \"id\" '" + raw + "' is not a ROR id");
                }
                relationships.add(new RorRecord.Relationship(type, other, string(r, "label", where + " relationships")));
            }
            String status = string(node, "status", where);
            status = status == null ? "active" : status.toLowerCase(Locale.ROOT);
            if (!RorRecord.STATUSES.contains(status)) {
                throw new ListFormatException(where, "\"status\" '" + status + "' is not one of active, inactive, withdrawn");
            }
            List<String> links = new ArrayList<>();
            for (JsonNode l : array(node, "links", where)) {
                String value = l.isObject() ? string(l, "value", where + " links") : l.isString() ? l.asString() : null;
                if (value != null) {
                    links.add(value);
                }
            }
            JsonNode established = node.get("established");
            Integer year = established == null || !established.isNumber() ? null : established.intValue();
            return new RorRecord(id, nameList, List.copyOf(countries), relationships, status, strings(node, "types", where), links, year);
        }

        private static List<JsonNode> array(JsonNode node, String field, String where) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new ListFormatException(where, "\"" + field + "\" must be an array");
            }
            return v.valueStream().toList();
        }

        private static List<String> strings(JsonNode node, String field, String where) {
            List<String> out = new ArrayList<>();
            for (JsonNode v : array(node, field, where)) {
                if (!v.isString()) {
                    throw new ListFormatException(where, "\"" + field + "\" must be an array of strings");
                }
                out.add(v.asString());
            }
            return out;
        }

        private static String string(JsonNode node, String field, String where) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isContainer()) {
                throw new ListFormatException(where, "\"" + field + "\" must be a string, not a JSON " + (v.isArray() ? "array" : "object"));
            }
            String s = v.asString().strip();
            return s.isEmpty() ? null : s;
        }

        private static String lower(String s) {
            return s == null ? null : s.toLowerCase(Locale.ROOT);
        }
    }
}
