package edu.scrutiny.app.institutions;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.lists.Upload;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.NotFound;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ror.RorRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.List;

/** The Research Organization Registry as imported: its versions, its records, and imports by upload. */
@RestController
@RequestMapping(path = "/api/institutions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Institutions", description = "The Research Organization Registry (ROR) dump screening bridges names with")
class InstitutionsController {
    private static final int MAX_LIMIT = 1000;
    private final Institutions institutions;

    InstitutionsController(Institutions institutions) {
        this.institutions = institutions;
    }

    /** The version in force (null before the first import) and every import. */
    record Overview(InstitutionsVersion current, List<InstitutionsVersion> versions) {
    }

    @GetMapping
    @Operation(summary = "The ROR version in force and every import")
    Overview overview() {
        return new Overview(institutions.current().orElse(null), institutions.versions());
    }

    @GetMapping("/records")
    @Operation(summary = "A page of the records in force, by id (offset from 0; limit 100 by default, at most 1000)")
    List<RorRecord> records(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("GET /api/institutions/records", offset < 0 ? "offset" : "limit",
                    offset < 0 ? "must be 0 or more" : "must be from 1 to " + MAX_LIMIT);
        }
        return institutions.records(offset, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A record of the version in force by its ROR id (the short form, 0 followed by 8 characters)")
    RorRecord record(@PathVariable String id) {
        return institutions.find(id).orElseThrow(() -> new NotFound("no ROR record " + id
                + (institutions.current().isEmpty() ? " (no ROR dump is imported)" : " in the version in force")));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an uploaded ROR data dump (schema v2 JSON, or the zip the registry publishes) as the new version")
    @ApiResponse(responseCode = "201", description = "A new version was stored; it replaces the previous one")
    @ApiResponse(responseCode = "200", description = "The same bytes are the version in force already: nothing changed")
    ResponseEntity<InstitutionsImport> importDump(@RequestPart("file") MultipartFile file, Actor actor) throws IOException {
        String source = "POST /api/institutions/import";
        try (Upload upload = Upload.save(file, source)) {
            InstitutionsImport result;
            try {
                result = institutions.importDump(upload.path(), "upload " + upload.name(), actor.username());
            } catch (ListFormatException e) {
                throw upload.hide(e);
            }
            return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        }
    }
}
