package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.institutions.BridgeName;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.institutions.InstitutionsImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Re-assesses after a ROR dump is imported, so that no assessment is silently left resting on the
 * previous version: a new dump can give a party a record (and with it former names that hit), take
 * one away, or change a record's names and renames. The engagements that can change are the live
 * ones with an organisation party that resolves to a record of the new version, and those whose
 * latest assessment counts a hit bridged by ROR; each is assessed again as of today and recorded,
 * with NEW_HIT, HIT_CLOSED and TIER_CHANGED alerts as after a list import, only where its hits changed.
 */
@Service
public class InstitutionsRescreening {
    private static final Logger log = LoggerFactory.getLogger(InstitutionsRescreening.class);

    private final Institutions institutions;
    private final Engagements engagements;
    private final Assessments assessments;
    private final Assessor assessor;
    private final Rescreening rescreening;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean onImport;

    InstitutionsRescreening(Institutions institutions, Engagements engagements, Assessments assessments, Assessor assessor,
                            Rescreening rescreening, TransactionTemplate transactions, Clock clock,
                            @Value("${scrutiny.monitoring.rescreen-on-import:true}") boolean onImport) {
        this.institutions = institutions;
        this.engagements = engagements;
        this.assessments = assessments;
        this.assessor = assessor;
        this.rescreening = rescreening;
        this.transactions = transactions;
        this.clock = clock;
        this.onImport = onImport;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InstitutionsImported event) {
        if (onImport) {
            reassess(event.versionId());
        }
    }

    /** Re-assesses the engagements a ROR version can change; returns how many were recorded because their hits changed. */
    public int reassess(long versionId) {
        LocalDate today = LocalDate.now(clock);
        int recorded = 0;
        int considered = 0;
        for (StoredEngagement e : engagements.live()) {
            List<AssessedHit> counted = assessments.latest(e.id()).map(a -> a.assessment().hits()).orElse(List.of());
            boolean bridged = counted.stream().anyMatch(h -> h.explanation() != null && h.explanation().startsWith(BridgeName.PREFIX));
            if (!bridged && !resolves(e.engagement())) {
                continue;
            }
            considered++;
            Assessment now = assessor.reassess(e.engagement(), today);
            if (!keys(now.hits()).equals(keys(counted))) {
                transactions.execute(tx -> rescreening.recordAfter(e.id(), now, "ror", "ROR version " + versionId));
                recorded++;
            }
        }
        log.info("ROR version {}: {} engagements re-assessed, {} recorded with changed hits", versionId, considered, recorded);
        return recorded;
    }

    private boolean resolves(Engagement e) {
        return e.parties().stream().anyMatch(p -> p.kind() == Engagement.Kind.ORGANIZATION
                && institutions.resolve(p.name(), p.country(), p.ror()).isPresent());
    }

    private static Set<String> keys(List<AssessedHit> hits) {
        return hits.stream().map(h -> h.party() + '\u0000' + h.list() + '\u0000' + h.sourceId()).collect(Collectors.toSet());
    }
}
