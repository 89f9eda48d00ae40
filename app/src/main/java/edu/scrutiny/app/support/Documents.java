package edu.scrutiny.app.support;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * JSON (and YAML) documents as the modules store and read them: one mapper configured once,
 * so that what one module writes another reads the same way.
 */
public final class Documents {
    /** Strict: unknown properties are errors, so that a misspelt key is reported, not ignored. */
    public static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .withCoercionConfig(tools.jackson.databind.type.LogicalType.Textual, Documents::noScalarsAsText)
            .withCoercionConfig(tools.jackson.databind.type.LogicalType.Boolean, Documents::noNumbersAsBooleans)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    public static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Documents() {
    }

    /** Parses JSON text, reporting a syntax error as {@link InvalidInput} with its line and column. */
    public static JsonNode parseJson(String text, String source) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInput(source, "", "not valid JSON: " + e.getOriginalMessage() + location(e));
        }
    }

    /** Parses YAML (or JSON, which is YAML), reporting a syntax error as {@link InvalidInput}. */
    public static JsonNode parseYaml(String text, String source) {
        try {
            return YAML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInput(source, "", "not valid YAML: " + e.getOriginalMessage() + location(e));
        }
    }

    /** Compact JSON text of a value. */
    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Indented JSON text of a value, for people and for the command line's {@code --json}. */
    public static String toPrettyJson(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    /** The JSON path of a mapping error, e.g. {@code countries[0].code}: how problems name their field. */
    public static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            }
        }
        return sb.toString();
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /**
     * A number or true/false where a text is expected is an error, not the text "42" or "true": a
     * body of the wrong type is refused rather than stored as something nobody wrote.
     */
    public static void noScalarsAsText(tools.jackson.databind.cfg.MutableCoercionConfig c) {
        c.setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer, tools.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, tools.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Boolean, tools.jackson.databind.cfg.CoercionAction.Fail);
    }

    /** A number where true or false is expected is an error, not true for anything but 0 ({"enabled": -1} enabled a user). */
    public static void noNumbersAsBooleans(tools.jackson.databind.cfg.MutableCoercionConfig c) {
        c.setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer, tools.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, tools.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.String, tools.jackson.databind.cfg.CoercionAction.Fail);
    }
}
