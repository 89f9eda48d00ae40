package edu.scrutiny.app.engagement;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads engagement JSON: first against the published JSON Schema (so every structural problem is
 * reported with its field), then what a schema cannot say (real ISO country codes, dates in order).
 * Research-area codes are checked against the taxonomy by {@link Engagements}.
 */
public final class EngagementDocuments {
    /** Where the schema is published, in the repository and on the class path. */
    public static final String SCHEMA_RESOURCE = "/schemas/engagement.schema.json";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Schema SCHEMA = loadSchema();

    private EngagementDocuments() {
    }

    /** The schema's text, as served at {@code /api/schemas/engagement}. */
    public static String schemaText() {
        try (InputStream in = EngagementDocuments.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one engagement.
     *
     * @param text   the JSON text
     * @param source where it came from, for messages (a file path or a request)
     * @throws InvalidInput naming each field that is wrong
     */
    public static Engagement read(String text, String source) {
        JsonNode node = Documents.parseJson(text, source);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        for (Error e : SCHEMA.validate(node)) {
            problems.add(new InvalidInput.Problem(field(e), message(e)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, dedupe(problems));
        }
        Engagement engagement;
        try {
            engagement = Documents.JSON.treeToValue(node, Engagement.class);
        } catch (JacksonException e) {
            throw new InvalidInput(source, "", "cannot be read as an engagement: " + edu.scrutiny.app.support.JsonBodies.problem(e));
        }
        checkMeaning(engagement, source);
        return engagement;
    }

    /** The engagement as JSON, in the schema's shape. */
    public static String write(Engagement engagement) {
        return Documents.toJson(engagement);
    }

    private static void checkMeaning(Engagement e, String source) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        for (int i = 0; i < e.parties().size(); i++) {
            Engagement.Party p = e.parties().get(i);
            country(p.country(), "parties[" + i + "].country", problems);
            OwnershipChecks.check(p, "parties[" + i + "]", EngagementDocuments::country, problems);
            if (p.kind() == Engagement.Kind.PERSON && p.organizationType() != null) {
                problems.add(new InvalidInput.Problem("parties[" + i + "].organization_type", "is for organizations, and this party is a person"));
            }
            if (p.kind() == Engagement.Kind.PERSON && p.ror() != null) {
                problems.add(new InvalidInput.Problem("parties[" + i + "].ror", "is for organizations, and this party is a person"));
            }
        }
        for (int i = 0; i < e.workCountries().size(); i++) {
            country(e.workCountries().get(i), "work_countries[" + i + "]", problems);
        }
        if (e.startsOn() != null && e.endsOn() != null && e.endsOn().isBefore(e.startsOn())) {
            problems.add(new InvalidInput.Problem("ends_on", "is before starts_on"));
        }
        // a renewal need not name what it renews (it may predate Scrutiny); a new engagement must not
        if (!e.renewal() && e.renews() != null) {
            problems.add(new InvalidInput.Problem("renews", "is set but renewal is false"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
    }

    private static void country(String code, String field, List<InvalidInput.Problem> problems) {
        if (code != null && !COUNTRIES.contains(code)) {
            problems.add(new InvalidInput.Problem(field, "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
        }
    }

    /**
     * The field the problem is at, e.g. {@code parties[0].kind}, built from the path's elements so
     * that it reads the same whatever path notation the validator is set to.
     */
    private static String field(Error e) {
        StringBuilder sb = new StringBuilder();
        NodePath at = e.getInstanceLocation();
        for (int i = 0; at != null && i < at.getNameCount(); i++) {
            Object element = at.getElement(i);
            if (element instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(element);
            }
        }
        boolean namesProperty = "required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword());
        if (namesProperty && e.getProperty() != null) {
            sb.append(sb.isEmpty() ? "" : ".").append(e.getProperty());
        }
        return sb.toString();
    }

    private static String message(Error e) {
        return switch (e.getKeyword()) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a field of the engagement schema";
            case "enum" -> {
                JsonNode allowed = e.getSchemaNode();
                yield "'" + shown(e.getInstanceNode()) + "' is not one of " + allowedValues(allowed);
            }
            default -> {
                // the library's message starts with the path; the field is reported separately
                String m = e.getMessage();
                String at = (e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString()) + ": ";
                int colon = m.indexOf(": ");
                yield m.startsWith(at) ? m.substring(at.length()) : colon >= 0 && m.startsWith("$") ? m.substring(colon + 2) : m;
            }
        };
    }

    private static String shown(JsonNode n) {
        return n == null ? "" : n.isString() ? n.asString() : n.toString();
    }

    private static String allowedValues(JsonNode enumNode) {
        if (enumNode == null || !enumNode.isArray()) {
            return "the allowed values";
        }
        List<String> values = new ArrayList<>();
        enumNode.forEach(v -> values.add(v.asString()));
        return String.join(", ", values);
    }

    private static List<InvalidInput.Problem> dedupe(List<InvalidInput.Problem> problems) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    }

    private static Schema loadSchema() {
        // "format": "date" is only an annotation in 2020-12 unless assertions are switched on
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config));
        return registry.getSchema(schemaText(), InputFormat.JSON);
    }
}
