package edu.scrutiny.app.reporting;

import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.desk.LoggedScreening;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.identity.Actor;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.Map;

/**
 * A logged screening's certificate as a PDF: the query and its purpose, who ran it and when, the
 * list versions screened (with their SHA-256), every result with the explanation of its score and
 * where it stands, and the dispositions recorded. For those who read the screening log (analysts,
 * reviewers, the administrator, auditors); never submitters.
 */
@Service
public class Certificates {
    private final ScreeningLog log;
    private final AuditLog audit;
    private final PdfRenderer renderer;
    private final java.time.Clock clock;

    Certificates(ScreeningLog log, AuditLog audit, PdfRenderer renderer, java.time.Clock clock) {
        this.log = log;
        this.audit = audit;
        this.renderer = renderer;
        this.clock = clock;
    }

    public Dossiers.Report certificate(long screeningId, Actor actor) {
        PrintAccess.requireStaff(actor, "screening certificates");
        LoggedScreening s = log.find(screeningId, actor);
        Map<String, Object> model = new HashMap<>();
        model.put("s", s);
        model.put("head", audit.head());
        model.put("printedAt", clock.instant());
        model.put("printedBy", actor.username());
        model.put("fmt", PrintFormats.INSTANCE);
        PdfRenderer.Rendered r = renderer.render("certificate", model, "certificate of screening " + screeningId);
        return new Dossiers.Report("screening-" + screeningId + "-certificate.pdf", r.pdf(), r.missingScripts());
    }
}
