package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.internal.TextInput;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The trade.gov Consolidated Screening List as JSON ({@code consolidated.json}, and the search
 * API's answers): an object whose {@code results} array holds one object per record, beside
 * other keys such as {@code total}, {@code sources_used} and {@code search_performed_at}, which
 * are passed over. Records carry the CSV's fields, with arrays for the multi-valued ones and
 * objects for addresses ({@code address, city, state, postal_code, country}) and identifiers
 * ({@code type, number, country, issue_date, expiration_date}).
 *
 * <p>Results are streamed one at a time. The field mapping ({@link CslMapping}) and the merging
 * of one party's records from several sub-lists ({@link MergedEntries}) are the CSV reader's.
 */
public final class CslJsonReader implements ListReader {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Enough for the keys before {@code results} and the first result of the published files. */
    private static final int HEAD = 64 * 1024;

    @Override
    public ListFormat format() {
        return ListFormat.CSL_JSON;
    }

    /** A JSON object whose {@code results} array starts with an object holding {@code source} and {@code name}. */
    @Override
    public boolean recognises(ListSource source) throws IOException {
        if (source.files().size() != 1) {
            return false;
        }
        String head = TextInput.headText(source.single(), HEAD);
        if (!head.stripLeading().startsWith("{")) {
            return false;
        }
        try (JsonParser p = MAPPER.createParser(head)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("results")) {
                    return value == JsonToken.START_ARRAY && p.nextToken() == JsonToken.START_OBJECT && firstHasSourceAndName(p);
                }
                p.skipChildren();
            }
            return false;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean firstHasSourceAndName(JsonParser p) {
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            seen.add(p.currentName());
            if (seen.contains("source") && seen.contains("name")) {
                return true;
            }
            p.nextToken();
            p.skipChildren();
        }
        return false;
    }

    @Override
    public ReadSummary read(ListSource source, Consumer<ListEntry> sink) throws IOException {
        ListFile file = source.single();
        MergedEntries.Counts counts = MergedEntries.read(rows -> readResults(file, rows), sink, file.location());
        return new ReadSummary(CslMapping.LIST_KEY, counts.entries(), counts.rows());
    }

    private static void readResults(ListFile file, Consumer<ListEntry> rows) throws IOException {
        try (Reader reader = TextInput.open(file, StandardCharsets.UTF_8);
             JsonParser p = MAPPER.createParser(reader)) {
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new ListFormatException(at(file, p.currentTokenLocation()),
                            "expected a JSON object with a \"results\" array of screening list records");
                }
                boolean results = false;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("results")) {
                        readArray(file, p, value, rows);
                        results = true;
                    } else {
                        p.skipChildren();
                    }
                }
                if (!results) {
                    throw new ListFormatException(file.location(), "no \"results\" array; expected the screening list "
                            + "records in a \"results\" array of the top-level object");
                }
                if (p.nextToken() != null) {
                    throw new ListFormatException(at(file, p.currentTokenLocation()),
                            "more content after the end of the top-level object");
                }
            } catch (JacksonIOException e) {
                if (e.getCause() instanceof CharacterCodingException cce) {
                    throw TextInput.encodingError(file, StandardCharsets.UTF_8, cce);
                }
                throw e.getCause();
            } catch (JacksonException e) {
                TokenStreamLocation where = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw new ListFormatException(at(file, where), "not valid JSON (" + e.getOriginalMessage()
                        + "); is the file complete?", e);
            }
        }
    }

    private static void readArray(ListFile file, JsonParser p, JsonToken start, Consumer<ListEntry> rows) {
        if (start != JsonToken.START_ARRAY) {
            throw new ListFormatException(at(file, p.currentTokenLocation()), "\"results\" is not an array; "
                    + "expected an array of screening list records");
        }
        int index = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            index++;
            String where = file.location() + " result " + index + " (line " + p.currentTokenLocation().getLineNr() + ")";
            if (t != JsonToken.START_OBJECT) {
                throw new ListFormatException(where, "a JSON " + kind(t) + "; each result must be an object");
            }
            JsonNode node = p.readValueAsTree();
            rows.accept(CslMapping.entry(new JsonResult(node, where), where));
        }
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "array";
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

    /** One result object; null and missing values are the same. */
    private record JsonResult(JsonNode node, String where) implements CslMapping.CslRecord {

        @Override
        public String id() {
            return text("id");
        }

        @Override
        public String text(String field) {
            return scalar(node.get(field), field);
        }

        /** An array of strings; a single string is read like the CSV's {@code ;}-separated values. */
        @Override
        public List<String> values(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return List.of();
            }
            Stream<String> values = v.isArray() ? v.valueStream().map(e -> scalar(e, field))
                    : Arrays.stream(scalar(v, field).split(";"));
            return values.filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        }

        @Override
        public List<CslMapping.Address> addresses() {
            List<CslMapping.Address> addresses = new ArrayList<>();
            for (JsonNode a : objects("addresses")) {
                String line = Stream.of("address", "city", "state", "postal_code", "country")
                        .map(f -> scalar(a.get(f), "addresses." + f)).filter(s -> s != null && !s.isBlank())
                        .map(String::strip).collect(Collectors.joining(", "));
                String country = scalar(a.get("country"), "addresses.country");
                boolean countryOnly = country != null && line.equals(country.strip());
                addresses.add(new CslMapping.Address(line.isEmpty() || countryOnly ? null : line, country));
            }
            return addresses;
        }

        @Override
        public List<Identifier> ids() {
            List<Identifier> ids = new ArrayList<>();
            for (JsonNode id : objects("ids")) {
                String number = scalar(id.get("number"), "ids.number");
                if (number != null) {
                    ids.add(new Identifier(scalar(id.get("type"), "ids.type"), number, scalar(id.get("country"), "ids.country")));
                }
            }
            return ids;
        }

        private List<JsonNode> objects(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray() || !v.valueStream().allMatch(JsonNode::isObject)) {
                throw new ListFormatException(where, "\"" + field + "\" must be an array of objects");
            }
            return v.valueStream().toList();
        }

        private String scalar(JsonNode v, String field) {
            if (v == null || v.isNull()) {
                return null;
            }
            if (v.isContainer()) {
                throw new ListFormatException(where, "\"" + field + "\" must be a string, not a JSON "
                        + (v.isArray() ? "array" : "object"));
            }
            String s = v.asString().strip();
            return s.isEmpty() ? null : s;
        }
    }
}
