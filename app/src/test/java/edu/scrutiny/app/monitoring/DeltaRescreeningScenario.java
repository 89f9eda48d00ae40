package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ImportResult;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.testsupport.MutableClock;
import edu.scrutiny.lists.ListCategory;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the delta re-screening tests share: watch-list versions imported from lines, engagements to
 * screen, and the two answers compared (the hits recorded after a version's delta re-screening, and
 * those the whole lists give when the engagement is assessed again).
 */
abstract class DeltaRescreeningScenario {
    /** Words for look-alike names, combined by index so that each name is different. */
    static final String[] WORDS = {"Harbour", "Works", "Northfield", "Depot", "Maritime", "Foundry", "Engineering",
            "Supplies", "Logistics", "Terminal", "Export", "Holdings"};

    @Autowired MutableClock clock;
    @Autowired ListCatalog catalog;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired Assessor assessor;
    @Autowired Alerts alerts;

    /** Imports a version of a watch list in Scrutiny CSV, effective on a date, from its entries' lines. */
    ImportResult importLines(Path dir, String list, String effective, List<String> entries) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks");
        lines.addAll(entries);
        Path file = Files.createDirectories(dir.resolve(effective)).resolve(list + ".csv");
        Files.write(file, lines);
        return catalog.importList(file, LocalDate.parse(effective), ListCategory.WATCHLIST, ListCatalog.ImportProgress.NONE, "test");
    }

    /** The hits recorded in the engagement's latest assessment, by source id. */
    Set<String> hits(StoredEngagement e) {
        return sourceIds(assessments.latest(e.id()).orElseThrow().assessment().hits());
    }

    /** The hits the whole lists give the engagement as of a date, by source id. */
    Set<String> wholeLists(StoredEngagement e, String date) {
        return sourceIds(assessor.reassess(e.engagement(), LocalDate.parse(date)).hits());
    }

    private static Set<String> sourceIds(List<AssessedHit> hits) {
        Set<String> ids = new TreeSet<>();
        hits.forEach(h -> ids.add(h.sourceId()));
        return ids;
    }

    /** A procurement from one company. */
    static Engagement engagement(String company) {
        return new Engagement("Supply of survey equipment", null, Engagement.Type.PROCUREMENT, false, null,
                LocalDate.parse("2024-01-15"), null, null, null, null,
                new Engagement.Funding(BigDecimal.valueOf(20_000), "GBP", Engagement.FundingSource.INDUSTRY),
                List.of(new Engagement.Party(company, Engagement.Kind.ORGANIZATION, "GB", Engagement.Role.VENDOR,
                        Engagement.OrganizationType.COMPANY, List.of())),
                List.of("GB"), List.of("mathematics"));
    }

    /** A visiting researcher, entered as a person. */
    static Engagement visit(String visitor) {
        return new Engagement("Visiting researcher", null, Engagement.Type.VISITING_RESEARCHER, false, null,
                LocalDate.parse("2024-01-15"), null, null, null, null,
                new Engagement.Funding(BigDecimal.valueOf(5_000), "GBP", Engagement.FundingSource.INDUSTRY),
                List.of(new Engagement.Party(visitor, Engagement.Kind.PERSON, "GB", Engagement.Role.VISITOR, null, List.of())),
                List.of("GB"), List.of("mathematics"));
    }
}
