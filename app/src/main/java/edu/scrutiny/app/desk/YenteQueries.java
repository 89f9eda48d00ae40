package edu.scrutiny.app.desk;

import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.TooLarge;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of yente's {@code POST /match/{dataset}}: {@code {"queries": {KEY: {"schema":
 * ..., "properties": {...}}}}}, FollowTheMoney schemata and property names. The names are {@code
 * name} and its kin ({@code alias}, {@code firstName} with {@code lastName}...); countries come from
 * {@code country}, {@code nationality}, {@code citizenship} and {@code jurisdiction}; the date from
 * {@code birthDate} or {@code incorporationDate}. Every problem of every query is reported at once.
 */
final class YenteQueries {
    static final int MAX_QUERIES = 100;
    private static final List<String> NAME_PROPERTIES = List.of("name", "alias", "previousName", "weakAlias");
    private static final List<String> COUNTRY_PROPERTIES = List.of("country", "nationality", "citizenship", "jurisdiction");
    private static final List<String> DATE_PROPERTIES = List.of("birthDate", "incorporationDate");

    private YenteQueries() {
    }

    /** One query of the batch: its key, as given (answered back), and one checked query per name. */
    record Parsed(String key, JsonNode given, List<DeskQuery> names) {
    }

    static List<Parsed> read(JsonNode body, Set<String> lists, LocalDate today, Set<String> held, String source, String purpose) {
        JsonNode queries = body == null ? null : body.get("queries");
        if (queries == null || !queries.isObject()) {
            throw new InvalidInput(source, "queries", "is required: an object of queries by key, each {schema, properties}");
        }
        if (queries.size() > MAX_QUERIES) {
            throw new TooLarge(source + ": " + queries.size() + " queries; at most " + MAX_QUERIES + " a batch");
        }
        List<InvalidInput.Problem> problems = new ArrayList<>();
        List<Parsed> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> q : queries.properties()) {
            String at = "queries." + q.getKey();
            JsonNode schema = q.getValue().get("schema");
            JsonNode properties = q.getValue().get("properties");
            if (properties == null || !properties.isObject()) {
                problems.add(new InvalidInput.Problem(at + ".properties", "is required: FollowTheMoney properties, e.g. {\"name\": [\"...\"]}"));
                continue;
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                List<String> vs = new ArrayList<>();
                if (p.getValue().isArray()) {
                    p.getValue().forEach(v -> vs.add(v.asString()));
                } else if (!p.getValue().isNull()) {
                    vs.add(p.getValue().asString());
                }
                values.put(p.getKey(), vs);
            }
            List<String> names = new ArrayList<>();
            NAME_PROPERTIES.forEach(n -> names.addAll(values.getOrDefault(n, List.of())));
            String joined = String.join(" ", values.getOrDefault("firstName", List.of())) + " "
                    + String.join(" ", values.getOrDefault("lastName", List.of()));
            if (!joined.isBlank()) {
                names.add(joined.strip());
            }
            List<String> countries = new ArrayList<>();
            COUNTRY_PROPERTIES.forEach(c -> countries.addAll(values.getOrDefault(c, List.of())));
            String date = DATE_PROPERTIES.stream().flatMap(d -> values.getOrDefault(d, List.of()).stream()).findFirst().orElse(null);
            if (names.isEmpty()) {
                problems.add(new InvalidInput.Problem(at + ".properties.name", "is required: the names to match"));
                continue;
            }
            List<DeskQuery> checked = new ArrayList<>();
            for (String name : names.stream().distinct().toList()) {
                try {
                    checked.add(DeskQueries.check(source, name, schema == null ? null : schema.asString(), countries, date, null, today,
                            purpose + " " + q.getKey(), false, held, today));
                } catch (InvalidInput e) {
                    e.problems().forEach(p -> problems.add(new InvalidInput.Problem(at + "." + field(p.field()), p.message())));
                    break;
                }
            }
            if (schema == null || schema.asString().isBlank()) {
                problems.add(new InvalidInput.Problem(at + ".schema", "is required: a FollowTheMoney schema such as Person or Company"));
            }
            out.add(new Parsed(q.getKey(), q.getValue(), checked.stream()
                    .map(d -> new DeskQuery(d.name(), d.schema(), d.countries(), d.birthDate(), lists, d.asOf(), d.purpose(), false))
                    .toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
        return out;
    }

    /** The FollowTheMoney property a desk query's field came from. */
    private static String field(String deskField) {
        if (deskField.startsWith("countries")) {
            return "properties.country";
        }
        return switch (deskField) {
            case "name" -> "properties.name";
            case "birth_date" -> "properties.birthDate";
            default -> deskField;
        };
    }
}
