package edu.scrutiny.app.directives;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Directives: read the current ones and any one's revisions, import new ones and revisions. */
@RestController
@RequestMapping(path = "/api/directives", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Directives", description = "Institutional decisions about named counterparties and their subsidiaries")
class DirectiveController {

    private final Directives directives;

    DirectiveController(Directives directives) {
        this.directives = directives;
    }

    /** A directive's current revision and every revision, oldest first. */
    record DirectiveHistory(StoredDirective current, List<StoredDirective> history) {
    }

    @GetMapping
    @Operation(summary = "The current revision of every directive, by id")
    List<StoredDirective> listDirectives() {
        return directives.current();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A directive's current revision, with every revision")
    DirectiveHistory getDirective(@PathVariable String id) {
        StoredDirective current = directives.find(id).orElseThrow(() -> new NotFound("no directive " + id));
        return new DirectiveHistory(current, directives.history(id));
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_YAML_VALUE, "application/x-yaml",
            "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import directives (a YAML or JSON list, the format of `directives import`): new ones are added, "
            + "changed ones get a new revision; all or nothing")
    Directives.ImportSummary importDirectives(@RequestBody String body, Actor actor) {
        return directives.importAll(DirectiveDocuments.read(body, "POST /api/directives"), actor.username());
    }
}
