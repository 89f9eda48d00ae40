package edu.scrutiny.app.web;

import edu.scrutiny.app.support.Labels;
import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import edu.scrutiny.app.review.AddNote;
import edu.scrutiny.app.review.AdjudicateHit;
import edu.scrutiny.app.review.AssignCase;
import edu.scrutiny.app.review.AttachCondition;
import edu.scrutiny.app.review.AttestCondition;
import edu.scrutiny.app.review.CaseRecords;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.Decide;
import edu.scrutiny.app.review.Mitigation;
import edu.scrutiny.app.review.Outcome;
import edu.scrutiny.app.review.Queues;
import edu.scrutiny.app.review.Recommend;
import edu.scrutiny.app.review.Recommendation;
import edu.scrutiny.app.review.RequestInformation;
import edu.scrutiny.app.review.ReviewCase;
import edu.scrutiny.app.review.Stage;
import edu.scrutiny.app.review.Verdict;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotPermitted;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review queues and one case's page with its forms. Every form calls the same use case as the
 * REST API, as the signed-in user; a refusal (not permitted, a conflict with the case's state, a bad
 * field) is shown on the page beside the form or field, not as an error page.
 */
@Controller
class CasePages {
    /** The queues in the order of the page's sections. */
    static final List<Stage> STAGES = List.of(Stage.COMPLIANCE_REVIEW, Stage.FACULTY_COMMITTEE, Stage.SENIOR_RISK_GROUP,
            Stage.ANALYST_DECLINE);

    private final Cases cases;
    private final Queues queues;
    private final Engagements engagements;
    private final RequestInformation requestInformation;
    private final AdjudicateHit adjudicateHit;
    private final AttachCondition attachCondition;
    private final AttestCondition attestCondition;
    private final Recommend recommend;
    private final Decide decide;
    private final AddNote addNote;
    private final AssignCase assignCase;
    private final java.time.Clock clock;

    CasePages(Cases cases, Queues queues, Engagements engagements, RequestInformation requestInformation,
              AdjudicateHit adjudicateHit, AttachCondition attachCondition, AttestCondition attestCondition,
              Recommend recommend, Decide decide, AddNote addNote, AssignCase assignCase, java.time.Clock clock) {
        this.cases = cases;
        this.queues = queues;
        this.engagements = engagements;
        this.requestInformation = requestInformation;
        this.adjudicateHit = adjudicateHit;
        this.attachCondition = attachCondition;
        this.attestCondition = attestCondition;
        this.recommend = recommend;
        this.decide = decide;
        this.addNote = addNote;
        this.assignCase = assignCase;
        this.clock = clock;
    }

    /** A queue on the page: its cases, or null when the user may not see it (then {@code why} says so). */
    record Queue(Stage stage, List<Queues.Entry> entries, String why) {
        public long overdue() {
            return entries == null ? 0 : entries.stream().filter(Queues.Entry::overdue).count();
        }
    }

    @GetMapping("/cases")
    String queues(Actor actor, Model model) {
        List<Queue> shown = new ArrayList<>();
        for (Stage stage : STAGES) {
            try {
                shown.add(new Queue(stage, queues.forStage(stage, actor), null));
            } catch (NotPermitted e) {
                // said in words (the review module's message names the keys, for the API)
                shown.add(new Queue(stage, null, "The " + Labels.words().of(stage).toLowerCase(java.util.Locale.ROOT)
                        + " queue is for users with the role " + Labels.words().of(stage.role()).toLowerCase(java.util.Locale.ROOT) + "."));
            }
        }
        model.addAttribute("queues", shown);
        return "cases/queues";
    }

    /** A hit of the case's assessment, with the adjudications recorded on it. */
    record HitLine(int index, AssessedHit hit, List<CaseRecords.Adjudication> adjudications) {
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Actor actor, Model model) {
        return page(id, actor, FormState.none(), model);
    }

    @PostMapping("/cases/{id}/request-information")
    String requestInformation(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model,
                              RedirectAttributes redirect) {
        return act(id, "request", form, actor, model, redirect, "Information requested: the case waits for the submitter's answer",
                () -> requestInformation.request(id, form.get("question"), actor));
    }

    @PostMapping("/cases/{id}/adjudications")
    String adjudicate(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model,
                      RedirectAttributes redirect) {
        String name = "adjudicate-" + form.getOrDefault("hit", "");
        return act(id, name, form, actor, model, redirect, "Hit adjudicated", () -> {
            Verdict verdict = choice(id, Verdict.class, form.get("verdict"), "verdict");
            AdjudicateHit.Result r = adjudicateHit.adjudicate(id, new AdjudicateHit.HitRef(form.get("party"), form.get("list"),
                    form.get("source_id")), verdict, form.get("reason"), actor);
            return r;
        });
    }

