package edu.scrutiny.app.reporting;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code GET /api/exports/{what}.{csv|xlsx}}: an export as a file, filtered by the query's parameters;
 * {@code /exports/...} is the same for the pages' download links, signed in by the web session.
 */
@RestController
class ExportController {
    private final Exports exports;
    private final Clock clock;

    ExportController(Exports exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping(path = "/api/exports/{what}.{format}")
    @Tag(name = "Exports")
    @Operation(summary = "An export as CSV or XLSX: engagements (filters tier, status, type, country, from, to), "
            + "hits of the latest assessments (list, tier, engagement), open cases (stage, overdue) or the audit trail")
    void export(
            @Parameter(description = "engagements, hits, cases or audit") @PathVariable String what,
            @Parameter(description = "csv or xlsx") @PathVariable String format,
            @Parameter(description = "the export's filters, e.g. tier=ELEVATED") @RequestParam Map<String, String> filters,
            Actor actor, HttpServletResponse response) throws IOException {
        write(what, format, filters, actor, response);
    }

    /** The pages' download links: the same export, signed in by the web session; not part of the API's description. */
    @GetMapping(path = "/exports/{what}.{format}")
    @io.swagger.v3.oas.annotations.Hidden
    void download(@PathVariable String what, @PathVariable String format, @RequestParam Map<String, String> filters,
            Actor actor, HttpServletResponse response) throws IOException {
        write(what, format, filters, actor, response);
    }

    private void write(String what, String format, Map<String, String> filters, Actor actor, HttpServletResponse response)
            throws IOException {
        String source = "GET exports/" + what + "." + format;
        ExportFormat f = ExportFormat.byExtension(format)
                .orElseThrow(() -> new InvalidInput(source, "format", "'" + format + "' is not csv or xlsx"));
        // the table is made (and its filters checked) before the response starts: a bad filter is a 400, not a cut file
        Table table = exports.table(Exports.What.fromKey(what, source), ExportFilters.of(source, filters), actor);
        String file = table.name() + "-" + LocalDate.now(clock) + "." + f.extension();
        // written on the request's own thread into the response (not a StreamingResponseBody, whose
        // asynchronous dispatch would pass the security filters again without the token's sign-in)
        response.setContentType(f.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        TableWriter.write(table, f, response.getOutputStream());
        response.flushBuffer();
    }
}
