package edu.scrutiny.app;

import edu.scrutiny.app.assessment.AssessedHit;
import edu.scrutiny.app.assessment.Assessment;
import edu.scrutiny.app.assessment.Assessor;
import edu.scrutiny.app.engagement.Engagement;
import edu.scrutiny.app.engagement.Engagements;
import edu.scrutiny.app.institutions.Institutions;
import edu.scrutiny.app.institutions.InstitutionsImport;
import edu.scrutiny.app.institutions.Resolution;
import edu.scrutiny.app.lists.ListCatalog;
import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Institutions bridged through the Research Organization Registry, run against each database by a
 * subclass. A made-up Section 1286-style listing names "Northern Polytechnical University of
 * Defence Technology"; its ROR record has a Chinese label and an inactive predecessor, "Binhai
 * Institute of Military Engineering", and a parent ministry. Parties named by the former name or
 * the Chinese label hit the listing only once the dump is imported.
 */
@SpringBootTest(classes = ScrutinyApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class InstitutionScenarios {
    static final String UNIVERSITY = "https://ror.org/05abcde12";
    static final String PREDECESSOR = "https://ror.org/01zzzzz99";
    @Autowired ListCatalog catalog;
    @Autowired Institutions institutions;
    @Autowired Assessor assessor;
    @Autowired Engagements engagements;
    @TempDir Path dir;

    @BeforeAll
    void importTheListing() throws IOException {
        catalog.importList(Scenarios.pathOf("/institutions/institution_watchlist.csv"), LocalDate.parse("2021-06-30"),
                ListCategory.RESEARCH_SECURITY, ListCatalog.ImportProgress.NONE, "test");
    }

    static Engagement with(Engagement.Party... parties) {
        return new Engagement("Joint lab", null, Engagement.Type.COLLABORATION, false, null, LocalDate.parse("2024-05-01"),
                null, null, null, null, new Engagement.Funding(BigDecimal.ZERO, "USD", Engagement.FundingSource.INTERNAL),
                List.of(parties), List.of("US"), List.of());
    }

    static Engagement.Party org(String name, String country, String ror) {
        return new Engagement.Party(name, Engagement.Kind.ORGANIZATION, country, Engagement.Role.COLLABORATOR,
                Engagement.OrganizationType.UNIVERSITY, List.of(), ror);
    }

    private List<AssessedHit> hits(Engagement.Party party) {
        return assessor.assess(with(party), null).hits();
    }

    @Test
    @Order(1)
    void withoutADumpFormerNamesAndOtherLanguagesDoNotHit() {
        assertThat(institutions.current()).isEmpty();
        assertThat(hits(org("Binhai Institute of Military Engineering", "CN", null))).isEmpty();
        assertThat(hits(org("北方国防科技工业大学", "CN", null))).isEmpty();
        // the listed name itself hits as before
        assertThat(hits(org("Northern Polytechnical University of Defence Technology", "CN", null)))
                .extracting(AssessedHit::sourceId).containsExactly("npudt");
        assertThatThrownBy(() -> engagements.validate(with(org("Binhai", "CN", "01zzzzz99")), "test"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("parties[0].ror").hasMessageContaining("no ROR dump is imported");
    }

    @Test
    @Order(2)
    void aFormerNameBridgesThroughThePredecessorRecord() throws IOException {
        InstitutionsImport imported = institutions.importDump(Scenarios.pathOf("/institutions/ror-v2.json"), "ror-v2.json", "test");
        assertThat(imported.duplicate()).isFalse();
        assertThat(imported.version().records()).isEqualTo(3);

        List<AssessedHit> hits = hits(org("Binhai Institute of Military Engineering", "CN", null));
        assertThat(hits).extracting(AssessedHit::sourceId).containsExactly("npudt");
        AssessedHit hit = hits.get(0);
        assertThat(hit.party()).isEqualTo("Binhai Institute of Military Engineering");
        assertThat(hit.screenedName()).isEqualTo("Northern Polytechnical University of Defence Technology");
        assertThat(hit.explanation())
                .contains("bridged by ROR: the party is ROR " + PREDECESSOR + " (Binhai Institute of Military Engineering, inactive in the registry")
                .contains("its successor is ROR " + UNIVERSITY)
                .contains("whose display name (en) is \"Northern Polytechnical University of Defence Technology\"")
                .contains("the listed entry resolves to ROR " + UNIVERSITY);
        // the hit counts like any other: the research-security listing raises the tier
        assertThat(assessor.assess(with(org("Binhai Institute of Military Engineering", "CN", null)), null).tier().name())
                .isNotEqualTo("STANDARD");
    }

    @Test
    @Order(3)
    void aLabelInAnotherLanguageBridges() {
        List<AssessedHit> hits = hits(org("北方国防科技工业大学", "CN", null));
        assertThat(hits).extracting(AssessedHit::sourceId).containsExactly("npudt");
        assertThat(hits.get(0).explanation()).contains("the party is ROR " + UNIVERSITY)
                .contains("\"北方国防科技工业大学\" is the record's label (zh) and CN its country");
    }

    @Test
    @Order(4)
    void countriesMustAgreeAndParentsAreNotIdentity() {
        assertThat(institutions.resolve("Binhai Institute of Military Engineering", "TW", null)).isEmpty();
        assertThat(hits(org("Binhai Institute of Military Engineering", "TW", null))).isEmpty();
        // the parent ministry resolves, and its child is shown but never screened as the ministry
        Resolution ministry = institutions.resolve("Ministry of Defence Industry", "CN", null).orElseThrow();
        assertThat(ministry.family()).extracting(Resolution.Linked::relation, Resolution.Linked::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("child", UNIVERSITY));
        assertThat(ministry.renames()).isEmpty();
        assertThat(hits(org("Ministry of Defence Industry", "CN", null))).isEmpty();
    }

    @Test
    @Order(5)
    void theSubmitterGivesTheRorId() {
        Engagement.Party campus = org("NPU-DT Tianjin Campus", "CN", "01zzzzz99");
        engagements.validate(with(campus), "test");
        assertThat(hits(campus)).extracting(AssessedHit::sourceId).containsExactly("npudt");
        assertThat(hits(campus).get(0).explanation()).contains("by the ror id given for the party");
        assertThatThrownBy(() -> engagements.validate(with(org("Somewhere", "CN", "0aaaaaaaa")), "test"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("parties[0].ror")
                .hasMessageContaining("'0aaaaaaaa' is not a record of the ROR dump in force");
    }

    @Test
    @Order(6)
    void aBadDumpChangesNothingAndANewerOneReplacesTheOlder() throws IOException {
        long before = institutions.current().orElseThrow().id();
        String good = Files.readString(Scenarios.pathOf("/institutions/ror-v2.json"));
        Path nameless = dir.resolve("nameless.json");
        Files.writeString(nameless, good.replaceFirst("(?s)\"names\": \\[\\s*\\{\"value\": \"Binhai.*?\\],\\s*\"relationships\"",
                "\"names\": [], \"relationships\""));
        assertThatThrownBy(() -> institutions.importDump(nameless, "nameless.json", "test"))
                .isInstanceOf(ListFormatException.class).hasMessageContaining("nameless.json record 2")
                .hasMessageContaining(PREDECESSOR).hasMessageContaining("has no names");
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, good.substring(0, good.length() - 200));
        assertThatThrownBy(() -> institutions.importDump(cut, "cut.json", "test")).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("cut.json");
        assertThat(institutions.current().orElseThrow().id()).isEqualTo(before);
        assertThat(institutions.versions()).hasSize(1);
        assertThat(institutions.find("01zzzzz99")).isPresent();

        // the same bytes again: nothing stored
        assertThat(institutions.importDump(Scenarios.pathOf("/institutions/ror-v2.json"), "again", "test").duplicate()).isTrue();

        // a newer dump in which the predecessor is withdrawn: it replaces the older, and still bridges, saying so
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, good.replace("\"status\": \"inactive\"", "\"status\": \"withdrawn\""));
        InstitutionsImport replaced = institutions.importDump(newer, "newer.json", "test");
        assertThat(replaced.previous().id()).isEqualTo(before);
        assertThat(institutions.current().orElseThrow().id()).isEqualTo(replaced.version().id()).isNotEqualTo(before);
        assertThat(institutions.find("01zzzzz99").orElseThrow().status()).isEqualTo("withdrawn");
        assertThat(hits(org("Binhai Institute of Military Engineering", "CN", null)).get(0).explanation())
                .contains("withdrawn in the registry");
    }
}
