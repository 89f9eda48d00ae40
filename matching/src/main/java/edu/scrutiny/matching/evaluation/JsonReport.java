package edu.scrutiny.matching.evaluation;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation as JSON: {@link EvaluationReport} field for field, in snake case and in the
 * records' order, with every pair's score so that two runs can be compared pair by pair.
 */
public final class JsonReport {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // the records' order reads as the report does: figures first, details after
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {
    }

    public static String of(EvaluationReport report) {
        return MAPPER.writeValueAsString(report);
    }
}
