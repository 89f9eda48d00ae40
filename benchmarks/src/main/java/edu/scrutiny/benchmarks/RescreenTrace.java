package edu.scrutiny.benchmarks;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.lists.StoredEntry;
import edu.scrutiny.app.lists.StoredListVersion;
import edu.scrutiny.app.lists.VersionChange;
import edu.scrutiny.app.monitoring.internal.SubjectIndex;
import edu.scrutiny.app.screening.ChangeScreener;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.screening.ScreeningSnapshot;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.ScreeningQuery;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Explains a hit or an alert only one of the two re-screenings has, on the delta's database while the
 * version is its list's latest (the recorded hits are the delta's, after it ran): the engagement's
 * names, the entry and how the version changed it, and for each name the entry's score against the
 * whole lists and against the change.
 */
final class RescreenTrace {
    private RescreenTrace() {
    }

    /** @param alert "KIND ENGAGEMENT SOURCE_ID", as the benchmark prints alerts (or "COUNTED ENGAGEMENT SOURCE_ID" for a counted hit) */
    static void explain(ConfigurableApplicationContext ctx, long versionId, LocalDate asOf, String alert, PrintStream out) {
        String[] parts = alert.split(" ");
        String id = parts[1];
        String source = parts[2];
        ListCatalog catalog = ctx.getBean(ListCatalog.class);
        StoredListVersion version = catalog.version(versionId).orElseThrow();
        StoredEngagement stored = ctx.getBean(Engagements.class).find(id).orElseThrow();
        Engagement e = stored.engagement();
        out.println("  trace of " + alert + " (as of " + asOf + "):");
        for (Engagement.Party p : e.parties()) {
            out.println("    party " + p.name() + " (" + p.kind() + ", " + p.country() + "), owners "
                    + p.owners().stream().map(o -> o.name() + " (" + o.kind() + ", " + o.share() + "%, " + o.country() + ")").toList()
                    + ", controllers " + p.controllers().stream().map(Engagement.Controller::name).toList());
        }
        ctx.getBean(Assessments.class).latest(id).ifPresent(r -> out.println("    recorded hits: " + describe(r.assessment().hits())));
        out.println("    the whole lists now: " + describe(ctx.getBean(Assessor.class).reassess(e, asOf).hits()));

        VersionChange change = catalog.changes(versionId);
        List<StoredEntry> changeEntries = new ArrayList<>(change.added());
        changeEntries.addAll(change.changed());
        StoredEntry entry = changeEntries.stream().filter(x -> x.entry().sourceId().equals(source)).findFirst().orElse(null);
        if (entry == null) {
            out.println("    entry " + source + ": neither added nor changed by the version");
        } else if (change.added().contains(entry)) {
            out.println("    entry " + source + " added: " + entry.entry().allNames() + " (" + entry.entry().schema() + ")");
        } else {
            out.println("    entry " + source + " changed: before " + change.before().get(source).allNames() + ", now "
                    + entry.entry().allNames() + "; reads changed " + change.readsChanged(entry) + "; names gained "
                    + change.namesToScreen(entry));
        }
        ScreeningSnapshot lists = ctx.getBean(Screening.class).snapshot();
        ChangeScreener screener = lists.changeScreener(version, changeEntries);
        for (SubjectIndex.Subject s : SubjectIndex.subjects(e)) {
            Schema schema = s.person() ? Schema.PERSON : Schema.ORGANIZATION;
            String whole = lists.screen(new ScreeningQuery(s.name(), schema, s.country() == null ? List.of() : List.of(s.country()), null, null),
                            asOf, Set.of(version.listKey()), 400, 0.5).stream().filter(h -> h.sourceId().equals(source))
                    .map(h -> h.score() + " on '" + h.matchedName() + "': " + h.explanation()).findFirst().orElse("none at 0.5");
            String delta = screener.screen(s.name(), s.person(), s.country(), asOf).stream().filter(h -> h.sourceId().equals(source))
                    .map(h -> h.score() + " on '" + h.matchedName() + "'").findFirst().orElse("no hit");
            out.println("    name '" + s.name() + "' (" + schema + ", " + s.country() + "): whole lists " + whole
                    + "; against the change " + delta);
        }
    }

    private static String describe(List<AssessedHit> hits) {
        return hits.stream().map(h -> h.party() + (h.screenedName().equals(h.party()) ? "" : " via " + h.screenedName())
                + " -> " + h.sourceId() + " " + h.score()).toList().toString();
    }
}
