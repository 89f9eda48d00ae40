package edu.scrutiny.app.web;

import edu.scrutiny.app.support.Labels;
import edu.scrutiny.app.desk.BatchStatus;
import edu.scrutiny.app.desk.Channel;
import edu.scrutiny.app.desk.DeskQueries;
import edu.scrutiny.app.desk.DeskQuery;
import edu.scrutiny.app.desk.DisposeResult;
import edu.scrutiny.app.desk.LogSearch;
import edu.scrutiny.app.desk.LoggedScreening;
import edu.scrutiny.app.desk.Outcome;
import edu.scrutiny.app.desk.ScreeningBatches;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.desk.Verdict;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotPermitted;
import edu.scrutiny.app.support.TooLarge;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The screening desk's pages: {@code /screen} (screen a name, logged), {@code /screenings} (search
 * the log; the queue of screenings waiting for review) and {@code /screenings/{id}} (results with
 * their explanations, dispositions, and Start an engagement). Every form calls the desk's services
 * as the REST API does; a refusal is shown beside the form.
 */
@Controller
class DeskPages {
    private static final String SOURCE = "screening desk";
    private static final int LOG_PAGE = 200;

    private final ScreeningLog log;
    private final DisposeResult dispose;
    private final ScreeningBatches batches;

    DeskPages(ScreeningLog log, DisposeResult dispose, ScreeningBatches batches) {
        this.log = log;
        this.dispose = dispose;
        this.batches = batches;
    }

    @GetMapping("/screen")
    String form(Model model) {
        return screenPage(Map.of(), List.of(), model);
    }

    @PostMapping("/screen")
    String screen(@RequestParam Map<String, String> form, Actor actor, Model model) {
        try {
            LocalDate asOf = date(form.get("as_of"), "as_of");
            List<String> countries = split(form.get("countries"));
            String lists = form.get("lists");
            DeskQuery q = DeskQueries.check(SOURCE, form.get("name"), form.get("schema"), countries, form.get("birth_date"),
                    lists == null || lists.isBlank() ? null : List.of(lists), asOf, form.get("purpose"), form.containsKey("watch"),
                    log.listKeys(), log.today());
            LoggedScreening s = log.screen(q, actor, Channel.DESK);
            return "redirect:/screenings/" + s.id();
        } catch (InvalidInput e) {
            return screenPage(form, e.problems().stream().map(InvalidInput.Problem::toString).toList(), model);
        } catch (NotPermitted e) {
            return screenPage(form, List.of(e.getMessage()), model);
        }
    }

    private String screenPage(Map<String, String> form, List<String> problems, Model model) {
        return screenPage(form, problems, Map.of(), List.of(), model);
    }

    private String screenPage(Map<String, String> form, List<String> problems, Map<String, String> batchForm, List<String> batchProblems,
                              Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("batchForm", batchForm);
        model.addAttribute("batchProblems", batchProblems);
        model.addAttribute("batchMaxRows", batches.maxRows());
        model.addAttribute("batchMaxSize", batches.maxFileSize().toMegabytes());
        model.addAttribute("lists", log.listKeys());
        model.addAttribute("today", log.today());
        return "screenings/screen";
    }

    @GetMapping("/screenings")
    String search(@RequestParam Map<String, String> params, Actor actor, Model model) {
        List<String> problems = new ArrayList<>();
        LocalDate from = null;
        LocalDate to = null;
        Outcome outcome = null;
        Boolean open = null;
        try {
            from = date(params.get("from"), "from");
            to = date(params.get("to"), "to");
            String o = params.get("outcome");
            outcome = o == null || o.isBlank() ? null : Outcome.valueOf(o.strip().toUpperCase(Locale.ROOT));
            String op = params.get("open");
            open = op == null || op.isBlank() ? null : Boolean.valueOf(op);
        } catch (InvalidInput e) {
            problems.add(e.problems().getFirst().toString());
        } catch (IllegalArgumentException e) {
            problems.add("outcome: expected one of " + Arrays.toString(Outcome.values()));
        }
        model.addAttribute("params", params);
        model.addAttribute("problems", problems);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("queue", log.search(LogSearch.openQueue(LOG_PAGE), actor));
        model.addAttribute("found", log.search(new LogSearch(params.get("q"), params.get("user"), from, to, outcome, open, LOG_PAGE), actor));
        return "screenings/log";
    }

    /** A batch file uploaded from the desk: checked whole, recorded, and screened in the background. */
    @PostMapping("/screenings/batches")
    String batch(@RequestParam(required = false) MultipartFile file, @RequestParam Map<String, String> form, Actor actor, Model model) {
        try {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                throw new InvalidInput(SOURCE, "file", "choose a CSV or XLSX file of names");
            }
            LocalDate asOf = date(form.get("as_of"), "as_of");
            String lists = form.get("lists");
            BatchStatus s = batches.submit("batch upload", file.getOriginalFilename(), file.getSize(), () -> bytes(file),
                    form.get("purpose"), lists == null || lists.isBlank() ? null : List.of(lists), asOf, form.containsKey("watch"), actor);
            return "redirect:/screenings/batches/" + s.id();
        } catch (InvalidInput e) {
            return screenPage(Map.of(), List.of(), form, e.problems().stream().map(InvalidInput.Problem::toString).toList(), model);
        } catch (TooLarge | NotPermitted e) {
            return screenPage(Map.of(), List.of(), form, List.of(e.getMessage()), model);
        }
    }

    /** A batch's page: its progress (the fragment polls itself until the batch is finished) and its downloads. */
    @GetMapping("/screenings/batches/{id}")
    String batchPage(@PathVariable long id, Actor actor, HttpServletRequest request, Model model) {
        model.addAttribute("b", batches.status(id, actor));
        return WebSupport.htmx(request) ? "screenings/batch :: progress" : "screenings/batch";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the upload could not be read", e);
        }
    }

    @GetMapping("/screenings/{id}")
    String show(@PathVariable long id, Actor actor, Model model) {
        LoggedScreening found = log.find(id, actor);
        if (found.channel() == Channel.BATCH) {
            return "redirect:/screenings/batches/" + id;
        }
        model.addAttribute("s", found);
        model.addAttribute("verdicts", Verdict.values());
        return "screenings/show";
    }

    @PostMapping("/screenings/{id}/dispositions")
    String dispose(@PathVariable long id, @RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes redirect) {
        log.find(id, actor); // an unknown screening is 404 whatever the form
        try {
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(form.getOrDefault("verdict", "").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(SOURCE, "verdict", "choose TRUE_MATCH, FALSE_POSITIVE or NEEDS_REVIEW");
            }
            var d = dispose.dispose(id, form.get("list"), form.get("source_id"), verdict, form.get("reason"), actor);
            redirect.addFlashAttribute("notice", "Recorded: " + Labels.words().of(d.disposition().verdict()) + " on " + form.get("list") + " #"
                    + form.get("source_id") + (d.cleared() ? " (cleared)" : "") + (d.open() ? "; the screening waits for review" : ""));
            return "redirect:/screenings/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("error", e.problems().stream().map(InvalidInput.Problem::toString).toList().toString());
        } catch (NotPermitted e) {
            model.addAttribute("error", e.getMessage());
        }
        return show(id, actor, model);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(SOURCE, field, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static List<String> split(String countries) {
        if (countries == null || countries.isBlank()) {
            return List.of();
        }
        return CountryNames.INSTANCE.codes(countries);
    }
}
