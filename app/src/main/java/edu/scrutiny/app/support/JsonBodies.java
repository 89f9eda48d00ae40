package edu.scrutiny.app.support;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Request bodies read with the strict {@link Documents#JSON} mapper, so that a misspelt or unknown
 * key is an error, and every error is an {@link InvalidInput} naming the field.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    /**
     * Reads a JSON body as a value.
     *
     * @param source the request, for messages, e.g. {@code PUT /api/country-lists/elevated_risk}
     * @throws InvalidInput for text that is not JSON or does not have the type's shape
     */
    public static <T> T read(String text, Class<T> type, String source) {
        return read(Documents.parseJson(text == null ? "" : text, source), type, source);
    }

    public static <T> T read(JsonNode node, Class<T> type, String source) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new InvalidInput(source, "", "the request body is empty; expected a JSON object");
        }
        try {
            return Documents.JSON.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new InvalidInput(source, Documents.path(e), message(e));
        }
    }

    private static String message(JacksonException e) {
        return problem(e);
    }

    /**
     * What is wrong with a value, for a person and without Java: Jackson's own messages name the
     * Java types (class names are nobody's business outside the code), so every case is said here.
     */
    public static String problem(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "is not a field here; the fields are " + known(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f) {
            String value = String.valueOf(f.getValue());
            return "'" + (value.length() > 100 ? value.substring(0, 100) + "..." : value) + "' is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType());
        }
        return "does not have the expected shape (see /v3/api-docs)";
    }

    /** A type as a person would say what is expected of it. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "documented in /v3/api-docs"
                : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

}
