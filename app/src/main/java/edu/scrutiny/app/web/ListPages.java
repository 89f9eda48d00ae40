package edu.scrutiny.app.web;

import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredEntry;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.monitoring.OfficialSources;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListDiff;
import edu.scrutiny.lists.ListEntry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lists: their versions, what changed between two versions, an entry's details, imports with
 * progress, and the catalogue of official sources (which the administrator enables).
 */
@Controller
class ListPages {
    private static final int MAX_NAME = 200;
    private final ListCatalog catalog;
    private final ImportJobs jobs;
    private final OfficialSources official;

    ListPages(ListCatalog catalog, ImportJobs jobs, OfficialSources official) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.official = official;
    }

    /** A list with its versions, newest first. */
    record ListView(String key, String category, boolean enabled, List<StoredListVersion> versions) {
    }

    @GetMapping("/lists")
    String lists(Model model, HttpServletRequest request) {
        List<ListView> views = catalog.lists().stream().map(s -> new ListView(s.listKey(), s.category(), s.enabled(),
                catalog.versions(s.listKey()).reversed())).toList();
        model.addAttribute("lists", views);
        model.addAttribute("categories", categories());
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("official", official.statuses());
        model.addAttribute("officialCheckedOn", official.catalogue().checkedOn());
        model.addAttribute("mayEnableOfficial", request.isUserInRole("ADMINISTRATOR"));
        return "lists/index";
    }

    /** Enables the official sources not yet enabled (or those named by {@code list}); the administrator only. */
    @PostMapping("/lists/sources/official")
    String enableOfficial(@RequestParam(name = "list", required = false) List<String> lists, RedirectAttributes redirect) {
        try {
            List<OfficialSources.Enabled> done = official.enable(lists, WebSupport.actor(), "official sources form", "list");
            List<String> added = done.stream().filter(OfficialSources.Enabled::added).map(OfficialSources.Enabled::listKey).toList();
            redirect.addFlashAttribute("notice", added.isEmpty()
                    ? "Every official source was already enabled; nothing changed."
                    : "Enabled " + added.size() + " official source" + (added.size() == 1 ? "" : "s") + " (" + String.join(", ", added)
                    + "); the next refresh imports them.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("officialProblem", e.getMessage());
        }
        return "redirect:/lists#official";
    }

    @GetMapping("/lists/{key}/compare")
    String compare(@PathVariable String key, @RequestParam long from, @RequestParam long to, Model model) {
        StoredListVersion before = version(key, from);
        StoredListVersion after = version(key, to);
        ListDiff diff = ListDiff.between(catalog.entries(before.id()), catalog.entries(after.id()));
        model.addAttribute("key", key);
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("diff", diff);
        model.addAttribute("versions", catalog.versions(key));
        return "lists/compare";
    }

    @GetMapping("/lists/versions/{versionId}/entries/{sourceId}")
    String entry(@PathVariable long versionId, @PathVariable String sourceId, HttpServletRequest request, Model model) {
        StoredListVersion version = catalog.version(versionId).orElseThrow(() -> new NotFound("no list version " + versionId));
        AtomicReference<StoredEntry> found = new AtomicReference<>();
        catalog.streamEntries(versionId, e -> {
            if (found.get() == null && e.entry().sourceId().equals(sourceId)) {
                found.set(e);
            }
        });
        if (found.get() == null) {
            throw new NotFound("no entry " + sourceId + " in list version " + versionId);
        }
        ListEntry entry = found.get().entry();
        model.addAttribute("version", version);
        model.addAttribute("entry", entry);
        model.addAttribute("stored", found.get());
        model.addAttribute("category", entry.category() == null ? version.category() : entry.category().key());
        return WebSupport.htmx(request) ? "lists/entry :: details" : "lists/entry";
    }

    @PostMapping("/lists/import")
    String startImport(@RequestParam(required = false) MultipartFile file,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                       @RequestParam(required = false) String category, Model model, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        String source = "list import form";
        List<edu.scrutiny.app.support.InvalidInput.Problem> problems = new ArrayList<>();
        ListCategory cat = null;
        if (category != null && !category.isBlank()) {
            cat = ListCategory.fromKey(category).orElse(null);
            if (cat == null) {
                problems.add(new InvalidInput.Problem("category", "'" + category + "' is not a list category"));
            }
        }
        String name = null;
        if (file == null || file.isEmpty()) {
            problems.add(new InvalidInput.Problem("file", "choose a list file; it must not be empty"));
        } else {
            name = fileName(file.getOriginalFilename());
            if (name == null) {
                problems.add(new InvalidInput.Problem("file",
                        "give the list file's own name, such as us_dod_1286.csv: the name and extension tell its format"));
            }
        }
        if (!problems.isEmpty()) {
            lists(model, request);
            model.addAttribute("errors", FieldErrors.of(new InvalidInput(source, problems)));
            return "lists/index";
        }
        Path dir = Files.createTempDirectory("scrutiny-web-upload-");
        Path path = dir.resolve(name);
        try {
            file.transferTo(path);
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(dir);
            throw e;
        }
        ImportJobs.Job job;
        try {
            job = jobs.start(dir, path, name, effective, cat, WebSupport.actor());
        } catch (edu.scrutiny.app.support.Conflict e) {
            // the user's previous import still runs: say so on the form, start nothing
            FileSystemUtils.deleteRecursively(dir);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            lists(model, request);
            model.addAttribute("errors", FieldErrors.of(new InvalidInput(source, "file", e.getMessage())));
            return "lists/index";
        }
        return "redirect:/lists/import/" + job.id();
    }

    @GetMapping("/lists/import/{job}")
    String progress(@PathVariable String job, HttpServletRequest request, Model model) {
        // an import's problems name the uploaded file and its rows: shown to whoever started it and the
        // administrator, and to another user as if there were no such import
        model.addAttribute("job", jobs.find(job)
                .filter(j -> j.by().equals(WebSupport.actor()) || request.isUserInRole("ADMINISTRATOR"))
                .orElseThrow(() -> new NotFound("no import " + job)));
        return WebSupport.htmx(request) ? "lists/import :: progress" : "lists/import";
    }

    private StoredListVersion version(String key, long id) {
        return catalog.version(id).filter(v -> v.listKey().equals(key))
                .orElseThrow(() -> new NotFound("no version " + id + " of list " + key));
    }

    private static List<String> categories() {
        return Arrays.stream(ListCategory.values()).map(ListCategory::key).toList();
    }

    /** The last segment of the name the browser gave, or null for one that is no plain file name. */
    static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return null;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        boolean bad = original.contains("..") || name.isEmpty() || name.startsWith(".") || name.length() > MAX_NAME
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ':');
        return bad ? null : name;
    }
}
