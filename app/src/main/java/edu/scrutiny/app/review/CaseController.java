package edu.scrutiny.app.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * Review cases over the REST API: queues, one case with everything on it, and the actions. The
 * acting user ({@link Actor}) is resolved by the identity module from the signed-in user; every
 * rule about who may do what is the services'.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Review cases", description = "Queues, cases, and the actions of review and decision")
class CaseController {
    private static final String CASE_ID = "The case's id";

    private final Cases cases;
    private final Queues queues;
    private final RequestInformation requestInformation;
    private final AnswerInformation answerInformation;
    private final AdjudicateHit adjudicateHit;
    private final AttachCondition attachCondition;
    private final AttestCondition attestCondition;
    private final Recommend recommend;
    private final Decide decide;
    private final AddNote addNote;
    private final AssignCase assignCase;

    CaseController(Cases cases, Queues queues, RequestInformation requestInformation, AnswerInformation answerInformation,
                   AdjudicateHit adjudicateHit, AttachCondition attachCondition, AttestCondition attestCondition, Recommend recommend,
                   Decide decide, AddNote addNote, AssignCase assignCase) {
        this.cases = cases;
        this.queues = queues;
        this.requestInformation = requestInformation;
        this.answerInformation = answerInformation;
        this.adjudicateHit = adjudicateHit;
        this.attachCondition = attachCondition;
        this.attestCondition = attestCondition;
        this.recommend = recommend;
        this.decide = decide;
        this.addNote = addNote;
        this.assignCase = assignCase;
    }

    record Question(String question) {
    }

    record Answer(String answer) {
    }

    record AdjudicationRequest(String party, String list, @JsonProperty("source_id") String sourceId, Verdict verdict, String reason) {
    }

    record ConditionRequest(Mitigation kind, String detail, String owner, @JsonProperty("due_on") LocalDate dueOn) {
    }

    record AttestationRequest(@JsonProperty("condition_id") Long conditionId, String statement) {
    }

    record RecommendationRequest(Recommendation recommendation, String rationale) {
    }

    record DecisionRequest(Outcome outcome, String rationale, String cites, Long reverses) {
    }

    record NoteRequest(String body) {
    }

    record AnalystRequest(String analyst) {
    }

    @GetMapping
    @Operation(summary = "The queues: open cases, soonest due first, with age and overdue flag",
            description = "With stage: that stage's queue (for those who act in it, administrators and auditors); "
                    + "without: every queue the user may see. overdue=true keeps only the overdue cases.")
    List<Queues.Entry> queue(@Parameter(hidden = true) Actor actor,
                             @Parameter(description = "analyst_decline, compliance_review, faculty_committee or senior_risk_group")
                             @RequestParam(required = false) String stage,
                             @Parameter(description = "only the cases past their stage's due date")
                             @RequestParam(defaultValue = "false") boolean overdue) {
        List<Queues.Entry> entries = stage == null ? queues.all(actor) : queues.forStage(Stage.fromKey(stage), actor);
        return overdue ? entries.stream().filter(Queues.Entry::overdue).toList() : entries;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case: its engagement's assessment (hits and reasons), adjudications, requests for information, "
            + "conditions, recommendations, decisions, internal notes (not for submitters) and its timeline from the audit trail")
    @ApiResponse(responseCode = "404", description = "No such case, or one the user may not see")
    Cases.CaseView get(@Parameter(hidden = true) Actor actor, @Parameter(description = CASE_ID) @PathVariable long id) {
        return cases.view(id, actor);
    }

