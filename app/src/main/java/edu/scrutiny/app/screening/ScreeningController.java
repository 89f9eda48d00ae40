package edu.scrutiny.app.screening;

import edu.scrutiny.app.identity.Actor;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.JsonBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Screening one name against the lists as of a date, and clearing hits as false positives. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Screening", description = "Names against every enabled list, as of a date")
class ScreeningController {

    private final HitClearances clearances;
    private final HitClearanceRequests requests;

    ScreeningController(HitClearances clearances, HitClearanceRequests requests) {
        this.clearances = clearances;
        this.requests = requests;
    }

    /** A hit to clear, as a screening or assessment reported it, and why it is a false positive. */
    record Clearance(String party, String list, @JsonProperty("source_id") String sourceId,
            @JsonProperty("content_sha") String contentSha, String reason) {
    }

    @PostMapping(path = "/hits/clearances", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Clear a hit as a false positive: it is not raised again unless the party's name or the entry changes",
            description = "Four eyes: the first analyst's clearance is a request (202, status pending); it takes effect when a "
                    + "second, different analyst posts the same hit (201, status cleared, both reasons kept). The same "
                    + "analyst confirming their own request is refused (403).")
    @ApiResponse(responseCode = "202", description = "Pending: waiting for a second analyst")
    @ApiResponse(responseCode = "201", description = "Cleared: a second analyst confirmed the request")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Clearance.class)))
    ResponseEntity<HitClearanceRequests.Request> clearHit(@RequestBody String body, Actor actor) {
        String source = "POST /api/hits/clearances";
        Clearance c = JsonBodies.read(body, Clearance.class, source);
        List<InvalidInput.Problem> problems = new ArrayList<>();
        required(c.party(), "party", 1000, problems);
        required(c.list(), "list", 100, problems);
        required(c.sourceId(), "source_id", 200, problems);
        required(c.contentSha(), "content_sha", Integer.MAX_VALUE, problems);
        if (c.contentSha() != null && !c.contentSha().isBlank() && !c.contentSha().matches("[0-9a-f]{64}")) {
            problems.add(new InvalidInput.Problem("content_sha", "expected the 64 hexadecimal digits a hit reports"));
        }
        if (c.reason() == null || c.reason().isBlank()) {
            problems.add(new InvalidInput.Problem("reason", "is required: say why the hit is a false positive"));
        } else if (c.reason().length() > 10_000) {
            problems.add(new InvalidInput.Problem("reason", "is longer than 10000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(source, problems);
        }
        // a clearance is keyed by party, list, entry and entry content; the rest of the hit does not matter
        Hit hit = new Hit(c.party(), c.list(), null, c.sourceId(), null, null, 0, null, null, List.of(), null, 0,
                c.contentSha(), null);
        HitClearanceRequests.Request r = requests.requestOrConfirm(hit, c.reason(), actor.username());
        return ResponseEntity.status(r.clearanceId() == null ? HttpStatus.ACCEPTED : HttpStatus.CREATED).body(r);
    }

    private static void required(String value, String field, int maxLength, List<InvalidInput.Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidInput.Problem(field, "is required"));
        } else if (value.length() > maxLength) {
            problems.add(new InvalidInput.Problem(field, "is longer than " + maxLength + " characters"));
        }
    }
}
