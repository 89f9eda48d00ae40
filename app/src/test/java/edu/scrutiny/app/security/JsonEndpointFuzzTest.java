package edu.scrutiny.app.security;

import edu.scrutiny.app.identity.Role;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz pass: every endpoint of the OpenAPI document that takes a JSON body gets malformed,
 * wrongly typed and oversized bodies (hand-written generators, seeded: the same requests on every
 * run) from a user who may call it. Each must answer 4xx (naming the field where the body is
 * valid JSON of the wrong shape), never 500, never a stack trace or a Java type name, and store
 * nothing: the rows of every table are counted before and after.
 */
class JsonEndpointFuzzTest extends SecurityTestBase {
    private static final long SEED = 13;
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "javax.", "jakarta.", "tools.jackson",
            "com.fasterxml", "org.springframework", "org.h2", "edu.scrutiny", "Caused by", "SQL");

    @Test
    void everyJsonEndpointAnswersBadBodiesWith4xxAndStoresNothing() {
        importList("security_test_fuzz", "sec-fuzz-1", "Ochre Meridian Instruments Co", ListCategory.EXPORT_CONTROL);
        User sub = user("fuzz-sub", Role.SUBMITTER);
        User staff = user("fuzz-staff", Role.ANALYST, Role.REVIEWER, Role.ADMINISTRATOR);
        User target = user("fuzz-target", Role.SUBMITTER);
        String engagement = submit(sub, "Fuzz target", "Ochre Meridian Instruments Co");
        long caseId = caseOf(staff, engagement);

        JsonNode docs = JSON.readTree(exchange(http, java.net.http.HttpRequest.newBuilder(uri("/v3/api-docs")).build()).body());
        Random random = new Random(SEED);
        List<String> found = new ArrayList<>();
        int sent = 0, endpoints = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode json = op.getValue().path("requestBody").path("content").path("application/json");
                if (json.isMissingNode()) {
                    continue;
                }
                endpoints++;
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                String url = path.getKey().replace("{id}", path.getKey().startsWith("/api/engagements") ? engagement : Long.toString(caseId))
                        .replace("{name}", target.name()).replace("{key}", "elevated_risk").replace("{list}", "security_test_fuzz")
                        .replace("{dataset}", "default");
                Map<String, JsonNode> fields = fields(docs, json.path("schema"));
                boolean optional = !op.getValue().path("requestBody").path("required").asBoolean(false);
                Map<String, Long> before = rowCounts();
                for (String body : bodies(fields, optional, random)) {
                    HttpResponse<String> r = send(staff, method, url, body);
                    sent++;
                    String problem = problem(r, body);
                    if (problem != null) {
                        found.add(method + " " + path.getKey() + " " + abbreviate(body) + ": " + problem);
                    }
                }
                Map<String, Long> after = rowCounts();
                if (!after.equals(before)) {
                    found.add(method + " " + path.getKey() + ": stored something: " + difference(before, after));
                }
            }
        }
        System.out.printf("JsonEndpointFuzzTest: %d requests to %d JSON endpoints (seed %d), %d findings%n", sent, endpoints, SEED, found.size());
        found.forEach(f -> System.out.println("  " + f));
        assertThat(endpoints).as("JSON endpoints in the OpenAPI document").isGreaterThan(10);
        assertThat(found).isEmpty();
    }

    /** What is wrong with an answer to a bad body, or null. */
    private static String problem(HttpResponse<String> r, String body) {
        if (r.statusCode() < 400 || r.statusCode() >= 500) {
            return "answered " + r.statusCode() + " " + abbreviate(r.body());
        }
        for (String leak : LEAKS) {
            if (r.body().contains(leak) && !body.contains(leak)) {
                return "the answer shows '" + leak + "': " + abbreviate(r.body());
            }
        }
        return null;
    }

    /** The top-level properties of the body's schema (through a $ref) with their schemas, if the document names them. */
    private static Map<String, JsonNode> fields(JsonNode docs, JsonNode schema) {
        JsonNode s = schema;
        if (s.has("$ref")) {
            String name = s.get("$ref").asString().substring("#/components/schemas/".length());
            s = docs.path("components").path("schemas").path(name);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        s.path("properties").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Whether a value is wrong for a property: any value of another JSON type; a text of at most a
     * thousand characters is right for a free-text property (no format, no enumeration), and is not
     * sent there (a note may say "9999-99-99"; output escaping, tested elsewhere, handles markup);
     * true or false is right for a boolean property.
     */
    private static boolean wrongFor(JsonNode value, JsonNode property) {
        String type = property.path("type").asString("");
        boolean freeText = "string".equals(type) && !property.has("format") && !property.has("enum");
        return !(freeText && value.isString() && value.asString().length() <= 1000) && !("boolean".equals(type) && value.isBoolean());
    }

    /** Malformed, wrongly typed and oversized bodies; the same for the same random sequence. */
    private static List<String> bodies(Map<String, JsonNode> fields, boolean optional, Random random) {
        List<String> out = new ArrayList<>(List.of("{", "[", "}", "nul", "{\"a\":", "{\"a\" 1}", "\"text\"", "42", "true", "null", "[]",
                "[1,2,3]", "{\"a\": NaN}", "{'single': 'quotes'}", "\u0000\u0001", "{\"a\": \"\\ud800\"}", "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "{\"x\": \"" + "a".repeat(2_000_000) + "\"}"));
        JsonNode[] wrong = {JSON.getNodeFactory().numberNode(-1), JSON.getNodeFactory().numberNode(1e308), JSON.getNodeFactory().booleanNode(true),
                JSON.getNodeFactory().arrayNode().add(1).add("x"), JSON.createObjectNode().put("nested", "object"), JSON.getNodeFactory().stringNode("x".repeat(1_000_000)),
                JSON.getNodeFactory().stringNode("<script>alert(1)</script>'; DROP TABLE engagement; --"),
                JSON.getNodeFactory().stringNode("9999-99-99"), JSON.getNodeFactory().numberNode(Long.MIN_VALUE)};
        if (!optional) {
            out.add(""); // no body where one is required
        }
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            for (JsonNode w : wrong) {
                if (wrongFor(w, field.getValue())) {
                    out.add(JSON.createObjectNode().set(field.getKey(), w).toString());
                }
            }
        }
        // whole documents of random wrong values, every field at once
        for (int i = 0; i < 10 && !fields.isEmpty(); i++) {
            ObjectNode o = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
                JsonNode w = wrong[random.nextInt(wrong.length)];
                o.set(field.getKey(), wrongFor(w, field.getValue()) ? w : JSON.getNodeFactory().numberNode(7));
            }
            out.add(o.toString());
        }
        ArrayNode many = JSON.createArrayNode();
        for (int i = 0; i < 20_000; i++) {
            many.add(JSON.createObjectNode().put("k" + random.nextInt(1000), random.nextLong()));
        }
        out.add(many.toString());
        return out;
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")
                .query(String.class).list()) {
            if (!table.startsWith("flyway")) {
                counts.put(table, jdbc.sql("SELECT COUNT(*) FROM \"" + table + "\"").query(Long.class).single());
            }
        }
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder sb = new StringBuilder();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                sb.append(t).append(' ').append(before.get(t)).append("→").append(n).append(' ');
            }
        });
        return sb.toString().strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…(" + s.length() + " chars)";
    }
}
