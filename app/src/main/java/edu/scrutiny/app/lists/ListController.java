package edu.scrutiny.app.lists;

import edu.scrutiny.app.identity.Actor;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormatException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The lists Scrutiny screens against: what is stored, every version and its entries, and imports by upload. */
@RestController
@RequestMapping(path = "/api/lists", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lists", description = "Lists screened against, every version kept")
class ListController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ListCatalog catalog;
    private final ImportsInProgress imports;

    ListController(ListCatalog catalog, ImportsInProgress imports) {
        this.catalog = catalog;
        this.imports = imports;
    }

    /** A page of a version's entries. */
    record EntryPage(StoredListVersion version, long offset, int limit, long total, List<EntryView> entries) {
    }

    /** An entry as the API shows it (snake_case, like every other document). */
    record EntryView(String list, @JsonProperty("source_id") String sourceId, String schema, String category,
            String name, List<Alias> aliases, List<String> countries, List<String> addresses,
            List<Identifier> identifiers, @JsonProperty("birth_dates") List<String> birthDates,
            List<String> programs, @JsonProperty("listed_on") LocalDate listedOn,
            @JsonProperty("delisted_on") LocalDate delistedOn, List<EntryOwner> owners, String remarks,
            @JsonProperty("source_url") String sourceUrl, @JsonProperty("content_sha") String contentSha) {
        static EntryView of(StoredEntry stored, StoredListVersion version) {
            ListEntry e = stored.entry();
            return new EntryView(e.list(), e.sourceId(), e.schema().ftmName(),
                    e.category() == null ? version.category() : e.category().key(), e.name(), e.aliases(), e.countries(),
                    e.addresses(), e.identifiers(), e.birthDates(), e.programs(), e.listedOn(), e.delistedOn(),
                    e.owners().stream().map(o -> new EntryOwner(o.name(), o.share())).toList(), e.remarks(), e.sourceUrl(),
                    stored.contentSha());
        }
    }

    /** A parent or owner an entry names; share in percent where the source gives one. */
    record EntryOwner(String name, Double share) {
    }

    @GetMapping
    @Operation(summary = "Every list, with its category, whether it is enabled, and its current version")
    List<ListSummary> listLists() {
        return catalog.lists();
    }

    @GetMapping("/{list}/versions")
    @Operation(summary = "A list's versions in the order they take effect")
    List<StoredListVersion> listVersions(@PathVariable String list) {
        List<StoredListVersion> versions = catalog.versions(list);
        if (versions.isEmpty()) {
            throw new NotFound("no list " + list);
        }
        return versions;
    }

    @GetMapping("/versions/{id}/entries")
    @Operation(summary = "A page of a list version's entries (offset from 0; limit 100 by default, at most 1000)")
    EntryPage listEntries(@PathVariable long id,
            @RequestParam(defaultValue = "0") long offset,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        StoredListVersion version = catalog.version(id).orElseThrow(() -> new NotFound("no list version " + id));
        String source = "GET /api/lists/versions/" + id + "/entries";
        if (offset < 0) {
            throw new InvalidInput(source, "offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput(source, "limit", "must be from 1 to " + MAX_LIMIT);
        }
        List<EntryView> entries = catalog.entries(id, offset, limit).stream().map(e -> EntryView.of(e, version)).toList();
        return new EntryPage(version, offset, limit, version.entries(), entries);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an uploaded list file (any supported format, detected from its name and content) as a new version")
    @ApiResponse(responseCode = "201", description = "A new version was stored")
    @ApiResponse(responseCode = "200", description = "The same bytes with the same effective date were already imported: nothing changed")
    @ApiResponse(responseCode = "409", description = "An import of the same user's is still running (one per user at a time)")
    ResponseEntity<ImportResult> importList(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "From when the version is in force (YYYY-MM-DD; default today)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
            @Parameter(description = "sanctions, denial, export_control, research_security or watchlist (the default): "
                    + "for Scrutiny CSV and FollowTheMoney files, whose format does not carry one")
            @RequestParam(required = false) String category, Actor actor) throws IOException {
        String source = "POST /api/lists/import";
        ListCategory cat = category(category, source);
        try (Upload upload = Upload.save(file, source); ImportsInProgress.Claim claim = imports.claim(actor.username(), upload.name())) {
            ImportResult result;
            try {
                result = catalog.importList(upload.path(), "upload " + upload.name(), effective, cat,
                        ListCatalog.ImportProgress.NONE, actor.username());
            } catch (ListFormatException e) {
                throw upload.hide(e);
            } catch (InvalidInput e) {
                throw upload.hide(e);
            }
            return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        }
    }

    private static ListCategory category(String category, String source) {
        if (category == null || category.isBlank()) {
            return null;
        }
        List<String> keys = Arrays.stream(ListCategory.values()).map(ListCategory::key).toList();
        return ListCategory.fromKey(category).orElseThrow(() -> new InvalidInput(source, "category",
                "'" + category + "' is not one of " + String.join(", ", keys)));
    }
}
