package edu.scrutiny.app.policy;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The risk policy: the current version, every version, and a new version. */
@RestController
@RequestMapping(path = "/api/policy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Policy", description = "The rules that turn evidence into a tier, versioned")
class PolicyController {
    private static final String SOURCE = "PUT /api/policy";

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    /** The body of a new version with its note (or send the document alone, with {@code ?note=}). */
    record PolicyUpdate(PolicyDocument document, String note) {
    }

    @GetMapping
    @Operation(summary = "The current policy version")
    Policy currentPolicy() {
        return policies.current();
    }

    @GetMapping("/versions")
    @Operation(summary = "Every policy version, oldest first")
    List<Policy> policyVersions() {
        return policies.history();
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "One policy version")
    Policy policyVersion(@PathVariable int version) {
        return policies.history().stream().filter(p -> p.version() == version).findFirst()
                .orElseThrow(() -> new NotFound("no policy version " + version));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a new policy version: {document, note}, or the policy document itself with ?note=")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PolicyUpdate.class)))
    Policy updatePolicy(@RequestBody String body, @RequestParam(required = false) String note, Actor actor) {
        JsonNode node = Documents.parseJson(body, SOURCE);
        if (node == null || !node.isObject()) {
            throw new InvalidInput(SOURCE, "", "expected a JSON object: {document, note}, or the policy document itself");
        }
        if (!node.has("document")) {
            return policies.update(PolicyDocuments.read(body, SOURCE), note, actor.username());
        }
        checkWrapper(node);
        JsonNode n = node.path("note");
        return policies.update(document(node.get("document")), n.isString() ? n.asString() : note, actor.username());
    }

    /** Checks the {@code {document, note}} form around the document. */
    private static void checkWrapper(JsonNode node) {
        List<InvalidInput.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals("document") && !e.getKey().equals("note")) {
                problems.add(new InvalidInput.Problem(e.getKey(), "is not a field here; send {document, note}"));
            }
        }
        if (!node.get("document").isObject()) {
            problems.add(new InvalidInput.Problem("document", "expected the policy document: an object with description and rules"));
        }
        JsonNode note = node.path("note");
        if (!note.isNull() && !note.isMissingNode() && !note.isString()) {
            problems.add(new InvalidInput.Problem("note", "expected text"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(SOURCE, problems);
        }
    }

    /** Reads the wrapped document, naming fields from the body's top, e.g. {@code document.rules[0].when}. */
    private static PolicyDocument document(JsonNode document) {
        try {
            return PolicyDocuments.read(document.toString(), SOURCE);
        } catch (InvalidInput e) {
            throw new InvalidInput(SOURCE, e.problems().stream().map(p -> new InvalidInput.Problem(
                    p.field() == null || p.field().isEmpty() ? "document" : "document." + p.field(), p.message())).toList());
        }
    }
}
