package edu.scrutiny.app.desk;

import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.TooLarge;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a W3C reconciliation query batch (0.2): {@code {KEY: {query, type, limit, properties: [{pid,
 * v}]}}}. Types are FollowTheMoney schemata; the properties Scrutiny takes are {@code country} and
 * {@code jurisdiction} (ISO alpha-2 codes) and {@code birth_date}. Every problem of every query is
 * reported at once.
 */
final class ReconcileQueries {
    static final int BATCH_SIZE = 50;
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 25;
    static final List<String> PROPERTIES = List.of("country", "jurisdiction", "birth_date");

    private ReconcileQueries() {
    }

    record Parsed(String key, DeskQuery query, int limit) {
    }

    static List<Parsed> read(String queries, Set<String> lists, LocalDate today, Set<String> held, String source) {
        JsonNode batch = Documents.parseJson(queries == null ? "" : queries, source);
        if (!batch.isObject()) {
            throw new InvalidInput(source, "queries", "expected a JSON object of queries by key, each {query, type, properties}");
        }
        if (batch.size() > BATCH_SIZE) {
            throw new TooLarge(source + ": " + batch.size() + " queries; at most " + BATCH_SIZE + " a batch (the manifest's batchSize)");
        }
        List<InvalidInput.Problem> problems = new ArrayList<>();
        List<Parsed> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : batch.properties()) {
            String at = "queries." + e.getKey();
            JsonNode q = e.getValue();
            String type = q.path("type").isArray() ? (q.path("type").isEmpty() ? null : q.path("type").get(0).asString())
                    : q.path("type").isString() ? q.path("type").asString() : null;
            int limit = q.has("limit") ? q.get("limit").asInt(DEFAULT_LIMIT) : DEFAULT_LIMIT;
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(new InvalidInput.Problem(at + ".limit", "must be between 1 and " + MAX_LIMIT));
            }
            List<String> countries = new ArrayList<>();
            String born = null;
            JsonNode props = q.path("properties");
            for (int i = 0; i < props.size(); i++) {
                String pid = props.get(i).path("pid").asString("");
                List<String> values = new ArrayList<>();
                JsonNode v = props.get(i).path("v");
                (v.isArray() ? v : Documents.JSON.createArrayNode().add(v)).forEach(x -> values.add(x.isObject() ? x.path("id").asString() : x.asString()));
                switch (pid) {
                    case "country", "jurisdiction" -> countries.addAll(values.stream().filter(x -> !x.isBlank()).toList());
                    case "birth_date" -> born = values.stream().filter(x -> !x.isBlank()).findFirst().orElse(null);
                    default -> problems.add(new InvalidInput.Problem(at + ".properties[" + i + "].pid",
                            "'" + pid + "' is not a property Scrutiny reconciles; they are " + String.join(", ", PROPERTIES)));
                }
            }
            try {
                DeskQuery d = DeskQueries.check(source, q.path("query").asString(null), type, countries, born, null, today,
                        "reconciliation " + e.getKey(), false, held, today);
                out.add(new Parsed(e.getKey(), new DeskQuery(d.name(), d.schema(), d.countries(), d.birthDate(), lists, d.asOf(),
                        d.purpose(), false), limit));
            } catch (InvalidInput invalid) {
                invalid.problems().forEach(p -> problems.add(new InvalidInput.Problem(at + "." + field(p.field()), p.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
        return out;
    }

    private static String field(String deskField) {
        if (deskField.startsWith("countries")) {
            return "properties.country";
        }
        return switch (deskField) {
            case "name" -> "query";
            case "schema" -> "type";
            case "birth_date" -> "properties.birth_date";
            default -> deskField;
        };
    }
}
