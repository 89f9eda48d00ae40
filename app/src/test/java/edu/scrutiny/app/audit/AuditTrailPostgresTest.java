package edu.scrutiny.app.audit;

import edu.scrutiny.app.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail on PostgreSQL (a fresh database on the server .ci/run starts). */
@EnabledIf("edu.scrutiny.app.testsupport.TestPostgres#available")
class AuditTrailPostgresTest extends AuditTrailCases {
    /** The query the README gives for checking the chain with psql alone, verbatim. */
    static final String README_QUERY = """
            SELECT seq,
                   hash = encode(sha256(convert_to(
                       (SELECT string_agg(COALESCE(octet_length(f)::text || ':' || f, '-1:') || ',', '' ORDER BY i)
                        FROM unnest(ARRAY[seq::text, to_char(recorded_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                                          actor, action, object_type, object_id, before_doc, after_doc])
                             WITH ORDINALITY AS t(f, i))
                       || prev_hash, 'UTF8')), 'hex') AS content_intact,
                   prev_hash = COALESCE(LAG(hash) OVER (ORDER BY seq), repeat('0', 64)) AS linked
            FROM audit_log ORDER BY seq""";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase();
        registry.add("spring.datasource.url", () -> url);
    }

    @Test
    void theReadmesQueryChecksTheChainInSql() {
        record Row(long seq, boolean contentIntact, boolean linked) {
        }
        List<Row> rows = jdbc.sql(README_QUERY).query(Row.class).list();
        assertThat(rows).hasSize(11).allMatch(r -> r.contentIntact() && r.linked());
        jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3").update();
        jdbc.sql("DELETE FROM audit_log WHERE seq = 6").update();
        rows = jdbc.sql(README_QUERY).query(Row.class).list();
        assertThat(rows).filteredOn(r -> !r.contentIntact()).extracting(Row::seq).containsExactly(3L);
        assertThat(rows).filteredOn(r -> !r.linked()).extracting(Row::seq).containsExactly(7L);
    }
}
