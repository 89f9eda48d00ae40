package edu.scrutiny.app.assessment.internal;

import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.institutions.BridgeName;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.institutions.Resolution;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.ScreeningSnapshot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Screening through the Research Organization Registry: an organisation party that resolves to a
 * ROR record (by its {@code ror} field, or its name and country) is also screened under every other
 * name of that record and of the records linked to it as predecessor or successor. Each hit found so
 * says in its explanation which record and which name bridged, and which record the listed entry
 * itself resolves to. Without a ROR dump imported, nothing resolves and this adds nothing.
 */
public final class RorBridges {
    private final Institutions institutions;

    public RorBridges(Institutions institutions) {
        this.institutions = institutions;
    }

    /** The hits the party's other names find, each screened as the bridging name (so that it can be re-screened and cleared). */
    public List<Hit> hits(Engagement.Party party, ScreeningSnapshot lists, LocalDate date) {
        if (party.kind() == Engagement.Kind.PERSON) {
            return List.of();
        }
        Optional<Resolution> resolution = institutions.resolve(party.name(), party.country(), party.ror());
        if (resolution.isEmpty()) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        for (BridgeName bridge : institutions.bridges(resolution.get(), party.name(), party.country())) {
            for (Hit h : lists.screen(bridge.name(), false, bridge.country(), date)) {
                String entrySide = institutions.resolve(h.entry())
                        .map(r -> "; the listed entry resolves to ROR " + r.record().id() + " (" + r.record().displayName() + ")")
                        .orElse("");
                out.add(new Hit(bridge.name(), h.list(), h.category(), h.sourceId(), h.entityName(), h.matchedName(), h.score(),
                        h.listedOn(), h.delistedOn(), h.programs(), bridge.why() + entrySide + "; " + h.explanation(),
                        h.versionId(), h.contentSha(), h.entry()));
            }
        }
        return out;
    }
}