    @PostMapping("/cases/{id}/conditions")
    String attach(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model,
                  RedirectAttributes redirect) {
        return act(id, "condition", form, actor, model, redirect, "Condition attached", () -> {
            Mitigation kind = choice(id, Mitigation.class, form.get("kind"), "kind");
            LocalDate due = date(id, form.get("due_on"), "due_on");
            return attachCondition.attach(id, kind, form.get("detail"), form.get("owner"), due, actor);
        });
    }

    @PostMapping("/cases/{id}/attestations")
    String attest(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model,
                  RedirectAttributes redirect) {
        String name = "attest-" + form.getOrDefault("condition_id", "");
        return act(id, name, form, actor, model, redirect, "Condition attested", () -> {
            Long condition = number(id, form.get("condition_id"), "condition_id");
            if (condition == null) {
                throw new InvalidInput("case " + id, "condition_id", "is required");
            }
            return attestCondition.attest(id, condition, form.get("statement"), actor);
        });
    }

    @PostMapping("/cases/{id}/recommendations")
    String recommend(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model,
                     RedirectAttributes redirect) {
        return act(id, "recommend", form, actor, model, redirect, "Recommendation recorded: the case passes to its next stage",
                () -> recommend.recommend(id, choice(id, Recommendation.class, form.get("recommendation"), "recommendation"),
                        form.get("rationale"), actor));
    }

    @PostMapping("/cases/{id}/decisions")
    String decide(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model,
                  RedirectAttributes redirect) {
        return act(id, "decide", form, actor, model, redirect, "Decision recorded", () -> {
            Outcome outcome = choice(id, Outcome.class, form.get("outcome"), "outcome");
            Long reverses = number(id, form.get("reverses"), "reverses");
            String cites = form.get("cites");
            return decide.decide(id, outcome, form.get("rationale"), cites == null || cites.isBlank() ? null : cites, reverses, actor);
        });
    }

    @PostMapping("/cases/{id}/notes")
    String note(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model,
                RedirectAttributes redirect) {
        return act(id, "note", form, actor, model, redirect, "Note added", () -> addNote.add(id, form.get("body"), actor));
    }

    /** The signed-in analyst takes the case: monitoring's alerts on its engagement reach them alone. */
    @PostMapping("/cases/{id}/analyst")
    String take(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes redirect) {
        return act(id, "take", form, actor, model, redirect, "You are the case's analyst: its alerts reach you",
                () -> assignCase.assign(id, null, actor));
    }

    /** Runs an action; on success back to the case's page with a notice, on a refusal the page with the form as posted. */
    private String act(long id, String formName, Map<String, String> form, Actor actor, Model model, RedirectAttributes redirect,
                       String notice, java.util.function.Supplier<Object> action) {
        cases.get(id, actor); // a case the user may not see does not exist (404), whatever the form
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("_csrf");
        FormState state;
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/cases/" + id;
        } catch (NotPermitted e) {
            state = FormState.refused(formName, values, "Not permitted: " + e.getMessage());
        } catch (Conflict e) {
            state = FormState.refused(formName, values, "Not now: " + e.getMessage());
        } catch (InvalidInput e) {
            state = FormState.invalid(formName, values, e);
        }
        return page(id, actor, state, model);
    }

    private String page(long id, Actor actor, FormState state, Model model) {
        Cases.CaseView view = cases.view(id, actor);
        ReviewCase c = view.reviewCase();
        List<HitLine> hits = new ArrayList<>();
        if (view.assessment() != null) {
            List<AssessedHit> all = view.assessment().hits();
            for (int i = 0; i < all.size(); i++) {
                AssessedHit h = all.get(i);
                hits.add(new HitLine(i, h, view.adjudications().stream().filter(a -> a.sameHit(h.party(), h.list(), h.sourceId())).toList()));
            }
        }
        model.addAttribute("view", view);
        model.addAttribute("c", c);
        model.addAttribute("stored", engagements.find(c.engagementId()).orElse(null));
        model.addAttribute("a", view.assessment());
        model.addAttribute("hits", hits);
        model.addAttribute("form", state);
        model.addAttribute("analyst", actor.has(Role.ANALYST));
        model.addAttribute("actor", actor.username());
        model.addAttribute("participant", actor.hasAny(Role.ANALYST, Role.REVIEWER));
        // the forms of the stage's work are shown to those who act in the stage (the use cases check it again)
        model.addAttribute("stageRole", c.stage() != null && actor.has(c.stage().role()));
        model.addAttribute("overdue", c.status() == edu.scrutiny.app.review.CaseStatus.OPEN && c.dueAt() != null
                && clock.instant().isAfter(c.dueAt()));
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("mitigations", Mitigation.values());
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1).toString());
        return "cases/show";
    }

    private static <E extends Enum<E>> E choice(long id, Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null; // the use case names what is required
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("case " + id, field, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).map(n -> n.toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static LocalDate date(long id, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("case " + id, field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Long number(long id, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("case " + id, field, "'" + value + "' is not a number");
        }
    }
}
