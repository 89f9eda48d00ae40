package edu.scrutiny.app.web;

import edu.scrutiny.app.desk.LoggedScreening;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.lists.Schema;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ResponseBody;
import java.util.List;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.EngagementDocuments;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.reference.ResearchAreas;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/** Intake: the form for a new engagement (or a renewal of a stored one), checked as the API checks it. */
@Controller
class IntakeController {
    private static final String SOURCE = "engagement form";

    private final Engagements engagements;
    private final ResearchAreas researchAreas;
    private final Clock clock;

    private final ScreeningLog screenings;
    private final Institutions institutions;

    IntakeController(Engagements engagements, ResearchAreas researchAreas, ScreeningLog screenings, Institutions institutions, Clock clock) {
        this.engagements = engagements;
        this.institutions = institutions;
        this.screenings = screenings;
        this.researchAreas = researchAreas;
        this.clock = clock;
    }

    @GetMapping("/engagements/new")
    String form(@RequestParam(required = false) String renews, @RequestParam(required = false) Long screening, Actor actor, Model model) {
        String today = LocalDate.now(clock).toString();
        IntakeForm form;
        if (renews != null && !renews.isBlank()) {
            // only an engagement the user may see (a submitter: their own); another's is answered as a missing one
            StoredEngagement stored = engagements.findVisible(renews, actor).orElseThrow(() -> new NotFound("no engagement " + renews));
            form = IntakeForm.renewalOf(stored.id(), stored.engagement(), today);
        } else if (screening != null) {
            // Start an engagement from a screening at the desk: its party, pre-filled (the log checks the user may read it)
            LoggedScreening s = screenings.find(screening, actor);
            form = IntakeForm.counterparty(today, s.query().name(), s.query().schema() == Schema.PERSON,
                    s.query().countries().isEmpty() ? null : s.query().countries().getFirst(), s.query().purpose());
        } else {
            form = IntakeForm.blank(today);
        }
        return render(form, FieldErrors.none(), model);
    }

    @PostMapping("/engagements/new")
    String submit(@RequestParam MultiValueMap<String, String> params, Actor actor, Model model, HttpServletRequest request) {
        IntakeForm form = IntakeForm.posted(params);
        try {
            Engagement engagement = EngagementDocuments.read(form.toJson(), SOURCE);
            StoredEngagement stored = engagements.submit(engagement, SOURCE, actor);
            // staff go to the engagement's page; a submitter (who may not see the staff pages) to their own page of it
            return WebSupport.staff(request) ? "redirect:/engagements/" + stored.id() : "redirect:/mine/" + stored.id();
        } catch (InvalidInput e) {
            model.addAttribute("invalid", true);
            return render(form, FieldErrors.of(e), model);
        }
    }

    /** Another party row (htmx appends it, and swaps the button for one that adds the row after it). */
    @GetMapping("/engagements/new/party")
    String partyRow(@RequestParam int index, Model model) {
        if (index < 0 || index >= IntakeForm.MAX_PARTIES) {
            throw new NotFound("no party row " + index);
        }
        model.addAttribute("i", index);
        model.addAttribute("form", IntakeForm.blank(""));
        model.addAttribute("errors", FieldErrors.none());
        options(model);
        return "engagements/fields :: party-added";
    }

    /** One institution the form suggests for a party's name: its display name, short ROR id and countries. */
    record InstitutionSuggestion(String name, String ror, List<String> countries, String status) {
    }

    /**
     * The institutions of the imported ROR dump whose names begin as {@code q} does, for the party
     * name fields (js/scrutiny.js fills the form's datalist from it): at most {@code limit} (10),
     * none without a dump. JSON, written escaped by Jackson and read by the script into option
     * elements' properties, never as markup. For the form's users, as the form is.
     */
    @GetMapping(value = "/engagements/new/institutions", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @io.swagger.v3.oas.annotations.Hidden // the form's helper, behind the pages' sign-in: not part of the REST API

    List<InstitutionSuggestion> institutionSuggestions(@RequestParam(defaultValue = "") String q,
                                                       @RequestParam(defaultValue = "10") int limit) {
        if (q.length() > 200) {
            throw new InvalidInput(SOURCE, "q", "at most 200 characters, not " + q.length());
        }
        return institutions.suggest(q, limit).stream()
                .map(r -> new InstitutionSuggestion(r.displayName(), r.id().substring(r.id().lastIndexOf('/') + 1), r.countries(), r.status()))
                .toList();
    }

    private String render(IntakeForm form, FieldErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        options(model);
        return "engagements/new";
    }

    private void options(Model model) {
        model.addAttribute("types", Arrays.stream(Engagement.Type.values()).map(Engagement.Type::key).toList());
        model.addAttribute("sources", Arrays.stream(Engagement.FundingSource.values()).map(Engagement.FundingSource::key).toList());
        model.addAttribute("kinds", Arrays.stream(Engagement.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
        model.addAttribute("roles", Arrays.stream(Engagement.Role.values()).map(Engagement.Role::key).toList());
        model.addAttribute("controllerRoles", Arrays.stream(Engagement.ControllerRole.values()).map(Engagement.ControllerRole::key).toList());
        model.addAttribute("orgTypes", Arrays.stream(Engagement.OrganizationType.values()).map(Engagement.OrganizationType::key).toList());
        model.addAttribute("researchAreas", researchAreas.all());
    }
}
