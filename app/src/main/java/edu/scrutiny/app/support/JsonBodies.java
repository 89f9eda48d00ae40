package edu.scrutiny.app.support;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
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
        if (e instanceof UnrecognizedPropertyException u) {
            return "is not a field here; the fields are " + known(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName()
                    + (f.getTargetType() == java.time.LocalDate.class ? " (YYYY-MM-DD)" : "");
        }
        return e.getOriginalMessage();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "documented in /v3/api-docs"
                : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

}
