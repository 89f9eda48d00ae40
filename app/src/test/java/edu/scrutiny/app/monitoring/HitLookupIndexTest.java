package edu.scrutiny.app.monitoring;

import edu.scrutiny.app.Scenarios;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delta re-screening's look-up of the engagements whose counted hits rest on the entries a version
 * removed or changed ({@code Assessments.hitsOn}: a list and up to 500 entry ids) reads H2's index by
 * entry id, so that its cost grows with the change, not with every hit counted on the list: on an index
 * led by the list key, H2 read every hit of the list to filter the ids (175 ms for 500 ids among 30,000
 * hits, against 4 ms).
 */
class HitLookupIndexTest {
    @Test
    void theLookUpByEntryReadsTheIndexByEntryId() throws Exception {
        String url = Scenarios.h2Url(Scenarios.temporaryDirectory("scrutiny-hit-index"));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN SELECT engagement_id, source_id FROM assessment_hit"
                     + " WHERE list_key = 'us_bis_entity_list' AND source_id IN ('E-1', 'E-2', 'E-3')")) {
            plan.next();
            assertThat(plan.getString(1)).containsPattern("(?i)assessment_hit_by_entry: source_id IN\\(");
        }
    }
}
