package edu.scrutiny.app.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the REST API serves of the engagement module alone: the engagement JSON Schema. Listing,
 * submitting and reading engagements show their assessments too, so those endpoints live in the
 * assessment module (which depends on this one; this one must not depend on it).
 */
@RestController
@Tag(name = "Engagements", description = "Engagements as submitted, with their assessments")
class EngagementController {
    static final String SCHEMA_JSON = "application/schema+json";

    @GetMapping(path = "/api/schemas/engagement", produces = {SCHEMA_JSON, "application/json"})
    @Operation(summary = "The JSON Schema every submitted or assessed engagement is validated against")
    String engagementSchema() {
        return EngagementDocuments.schemaText();
    }
}
