package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The catalogue of official sources over the REST API, and enabling them (the administrator). */
@RestController
@RequestMapping(path = "/api/list-sources/official", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitoring")
class OfficialSourcesController {
    private static final String POST = "POST /api/list-sources/official";
    private final OfficialSources official;

    OfficialSourcesController(OfficialSources official) {
        this.official = official;
    }

    @GetMapping
    @Operation(summary = "The catalogue of official sources (publisher, URL, format, category, period), each with its status here: "
            + "ENABLED, AVAILABLE, or PDF_ONLY (published only as PDF; imported as Scrutiny CSV)")
    List<OfficialSources.Status> catalogue() {
        return official.statuses();
    }

    /**
     * Which official sources to enable: some by name, or {@code all: true} for every one published
     * in a format Scrutiny reads. Saying which is required, so that an empty or null body enables nothing.
     */
    record EnableRequest(List<String> lists, Boolean all) {
    }

    @PostMapping
    @Operation(summary = "Enable official sources as list sources (administrator only): {\"lists\": [...]} or {\"all\": true}; "
            + "the next refresh imports them",
            description = "A list that already has a source keeps it (ALREADY_PRESENT). An unknown or PDF-only list is refused "
                    + "and nothing is added. The URLs are the publishers', or scrutiny.sources.official-mirror's.")
    List<OfficialSources.Enabled> enable(@RequestBody EnableRequest request, Actor actor) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean some = request.lists() != null && !request.lists().isEmpty();
        if (all == some) {
            throw new InvalidInput(POST, all ? "all" : "lists", all
                    ? "give either lists (some official sources) or all: true, not both"
                    : "name the official sources to enable in lists, e.g. [\"us_ofac_sdn\", \"un_sc\"], or give all: true");
        }
        return official.enable(all ? null : request.lists(), actor.username(), POST, "lists");
    }
}