    @PostMapping(path = "/{id}/request-information", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask the submitter for information: the case waits for the answer, the submitter is told")
    CaseRecords.InformationRequest requestInformation(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody Question body) {
        return requestInformation.request(id, body.question(), actor);
    }

    @PostMapping(path = "/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The submitter answers the request for information: the case returns to its queue")
    CaseRecords.InformationRequest answer(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody Answer body) {
        return answerInformation.answer(id, body.answer(), actor);
    }

    @PostMapping(path = "/{id}/adjudications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adjudicate a hit as TRUE_MATCH or FALSE_POSITIVE, with a reason (analysts)",
            description = "A FALSE_POSITIVE on a sanctions hit counts once a second, different analyst adjudicates it FALSE_POSITIVE too.")
    AdjudicateHit.Result adjudicate(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody AdjudicationRequest body) {
        return adjudicateHit.adjudicate(id, new AdjudicateHit.HitRef(body.party(), body.list(), body.sourceId()), body.verdict(),
                body.reason(), actor);
    }

    @PostMapping(path = "/{id}/conditions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a condition from the mitigation library, with owner and due date")
    CaseRecords.Condition attach(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody ConditionRequest body) {
        return attachCondition.attach(id, body.kind(), body.detail(), body.owner(), body.dueOn(), actor);
    }

    @PostMapping(path = "/{id}/attestations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The condition's owner attests that it is met")
    CaseRecords.Attestation attest(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody AttestationRequest body) {
        if (body.conditionId() == null) {
            throw new edu.scrutiny.app.support.InvalidInput("POST /api/cases/" + id + "/attestations", "condition_id", "is required");
        }
        return attestCondition.attest(id, body.conditionId(), body.statement(), actor);
    }

    @PostMapping(path = "/{id}/recommendations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Recommend (APPROVE, APPROVE_WITH_CONDITIONS, DECLINE, DEFER) with a rationale, passing the case to its next stage")
    CaseRecords.RecommendationMade recommend(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody RecommendationRequest body) {
        return recommend.recommend(id, body.recommendation(), body.rationale(), actor);
    }

    @PostMapping(path = "/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Decide (APPROVED, APPROVED_WITH_CONDITIONS, DECLINED, DEFERRED) with a rationale",
            description = "In the case's last stage. A PROHIBITED case is declined by an analyst citing the directive or list entry "
                    + "(cites). A reversal names the decision it reverses (reverses); decisions are never edited.")
    @ApiResponse(responseCode = "409", description = "The case's state does not allow it (decided already, waiting for information, not in its last stage)")
    CaseRecords.Decision decide(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody DecisionRequest body) {
        return decide.decide(id, body.outcome(), body.rationale(), body.cites(), body.reverses(), actor);
    }

    @GetMapping("/{id}/notes")
    @Operation(summary = "The analysts' internal notes on a case (never for submitters)")
    List<CaseRecords.Note> notes(@Parameter(hidden = true) Actor actor, @PathVariable long id) {
        return cases.notes(id, actor);
    }

    @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write an internal note on a case (analysts and reviewers)")
    CaseRecords.Note note(@Parameter(hidden = true) Actor actor, @PathVariable long id, @RequestBody NoteRequest body) {
        return addNote.add(id, body.body(), actor);
    }

    @PostMapping("/{id}/analyst")
    @Operation(summary = "Take the case (no analyst named) or assign it to a user who holds the analyst role (analysts, administrators)",
            description = "The case's analyst is whom monitoring's alerts on its engagement reach; the first analyst to act on an "
                    + "unassigned case becomes its analyst without this.")
    @ApiResponse(responseCode = "400", description = "The user named does not exist, is disabled or does not hold the analyst role")
    ReviewCase assign(@Parameter(hidden = true) Actor actor, @Parameter(description = CASE_ID) @PathVariable long id,
                      @RequestBody(required = false) String text) {
        // read strictly: an unknown field is an error, not a request to take the case
        AnalystRequest body = text == null || text.isBlank() ? null
                : edu.scrutiny.app.support.JsonBodies.read(text, AnalystRequest.class, "POST /api/cases/" + id + "/analyst");
        return assignCase.assign(id, body == null ? null : body.analyst(), actor);
    }
}
