package edu.scrutiny.app.web;

import edu.scrutiny.app.directives.Directive;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.directives.StoredDirective;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.Policy;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.policy.PolicyDocuments;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Directives, country lists and the policy: the current version, the history, and an edit form. */
@Controller
class ReferencePages {
    private static final int BLANK_ROWS = 3;
    private static final Pattern COUNTRY_FIELD = Pattern.compile("countries\\[(\\d+)](.*)");

    private final Directives directives;
    private final CountryLists countryLists;
    private final Policies policies;

    ReferencePages(Directives directives, CountryLists countryLists, Policies policies) {
        this.directives = directives;
        this.countryLists = countryLists;
        this.policies = policies;
    }

    // ---- directives

    @GetMapping("/directives")
    String directives(Model model) {
        List<StoredDirective> current = directives.current();
        model.addAttribute("directives", current);
        model.addAttribute("yaml", "");
        model.addAttribute("errors", FieldErrors.none());
        return "directives/index";
    }

    @GetMapping("/directives/{id}")
    String directive(@PathVariable String id, Model model) {
        List<StoredDirective> history = directives.history(id);
        if (history.isEmpty()) {
            throw new NotFound("no directive " + id);
        }
        model.addAttribute("history", history.reversed());
        model.addAttribute("current", history.getLast());
        model.addAttribute("yaml", Documents.YAML.writeValueAsString(List.of(history.getLast().directive())));
        return "directives/show";
    }

    @PostMapping("/directives")
    String importDirectives(@RequestParam(defaultValue = "") String yaml, Model model, RedirectAttributes redirect) {
        try {
            List<Directive> read = DirectiveDocuments.read(yaml, "directives");
            Directives.ImportSummary summary = directives.importAll(read, WebSupport.actor());
            redirect.addFlashAttribute("notice", summary.added() + " added, " + summary.revised() + " revised, "
                    + summary.unchanged() + " unchanged");
            return "redirect:/directives";
        } catch (InvalidInput e) {
            directives(model);
            model.addAttribute("yaml", yaml);
            model.addAttribute("errors", FieldErrors.of(e));
            return "directives/index";
        }
    }

    // ---- country lists

    @GetMapping("/country-lists")
    String countryLists(Model model) {
        model.addAttribute("lists", countryLists.currentAll());
        return "country-lists/index";
    }

    /** A row of the edit form: a country kept, changed or removed, or a blank row to add one. */
    record CountryRow(String code, String reason, boolean remove) {
    }

    @GetMapping("/country-lists/{key}")
    String countryList(@PathVariable String key, Model model) {
        CountryList current = current(key);
        List<CountryRow> rows = new ArrayList<>();
        current.countries().forEach(c -> rows.add(new CountryRow(c.code(), c.reason(), false)));
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new CountryRow("", "", false));
        }
        return countryPage(current, rows, "", current.revisitBy() == null ? "" : current.revisitBy().toString(),
                FieldErrors.none(), model);
    }

    @PostMapping("/country-lists/{key}")
    String updateCountryList(@PathVariable String key, @RequestParam MultiValueMap<String, String> params, Model model,
                             RedirectAttributes redirect) {
        CountryList current = current(key);
        List<CountryRow> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("countries[" + i + "].code") && i < 1000; i++) {
            String at = "countries[" + i + "]";
            rows.add(new CountryRow(CountryNames.INSTANCE.code(value(params, at + ".code")).toUpperCase(java.util.Locale.ROOT),
                    value(params, at + ".reason").strip(), params.containsKey(at + ".remove")));
        }
        // the list as it will be: rows not removed and not blank; remember each one's row in the form
        List<CountryList.Country> countries = new ArrayList<>();
        List<Integer> formRow = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CountryRow r = rows.get(i);
            if (r.remove() || (r.code().isEmpty() && r.reason().isEmpty())) {
                continue;
            }
            countries.add(new CountryList.Country(r.code(), r.reason()));
            formRow.add(i);
        }
        String note = value(params, "note").strip();
        String revisit = value(params, "revisit_by").strip();
        List<InvalidInput.Problem> problems = new ArrayList<>();
        LocalDate revisitBy = null;
        if (!revisit.isEmpty()) {
            try {
                revisitBy = LocalDate.parse(revisit);
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput.Problem("revisit_by", "'" + revisit + "' is not a date (YYYY-MM-DD)"));
            }
        }
        if (note.isEmpty()) {
            problems.add(new InvalidInput.Problem("note", "is required: say why this version is made"));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInput("country list " + key, problems);
            }
            CountryList updated = countryLists.update(key, countries, note, revisitBy, WebSupport.actor());
            redirect.addFlashAttribute("notice", "Version " + updated.version() + " of " + key + " recorded");
            return "redirect:/country-lists/" + key;
        } catch (InvalidInput e) {
            FieldErrors errors = FieldErrors.of(e, field -> {
                Matcher m = COUNTRY_FIELD.matcher(field == null ? "" : field);
                if (m.matches()) {
                    int listIndex = Integer.parseInt(m.group(1));
                    return listIndex < formRow.size() ? "countries[" + formRow.get(listIndex) + "]" + m.group(2) : field;
                }
                return field;
            });
            return countryPage(current, rows, note, revisit, errors, model);
        }
    }

    private String countryPage(CountryList current, List<CountryRow> rows, String note, String revisit,
                               FieldErrors errors, Model model) {
        model.addAttribute("list", current);
        model.addAttribute("history", countryLists.history(current.key()).reversed());
        model.addAttribute("rows", rows);
        model.addAttribute("note", note);
        model.addAttribute("revisit", revisit);
        model.addAttribute("errors", errors);
        return "country-lists/show";
    }

    private CountryList current(String key) {
        if (!CountryList.KEYS.contains(key)) {
            throw new NotFound("no country list " + key);
        }
        return countryLists.current(key);
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    // ---- policy

    @GetMapping("/policy")
    String policy(Model model) {
        Policy current = policies.current();
        return policyPage(current, pretty(current.document()), "", FieldErrors.none(), model);
    }

    @PostMapping("/policy")
    String updatePolicy(@RequestParam(defaultValue = "") String document, @RequestParam(defaultValue = "") String note,
                        Model model, RedirectAttributes redirect) {
        try {
            if (note.isBlank()) {
                throw new InvalidInput("policy", "note", "is required: say why the policy changes");
            }
            PolicyDocument read = PolicyDocuments.read(document, "policy");
            Policy updated = policies.update(read, note.strip(), WebSupport.actor());
            redirect.addFlashAttribute("notice", "Policy version " + updated.version() + " recorded");
            return "redirect:/policy";
        } catch (InvalidInput e) {
            return policyPage(policies.current(), document, note, FieldErrors.of(e), model);
        }
    }

    @GetMapping("/policy/versions/{version}")
    String policyVersion(@PathVariable int version, Model model) {
        Policy p = policies.history().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NotFound("no policy version " + version));
        model.addAttribute("policy", p);
        model.addAttribute("json", pretty(p.document()));
        return "policy/version";
    }

    private String policyPage(Policy current, String document, String note, FieldErrors errors, Model model) {
        model.addAttribute("policy", current);
        model.addAttribute("history", policies.history().reversed());
        model.addAttribute("document", document);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        return "policy/index";
    }

    private static String pretty(Object value) {
        return Documents.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
