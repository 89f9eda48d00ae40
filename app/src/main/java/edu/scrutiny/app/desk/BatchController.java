package edu.scrutiny.app.desk;

import edu.scrutiny.app.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Batch screening over the REST API: upload a file of names (202, screened in the background) and
 * follow its progress. The results are written by the reporting module ({@code
 * GET /api/screenings/batches/{id}/results.csv} and {@code .xlsx}).
 */
@RestController
@RequestMapping(path = "/api/screenings/batches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Screening desk")
class BatchController {
    private final ScreeningBatches batches;

    BatchController(ScreeningBatches batches) {
        this.batches = batches;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Screen a CSV or XLSX file of names in the background (columns name, and optionally id, schema, country, "
            + "birth_date): 202 with the batch, whose Location is followed for progress; one entry of the screening log")
    ResponseEntity<BatchStatus> submit(@RequestPart("file") MultipartFile file,
                                       @Parameter(description = "Why the names are screened (a note kept in the log)")
                                       @RequestParam(required = false) String purpose,
                                       @Parameter(description = "List keys to screen against (repeatable; default every list)")
                                       @RequestParam(required = false) List<String> lists,
                                       @Parameter(description = "The date the lists are taken as of (YYYY-MM-DD; default today)")
                                       @RequestParam(name = "as_of", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                       LocalDate asOf,
                                       @Parameter(description = "Keep watching: when a list version is imported, screen the rows again and "
                                               + "alert the uploader to a row's new or closed hit (true or false; default false)")
                                       @RequestParam(required = false) Boolean watch,
                                       Actor actor) {
        BatchStatus s = batches.submit("POST /api/screenings/batches", file.getOriginalFilename(), file.getSize(), () -> bytes(file),
                purpose, lists, asOf, Boolean.TRUE.equals(watch), actor);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/screenings/batches/{id}").buildAndExpand(s.id()).toUri();
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(s);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A batch's progress: state (queued, running, done, failed), rows total and screened, rows with hits")
    BatchStatus status(@PathVariable long id, Actor actor) {
        return batches.status(id, actor);
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }
}
