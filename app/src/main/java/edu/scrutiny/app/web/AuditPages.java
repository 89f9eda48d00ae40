package edu.scrutiny.app.web;

import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The audit trail, newest first a page at a time, with whether the chain verifies. */
@Controller
class AuditPages {
    static final int PAGE = 50;
    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String recent(@RequestParam(required = false) Long before, Model model) {
        long below = before == null || before < 1 ? Long.MAX_VALUE : before;
        List<AuditRecord> records = audit.newest(below, PAGE);
        model.addAttribute("records", records);
        model.addAttribute("verification", audit.verify());
        model.addAttribute("next", records.size() == PAGE ? records.getLast().seq() : null);
        model.addAttribute("first", before == null);
        return "audit";
    }
}
