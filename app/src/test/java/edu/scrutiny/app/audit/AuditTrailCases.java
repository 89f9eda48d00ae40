package edu.scrutiny.app.audit;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.ScrutinyApplication;
import edu.scrutiny.app.assessment.Assessments;
import edu.scrutiny.app.directives.DirectiveDocuments;
import edu.scrutiny.app.directives.Directives;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.engagement.StoredEngagement;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.policy.Policies;
import edu.scrutiny.app.policy.PolicyDocument;
import edu.scrutiny.app.reference.CountryList;
import edu.scrutiny.app.reference.CountryLists;
import edu.scrutiny.app.screening.Hit;
import edu.scrutiny.app.screening.HitClearances;
import edu.scrutiny.app.screening.Screening;
import edu.scrutiny.app.support.Documents;
import edu.scrutiny.lists.ListCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail against each database (a subclass per database): real actions append chained
 * records, verify holds, and each kind of tampering with {@code audit_log} through JDBC (altered,
 * removed, reordered, added) is found at the right record. The chain is built once; every case
 * starts from it, restored row by row.
 */
@SpringBootTest(classes = ScrutinyApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailCases {
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired ListCatalog catalog;
    @Autowired Directives directives;
    @Autowired Engagements engagements;
    @Autowired Assessments assessments;
    @Autowired CountryLists countryLists;
    @Autowired Policies policies;
    @Autowired HitClearances clearances;
    @Autowired Screening screening;

    private List<AuditRecord> chain;
    private String engagementId;

    @BeforeAll
    void actions() throws Exception {
        catalog.importList(Scenarios.path("lists/2019-04-01/us_bis_entity_list.csv"), LocalDate.parse("2019-04-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        catalog.importList(Scenarios.path("lists/2019-06-01/us_bis_entity_list.csv"), LocalDate.parse("2019-06-01"),
                ListCategory.EXPORT_CONTROL, ListCatalog.ImportProgress.NONE, "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test");
        directives.importAll(DirectiveDocuments.read(Scenarios.text("directives.yaml"), "directives.yaml"), "test"); // unchanged: no record
        StoredEngagement e = engagements.submit(Scenarios.engagement("huawei-2019-06-01"), "test", "submitter@example.edu");
        engagementId = e.id();
        assessments.assessAndRecord(engagementId, LocalDate.parse("2019-04-10"), "analyst@example.edu");
        CountryList elevated = countryLists.current(CountryList.ELEVATED_RISK);
        countryLists.update(CountryList.ELEVATED_RISK, elevated.countries(), "test: same countries, new note", null, "admin@example.edu");
        PolicyDocument policy = policies.current().document();
        policies.update(policy, "test: the same rules again", "admin@example.edu");
        // no country: an institution of another country than the listed one needs much more evidence (issue 11)
        Hit hit = screening.snapshot().screen("National University of Defence Technology", false, null, LocalDate.parse("2016-06-01")).get(0);
        clearances.clear(hit, "A British namesake", "analyst@example.edu");
        chain = records();
    }

    @BeforeEach
    void restoreTheChain() {
        jdbc.sql("DELETE FROM audit_log").update();
        for (AuditRecord r : chain) {
            jdbc.sql("""
                    INSERT INTO audit_log (seq, recorded_at, actor, action, object_type, object_id, before_doc, after_doc, prev_hash, hash)
                    VALUES (:seq, :at, :actor, :action, :type, :id, :before, :after, :prev, :hash)""")
                    .param("seq", r.seq()).param("at", LocalDateTime.ofInstant(r.recordedAt(), ZoneOffset.UTC))
                    .param("actor", r.actor()).param("action", r.action()).param("type", r.objectType())
                    .param("id", r.objectId()).param("before", r.before()).param("after", r.after())
                    .param("prev", r.prevHash()).param("hash", r.hash()).update();
        }
        AuditRecord last = chain.getLast();
        jdbc.sql("UPDATE audit_head SET last_seq = :s, last_hash = :h WHERE id = 1").param("s", last.seq()).param("h", last.hash()).update();
    }

    @Test
    void everyActionAppendsAChainedRecord() {
        assertThat(chain).extracting(AuditRecord::action).containsExactly(
                "list.imported", "list.imported", "directive.imported",
                "engagement.submitted", "assessment.recorded", "case.opened", "engagement.status_changed", "assessment.recorded",
                "country_list.updated", "policy.updated", "hit.cleared");
        assertThat(chain).extracting(AuditRecord::actor).containsExactly(
                "test", "test", "test", "submitter@example.edu", "submitter@example.edu", "system", "system", "analyst@example.edu",
                "admin@example.edu", "admin@example.edu", "analyst@example.edu");
        assertThat(chain).extracting(AuditRecord::objectType).containsExactly(
                "list", "list", "directive", "engagement", "engagement", "case", "engagement", "engagement", "country_list", "policy",
                "hit_clearance");
        String prev = "0".repeat(64);
        for (int i = 0; i < chain.size(); i++) {
            AuditRecord r = chain.get(i);
            assertThat(r.seq()).isEqualTo(i + 1);
            assertThat(r.prevHash()).isEqualTo(prev);
            assertThat(r.hash()).as("record %d, hashed as the README says", r.seq()).isEqualTo(readmeHash(r)).matches("[0-9a-f]{64}");
            prev = r.hash();
        }
        AuditRecord secondImport = chain.get(1);
        assertThat(Documents.JSON.readTree(secondImport.before()).at("/version/effective_from").asString()).isEqualTo("2019-04-01");
        assertThat(Documents.JSON.readTree(secondImport.after()).at("/version/effective_from").asString()).isEqualTo("2019-06-01");
        assertThat(Documents.JSON.readTree(secondImport.after()).get("added").asInt()).isEqualTo(2);
        assertThat(Documents.JSON.readTree(chain.get(7).before()).get("tier").asString()).isEqualTo("PROHIBITED");
        assertThat(Documents.JSON.readTree(chain.get(8).before()).get("version").asInt()).isEqualTo(1);
        assertThat(Documents.JSON.readTree(chain.get(8).after()).get("version").asInt()).isEqualTo(2);

        assertThat(audit.verify()).isEqualTo(new AuditVerification(true, chain.size(), null, null));
        assertThat(audit.verify().summary()).isEqualTo("audit trail intact: 11 records");
    }

    @Test
    void anObjectsRecordsAreItsTimeline() {
        assertThat(audit.recent("engagement", engagementId)).extracting(AuditRecord::action)
                .containsExactly("engagement.submitted", "assessment.recorded", "engagement.status_changed", "assessment.recorded");
        assertThat(audit.recent("engagement", engagementId, 1)).extracting(AuditRecord::seq).containsExactly(8L);
        assertThat(audit.recent("engagement", "ENG-999999")).isEmpty();
    }

    @Test
    void anActionThatRollsBackLeavesNoRecord() {
        PolicyDocument policy = policies.current().document();
        int version = policies.current().version();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            policies.update(policy, "test: rolled back", "admin@example.edu");
            throw new IllegalStateException("the action fails after its audit record was appended");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(policies.current().version()).isEqualTo(version);
        assertThat(records()).isEqualTo(chain);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void appendsFromManyThreadsNeverFork() throws Exception {
        int threads = 4;
        int each = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.append("thread " + thread, "test.appended", "test", thread + "/" + i, null, List.of(thread, i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        List<AuditRecord> all = records();
        assertThat(all).hasSize(chain.size() + threads * each);
        assertThat(all).extracting(AuditRecord::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList());
        assertThat(audit.verify()).isEqualTo(new AuditVerification(true, all.size(), null, null));
    }

    @Test
    void aRecordNeedsAnActorAndAnAction() {
        assertThatThrownBy(() -> audit.append(" ", "policy.updated", "policy", "policy", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThatThrownBy(() -> audit.append("admin", null, "policy", "policy", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
        assertThat(records()).isEqualTo(chain);
    }

    @Test
    void anAlteredRecordIsFound() {
        jdbc.sql("UPDATE audit_log SET after_doc = :doc WHERE seq = 5").param("doc", "{\"tier\":\"STANDARD\"}").update();
        AuditVerification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(5);
        assertThat(v.records()).isEqualTo(4);
        assertThat(v.reason()).isEqualTo("altered: its content does not match its hash");
        assertThat(v.summary()).isEqualTo("audit trail broken at record 5: altered: its content does not match its hash");
    }

    @Test
    void anAlteredActorIsFound() {
        jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").update();
        assertThat(audit.verify()).extracting(AuditVerification::brokenAt, AuditVerification::reason)
                .containsExactly(2L, "altered: its content does not match its hash");
    }

    @Test
    void anAlteredRecordWithItsHashRecomputedIsFoundAtTheNext() {
        AuditRecord r = chain.get(3);
        AuditRecord forged = new AuditRecord(r.seq(), r.recordedAt(), "someone else", r.action(), r.objectType(), r.objectId(),
                r.before(), r.after(), r.prevHash(), null);
        jdbc.sql("UPDATE audit_log SET actor = :a, hash = :h WHERE seq = 4").param("a", forged.actor()).param("h", readmeHash(forged)).update();
        AuditVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(5);
        assertThat(v.reason()).startsWith("removed or reordered: its prev_hash is not the hash of record 4");
    }

    @Test
    void aRemovedRecordIsFound() {
        jdbc.sql("DELETE FROM audit_log WHERE seq = 4").update();
        AuditVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(5);
        assertThat(v.records()).isEqualTo(3);
        assertThat(v.reason()).isEqualTo("removed: its prev_hash is not the hash of record 3, the one before it; record 4 is missing");
    }

    @Test
    void aRemovedFirstRecordIsFound() {
        jdbc.sql("DELETE FROM audit_log WHERE seq = 1").update();
        AuditVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(2);
        assertThat(v.reason()).startsWith("removed: it is the first record, but its prev_hash is not 64 zeros");
    }

    @Test
    void aRemovedLastRecordIsFound() {
        jdbc.sql("DELETE FROM audit_log WHERE seq = 11").update();
        AuditVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(11);
        assertThat(v.records()).isEqualTo(10);
        assertThat(v.reason()).isEqualTo("removed: record 11 is missing; it was the last record appended");
        jdbc.sql("DELETE FROM audit_log WHERE seq > 6").update();
        assertThat(audit.verify().summary()).isEqualTo(
                "audit trail broken at record 7: removed: records 7 to 11 are missing; 11 was the last record appended");
    }

    @Test
    void recordsReorderedBySeqAreFound() {
        jdbc.sql("UPDATE audit_log SET seq = -1 WHERE seq = 3").update();
        jdbc.sql("UPDATE audit_log SET seq = 3 WHERE seq = 4").update();
        jdbc.sql("UPDATE audit_log SET seq = 4 WHERE seq = -1").update();
        AuditVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(3);
        assertThat(v.reason()).isEqualTo("altered or reordered: its content does not match its hash, and its prev_hash is not"
                + " the hash of record 2, the one before it");
    }

    @Test
    void recordsWithSwappedContentAreFound() {
        AuditRecord a = chain.get(6);
        AuditRecord b = chain.get(7);
        swapContent(a.seq(), b);
        swapContent(b.seq(), a);
        AuditVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(7);
        assertThat(v.reason()).isEqualTo("altered: its content does not match its hash");
    }

    @Test
    void aRecordAddedBehindScrutinysBackIsFound() {
        AuditRecord last = chain.getLast();
        AuditRecord extra = new AuditRecord(last.seq() + 1, last.recordedAt(), "intruder", "policy.updated", "policy", "policy",
                null, "{}", last.hash(), null);
        jdbc.sql("""
                INSERT INTO audit_log (seq, recorded_at, actor, action, object_type, object_id, before_doc, after_doc, prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :type, :id, NULL, :after, :prev, :hash)""")
                .param("seq", extra.seq()).param("at", LocalDateTime.ofInstant(extra.recordedAt(), ZoneOffset.UTC))
                .param("actor", extra.actor()).param("action", extra.action()).param("type", extra.objectType())
                .param("id", extra.objectId()).param("after", extra.after()).param("prev", extra.prevHash())
                .param("hash", readmeHash(extra)).update();
        AuditVerification v = audit.verify();
        assertThat(v.brokenAt()).isEqualTo(12);
        assertThat(v.records()).isEqualTo(11);
        assertThat(v.reason()).isEqualTo("added: Scrutiny did not append it; the last record appended is 11");
    }

    @Test
    void exportWritesOneJsonObjectARecord() {
        StringWriter out = new StringWriter();
        assertThat(audit.export(out)).isEqualTo(chain.size());
        String[] lines = out.toString().split("\n", -1);
        assertThat(lines).hasSize(chain.size() + 1);
        assertThat(lines[chain.size()]).isEmpty();
        for (int i = 0; i < chain.size(); i++) {
            AuditRecord r = chain.get(i);
            JsonNode line = Documents.JSON.readTree(lines[i]);
            assertThat(line.propertyNames()).containsExactly(
                    "seq", "recorded_at", "actor", "action", "object_type", "object_id", "before", "after", "prev_hash", "hash");
            assertThat(line.get("seq").asLong()).isEqualTo(r.seq());
            assertThat(line.get("recorded_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(line.get("actor").asString()).isEqualTo(r.actor());
            assertThat(line.get("hash").asString()).isEqualTo(r.hash());
            assertThat(line.get("prev_hash").asString()).isEqualTo(r.prevHash());
            if (r.after() == null) {
                assertThat(line.get("after").isNull()).isTrue();
            } else {
                assertThat(line.get("after").isObject()).as("after is a JSON value, not a string").isTrue();
                assertThat(line.get("after")).isEqualTo(Documents.JSON.readTree(r.after()));
                assertThat(lines[i]).as("the stored text, verbatim").contains("\"after\":" + r.after() + ",\"prev_hash\"");
            }
            if (r.before() == null) {
                assertThat(line.get("before").isNull()).isTrue();
            } else {
                assertThat(line.get("before")).isEqualTo(Documents.JSON.readTree(r.before()));
            }
        }
        assertThat(Documents.JSON.readTree(lines[0]).get("before").isNull()).isTrue();
        assertThat(Documents.JSON.readTree(lines[9]).at("/after/document/rules").isArray()).isTrue();
    }

    @Test
    void aTamperedDocumentIsExportedAsText() {
        jdbc.sql("UPDATE audit_log SET after_doc = 'not {json' WHERE seq = 1").update();
        StringWriter out = new StringWriter();
        audit.export(out);
        JsonNode first = Documents.JSON.readTree(out.toString().split("\n")[0]);
        assertThat(first.get("after").asString()).isEqualTo("not {json");
    }

    private void swapContent(long seq, AuditRecord from) {
        jdbc.sql("""
                UPDATE audit_log SET actor = :actor, action = :action, object_type = :type, object_id = :id,
                    before_doc = :before, after_doc = :after WHERE seq = :seq""")
                .param("actor", from.actor()).param("action", from.action()).param("type", from.objectType())
                .param("id", from.objectId()).param("before", from.before()).param("after", from.after())
                .param("seq", seq).update();
    }

    private List<AuditRecord> records() {
        List<AuditRecord> out = new ArrayList<>();
        audit.export(out::add);
        return out;
    }

    /**
     * The hash as the README describes it, computed here independently of the application's code:
     * netstrings of seq, recorded_at, actor, action, object_type, object_id, before, after, then prev_hash.
     */
    static String readmeHash(AuditRecord r) {
        StringBuilder sb = new StringBuilder();
        for (String field : new String[] {Long.toString(r.seq()),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(r.recordedAt()),
                r.actor(), r.action(), r.objectType(), r.objectId(), r.before(), r.after()}) {
            sb.append(field == null ? "-1:," : field.getBytes(StandardCharsets.UTF_8).length + ":" + field + ",");
        }
        sb.append(r.prevHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
