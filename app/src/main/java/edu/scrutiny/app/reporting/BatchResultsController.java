package edu.scrutiny.app.reporting;

import edu.scrutiny.app.desk.BatchResultRow;
import edu.scrutiny.app.desk.ScreeningBatches;
import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A finished batch's results as CSV or XLSX ({@code GET /api/screenings/batches/{id}/results.csv}
 * and {@code .xlsx}; {@code /screenings/batches/...} for the pages' links, signed in by the web
 * session): one line per candidate, a row without candidates once with the candidate's columns
 * empty, written by {@link TableWriter} like every export (no cell a spreadsheet runs as a formula).
 */
@RestController
class BatchResultsController {
    static final List<Column> COLUMNS = List.of(Column.number("row"), Column.text("location"), Column.text("id"), Column.text("name"),
            Column.text("schema"), Column.text("country"), Column.text("birth_date"), Column.number("rank"), Column.number("score"),
            Column.bool("match"), Column.bool("cleared"), Column.text("list"), Column.text("category"), Column.text("source_id"),
            Column.text("entity_name"), Column.text("matched_name"), Column.text("programs"), Column.date("listed_on"),
            Column.number("version_id"), Column.text("explanation"), Column.date("closed_on"));

    private final ScreeningBatches batches;

    BatchResultsController(ScreeningBatches batches) {
        this.batches = batches;
    }

    @GetMapping("/api/screenings/batches/{id}/results.{format}")
    @Tag(name = "Screening desk")
    @Operation(summary = "A finished batch's results as CSV or XLSX: one line per candidate (rows without any once), with the "
            + "explanation; 409 while the batch runs")
    void results(@PathVariable long id, @Parameter(description = "csv or xlsx") @PathVariable String format, Actor actor,
                 HttpServletResponse response) throws IOException {
        write(id, format, actor, response);
    }

    @GetMapping("/screenings/batches/{id}/results.{format}")
    @io.swagger.v3.oas.annotations.Hidden
    void download(@PathVariable long id, @PathVariable String format, Actor actor, HttpServletResponse response) throws IOException {
        write(id, format, actor, response);
    }

    private void write(long id, String format, Actor actor, HttpServletResponse response) throws IOException {
        ExportFormat f = ExportFormat.byExtension(format).orElseThrow(() -> new InvalidInput("GET /api/screenings/batches/" + id
                + "/results." + format, "format", "'" + format + "' is not csv or xlsx"));
        ScreeningBatches.Results results = batches.results(id, actor); // a batch not done is 409 before anything is written
        Iterable<List<Object>> rows = () -> {
            Iterator<BatchResultRow> it = results.rows().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public List<Object> next() {
                    return line(it.next());
                }
            };
        };
        Table table = new Table("batch-" + id, COLUMNS, rows);
        response.setContentType(f.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("batch-" + id + "-results." + f.extension()).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        TableWriter.write(table, f, response.getOutputStream());
        response.flushBuffer();
    }

    private static List<Object> line(BatchResultRow r) {
        return Arrays.asList(r.rowNo(), r.location(), r.rowId(), r.name(), r.schema(), String.join(";", r.countries()), r.birthDate(),
                r.rank(), r.score(), r.match(), r.cleared(), r.list(), r.category(), r.sourceId(), r.entityName(), r.matchedName(),
                r.programs() == null || r.programs().isEmpty() ? null : String.join("; ", r.programs()), r.listedOn(), r.versionId(),
                r.explanation(), r.closedOn());
    }
}
