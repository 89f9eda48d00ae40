package edu.scrutiny.app.reporting;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.support.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printed reports: {@code GET /api/engagements/{id}/dossier.pdf} and
 * {@code GET /api/screenings/{id}/certificate.pdf}; the same under {@code /engagements/...} and
 * {@code /screenings/...} for the pages' buttons, signed in by the web session.
 */
@RestController
class ReportController {
    private final Dossiers dossiers;
    private final Certificates certificates;

    ReportController(Dossiers dossiers, Certificates certificates) {
        this.dossiers = dossiers;
        this.certificates = certificates;
    }

    @GetMapping(path = "/api/engagements/{id}/dossier.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Tag(name = "Reports")
    @Operation(summary = "An engagement's dossier as a PDF: the engagement, parties, owners and controllers, the latest assessment "
            + "with its evidence and list versions, directives, the review cases, the timeline and the audit chain's head at printing")
    ResponseEntity<byte[]> dossier(@Parameter(description = "the engagement's id, e.g. ENG-000001") @PathVariable String id, Actor actor) {
        return pdf(dossiers.dossier(id, actor));
    }

    @GetMapping(path = "/engagements/{id}/dossier.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @io.swagger.v3.oas.annotations.Hidden
    ResponseEntity<byte[]> dossierDownload(@PathVariable String id, Actor actor) {
        return pdf(dossiers.dossier(id, actor));
    }

    @GetMapping(path = "/api/screenings/{id}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Tag(name = "Reports")
    @Operation(summary = "A logged screening's certificate as a PDF: the query and purpose, who ran it and when, the list versions "
            + "with their SHA-256, the results with their explanations and standing, and the dispositions")
    ResponseEntity<byte[]> certificate(@Parameter(description = "the screening's id in the log") @PathVariable String id, Actor actor) {
        return pdf(certificates.certificate(screeningId(id), actor));
    }

    @GetMapping(path = "/screenings/{id}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @io.swagger.v3.oas.annotations.Hidden
    ResponseEntity<byte[]> certificateDownload(@PathVariable String id, Actor actor) {
        return pdf(certificates.certificate(screeningId(id), actor));
    }

    private static long screeningId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidInput("GET screenings/" + id + "/certificate.pdf", "id", "'" + id + "' is not a screening's number");
        }
    }

    private static ResponseEntity<byte[]> pdf(Dossiers.Report report) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff");
        if (!report.missingScripts().isEmpty()) {
            // also said in the document itself; the header lets a client notice without reading the PDF
            ok.header("X-Scrutiny-Scripts-Not-Rendered", String.join(", ", report.missingScripts()));
        }
        return ok.body(report.pdf());
    }
}
