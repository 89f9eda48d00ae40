package edu.scrutiny.app.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementDocuments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.support.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Engagements with their assessments, and assessment without storing. Here rather than in the
 * engagement module because every view of a stored engagement shows its tier, and the engagement
 * module must not depend on this one.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentController {
    private static final String ENGAGEMENTS = "Engagements";
    private static final String ASSESSMENTS = "Assessments";
    private static final String AS_OF =
            "The date lists, directives and country lists are taken as of (YYYY-MM-DD; default: the engagement's submitted_on)";
    private static final String ENGAGEMENT_JSON = "The engagement JSON, as GET /api/schemas/engagement describes it";

    private final Engagements engagements;
    private final Assessments assessments;
    private final Assessor assessor;

    AssessmentController(Engagements engagements, Assessments assessments, Assessor assessor) {
        this.engagements = engagements;
        this.assessments = assessments;
        this.assessor = assessor;
    }

    /** A line of the engagement list; {@code tier} is the latest assessment's. */
    record EngagementRow(String id, String status, String title, String type,
            @JsonProperty("submitted_on") LocalDate submittedOn, Tier tier) {
    }

    /** A stored engagement as submitted, with its latest assessment. */
    record EngagementView(String id, String status, @JsonProperty("created_at") Instant createdAt,
            Engagement engagement,
            @JsonProperty("latest_assessment") RecordedAssessment latestAssessment) {
    }

    /** What a submission answers: the new engagement's id and the tier it was assessed at. */
    record Submitted(String id, Tier tier) {
    }

    @GetMapping("/engagements")
    @Tag(name = ENGAGEMENTS)
    @Operation(summary = "List engagements, oldest first, with each one's latest tier")
    List<EngagementRow> listEngagements(Actor actor) {
        Map<String, Tier> tiers = assessments.latestTiers();
        return engagements.visibleTo(actor).stream().map(s -> new EngagementRow(s.id(), s.status().key(),
                s.engagement().title(), s.engagement().type().key(), s.engagement().submittedOn(), tiers.get(s.id()))).toList();
    }

    @GetMapping("/engagements/{id}")
    @Tag(name = ENGAGEMENTS)
    @Operation(summary = "An engagement as submitted, with its latest assessment")
    EngagementView getEngagement(@PathVariable String id, Actor actor) {
        StoredEngagement s = stored(id, actor);
        return new EngagementView(s.id(), s.status().key(), s.createdAt(), s.engagement(), assessments.latest(id).orElse(null));
    }

    @PostMapping(path = "/engagements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = ENGAGEMENTS)
    @Operation(summary = "Submit an engagement: validate it against /api/schemas/engagement, store it and assess it")
    @ApiResponse(responseCode = "201", description = "Stored and assessed; Location names the new engagement")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = ENGAGEMENT_JSON, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Engagement.class)))
    ResponseEntity<Submitted> submitEngagement(@RequestBody String body, Actor actor) {
        String source = "POST /api/engagements";
        StoredEngagement stored = engagements.submit(EngagementDocuments.read(body, source), source, actor);
        Tier tier = assessments.latest(stored.id()).map(r -> r.assessment().tier()).orElse(null);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(stored.id()).toUri()).body(new Submitted(stored.id(), tier));
    }

    @GetMapping("/engagements/{id}/assessments")
    @Tag(name = ENGAGEMENTS)
    @Operation(summary = "Every assessment recorded for an engagement, oldest first")
    List<RecordedAssessment> engagementAssessments(@PathVariable String id, Actor actor) {
        stored(id, actor);
        return assessments.history(id);
    }

    @PostMapping("/engagements/{id}/assessments")
    @Tag(name = ENGAGEMENTS)
    @Operation(summary = "Assess a stored engagement again now (as of its submission date, or as_of) and record it")
    RecordedAssessment reassessEngagement(@PathVariable String id,
            @Parameter(description = AS_OF) @RequestParam(name = "as_of", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Actor actor) {
        stored(id, actor);
        return assessments.assessAndRecord(id, asOf, actor.username());
    }

    @PostMapping(path = "/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = ASSESSMENTS)
    @Operation(summary = "Assess an engagement without storing it (as of its submitted_on, or as_of)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = ENGAGEMENT_JSON, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Engagement.class)))
    Assessment assessEngagement(@RequestBody String body,
            @Parameter(description = AS_OF) @RequestParam(name = "as_of", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String source = "POST /api/assessments";
        Engagement engagement = EngagementDocuments.read(body, source);
        engagements.validate(engagement, source);
        return assessor.assess(engagement, asOf);
    }

    /** The engagement if the actor may see it; one a submitter may not see is answered as if it did not exist. */
    private StoredEngagement stored(String id, Actor actor) {
        return engagements.findVisible(id, actor).orElseThrow(() -> new NotFound("no engagement " + id));
    }
}
