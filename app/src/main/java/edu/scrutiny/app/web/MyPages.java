package edu.scrutiny.app.web;

import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.notification.Notification;
import edu.scrutiny.app.notification.Notifications;
import edu.scrutiny.app.policy.Tier;
import edu.scrutiny.app.review.AnswerInformation;
import edu.scrutiny.app.review.AttestCondition;
import edu.scrutiny.app.review.CaseRecords;
import edu.scrutiny.app.review.Cases;
import edu.scrutiny.app.review.ReviewCase;
import edu.scrutiny.app.support.Conflict;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.app.support.NotPermitted;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The submitter's side: the engagements the signed-in user submitted (a staff member sees their own
 * too) and their notifications; one of their engagements with its case's status, the open question
 * and its answer form, decisions and conditions (the user attests those they own). Another user's
 * engagement does not exist here (404). Never the analysts' notes, the hits nor the timeline: only
 * what was submitted and what the review asks of and tells the submitter.
 */
@Controller
class MyPages {
    private final Engagements engagements;
    private final Assessments assessments;
    private final Cases cases;
    private final AnswerInformation answerInformation;
    private final AttestCondition attestCondition;
    private final Notifications notifications;

    MyPages(Engagements engagements, Assessments assessments, Cases cases, AnswerInformation answerInformation,
            AttestCondition attestCondition, Notifications notifications) {
        this.engagements = engagements;
        this.assessments = assessments;
        this.cases = cases;
        this.answerInformation = answerInformation;
        this.attestCondition = attestCondition;
        this.notifications = notifications;
    }

    /** A line of the list: the engagement, its latest tier and its latest case (either null before there is one). */
    record Line(StoredEngagement stored, Tier tier, ReviewCase reviewCase) {
    }

    @GetMapping("/mine")
    String mine(Actor actor, Model model) {
        Map<String, Tier> tiers = assessments.latestTiers();
        List<Line> lines = engagements.submittedBy(actor.username()).stream()
                .map(s -> new Line(s, tiers.get(s.id()), latestCase(s.id(), actor)))
                .toList()
                .reversed();
        // unread first, each group newest first (the service answers newest first; the sort is stable)
        List<Notification> told = notifications.forActor(actor).stream()
                .sorted(Comparator.comparing((Notification n) -> n.readAt() != null))
                .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("notifications", told);
        model.addAttribute("me", actor.username());
        return "mine/index";
    }

    /** Marks one of the user's own notifications read: htmx swaps in the row, without htmx back to the list. */
    @PostMapping("/mine/notifications/{id}/read")
    String read(@PathVariable long id, Actor actor, Model model, HttpServletRequest request) {
        Notification n = notifications.markRead(id, actor);
        if (!WebSupport.htmx(request)) {
            return "redirect:/mine";
        }
        model.addAttribute("n", n);
        model.addAttribute("me", actor.username());
        return "mine/notification :: row";
    }

    @GetMapping("/mine/{id}")
    String show(@PathVariable String id, Actor actor, Model model) {
        return page(own(id, actor), actor, FormState.none(), model);
    }

    @PostMapping("/mine/{id}/answer")
    String answer(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
                  RedirectAttributes redirect) {
        StoredEngagement stored = own(id, actor);
        return act(stored, "answer", form, actor, model, redirect, "Answer sent: the case returns to its reviewers", () -> {
            ReviewCase c = latestCase(stored.id(), actor);
            if (c == null) {
                throw new Conflict("engagement " + stored.id() + " has no case waiting for an answer");
            }
            return answerInformation.answer(c.id(), form.get("answer"), actor);
        });
    }

    @PostMapping("/mine/{id}/attestations")
    String attest(@PathVariable String id, @RequestParam Map<String, String> form, Actor actor, Model model,
                  RedirectAttributes redirect) {
        StoredEngagement stored = own(id, actor);
        String name = "attest-" + form.getOrDefault("condition_id", "");
        return act(stored, name, form, actor, model, redirect, "Condition attested", () -> {
            long condition;
            try {
                condition = Long.parseLong(form.getOrDefault("condition_id", "").strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("engagement " + stored.id(), "condition_id", "is required and must be a number");
            }
            // a condition of one of this engagement's cases, else there is no such condition here
            for (ReviewCase c : cases.forEngagement(stored.id(), actor)) {
                if (cases.conditions(c.id(), actor).stream().anyMatch(k -> k.id() == condition)) {
                    return attestCondition.attest(c.id(), condition, form.get("statement"), actor);
                }
            }
            throw new NotFound("no condition " + condition + " on engagement " + stored.id());
        });
    }

    /** The user's own engagement, or 404: another user's engagement is answered as a missing one. */
    private StoredEngagement own(String id, Actor actor) {
        return engagements.findSubmittedBy(id, actor.username()).orElseThrow(() -> new NotFound("no engagement " + id));
    }

    private ReviewCase latestCase(String engagementId, Actor actor) {
        List<ReviewCase> all = cases.forEngagement(engagementId, actor);
        return all.isEmpty() ? null : all.getLast();
    }

    private String act(StoredEngagement stored, String formName, Map<String, String> form, Actor actor, Model model,
                       RedirectAttributes redirect, String notice, Supplier<Object> action) {
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("_csrf");
        FormState state;
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/mine/" + stored.id();
        } catch (NotPermitted e) {
            state = FormState.refused(formName, values, "Not permitted: " + e.getMessage());
        } catch (Conflict e) {
            state = FormState.refused(formName, values, "Not now: " + e.getMessage());
        } catch (InvalidInput e) {
            state = FormState.invalid(formName, values, e);
        }
        return page(stored, actor, state, model);
    }

    /** What the submitter sees of a case: never the analysts' notes, the hits nor the timeline. */
    record CaseShown(ReviewCase reviewCase, List<CaseRecords.InformationRequest> requests, List<CaseRecords.Condition> conditions,
                     List<CaseRecords.Decision> decisions) {
        public CaseRecords.InformationRequest pending() {
            return requests.stream().filter(r -> r.answer() == null).reduce((a, b) -> b).orElse(null);
        }
    }

    private String page(StoredEngagement stored, Actor actor, FormState state, Model model) {
        ReviewCase c = latestCase(stored.id(), actor);
        CaseShown shown = null;
        if (c != null) {
            Cases.CaseView view = cases.view(c.id(), actor);
            shown = new CaseShown(view.reviewCase(), view.informationRequests(), view.conditions(), view.decisions());
        }
        model.addAttribute("stored", stored);
        model.addAttribute("e", stored.engagement());
        model.addAttribute("tier", assessments.latest(stored.id()).map(r -> r.assessment().tier()).orElse(null));
        model.addAttribute("shown", shown);
        model.addAttribute("form", state);
        model.addAttribute("me", actor.username());
        return "mine/show";
    }
}
