package edu.scrutiny.app.audit.internal;

import edu.scrutiny.app.audit.AuditLog;
import edu.scrutiny.app.audit.AuditRecord;
import edu.scrutiny.app.review.CaseTimeline;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A case's timeline from the audit trail: the records about the case and about its engagement, in chain order. */
@Component
class AuditCaseTimeline implements CaseTimeline {
    private final AuditLog log;

    AuditCaseTimeline(AuditLog log) {
        this.log = log;
    }

    @Override
    public List<Entry> of(long caseId, String engagementId) {
        List<AuditRecord> records = new ArrayList<>(log.recent("case", Long.toString(caseId)));
        records.addAll(log.recent("engagement", engagementId));
        return records.stream().sorted(Comparator.comparingLong(AuditRecord::seq))
                .map(r -> new Entry(r.seq(), r.recordedAt(), r.actor(), r.action(), r.objectType(), r.objectId(), r.after()))
                .toList();
    }
}
