package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.ReaderTestSupport;
import edu.scrutiny.lists.ReaderTestSupport.Read;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static edu.scrutiny.lists.formats.XmlTestFiles.DECLARATION;
import static edu.scrutiny.lists.formats.XmlTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EuXmlReaderTest {
    private static final String ROOT = "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" generationDate=\"2026-02-20T17:00:00.000+01:00\">\n";
    private static Read eu;

    @BeforeAll
    static void readSample() throws IOException {
        eu = ReaderTestSupport.read(ReaderTestSupport.sample("eu-xml/eu-fsf-sample.xml"));
    }

    @Test
    void readsEverySanctionEntity() {
        assertThat(eu.format()).isEqualTo(ListFormat.EU_XML);
        assertThat(eu.listKey()).isEqualTo("eu_fsf");
        assertThat(eu.entries()).extracting(ListEntry::sourceId).containsExactly("9001", "9002", "9003", "9004", "9005");
        assertThat(eu.bySchema()).isEqualTo(Map.of(Schema.PERSON, 3L, Schema.ORGANIZATION, 2L));
        assertThat(eu.entries()).allSatisfy(e -> {
            assertThat(e.list()).isEqualTo("eu_fsf");
            assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
        });
    }

    @Test
    void personWithOriginalScriptNameWeakAliasAndTwoRegulations() {
        ListEntry e = eu.byId("9001");
        assertThat(e.schema()).isEqualTo(Schema.PERSON);
        assertThat(e.name()).isEqualTo("Anton Igorevich BELOVSKY");
        assertThat(e.aliases()).containsExactly(Alias.strong("Антон Игоревич БЕЛОВСКИЙ"), Alias.weak("Tosha"));
        assertThat(e.countries()).containsExactly("RU");
        assertThat(e.addresses()).containsExactly("Ulitsa Primernaya 1, Kursk, 305000, RUSSIAN FEDERATION");
        assertThat(e.identifiers()).containsExactly(
                new Identifier("EU reference number", "EU.9001.11", null),
                new Identifier("National passport", "75 0012345", "RU"));
        assertThat(e.birthDates()).containsExactly("1965-09-03");
        assertThat(e.programs()).containsExactly("UKR");
        // the amendment comes first in the file; the listing is the earlier act
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2014, 3, 17));
        assertThat(e.sourceUrl()).isEqualTo("https://eur-lex.europa.eu/example/2014-998");
        assertThat(e.remarks()).isEqualTo("Deputy head of a fictional agency; listed for tests.");
        assertThat(e.delistedOn()).isNull();
    }

    @Test
    void nameFromPartsBirthYearOnlyAndDesignationDate() {
        ListEntry e = eu.byId("9002");
        assertThat(e.name()).isEqualTo("Samir HADDADIN");
        assertThat(e.aliases()).isEmpty();
        assertThat(e.birthDates()).containsExactly("1971", "1972-04");
        assertThat(e.countries()).containsExactly("SY");
        // designated the day before the regulation came into force; the regulation has no publication date
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2011, 5, 9));
        assertThat(e.sourceUrl()).isEqualTo("https://eur-lex.europa.eu/example/2011-997");
        assertThat(e.programs()).containsExactly("SYR");
    }

    @Test
    void enterpriseWithSeveralRegulationsProgrammesAndUnknownAddress() {
        ListEntry e = eu.byId("9003");
        assertThat(e.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(e.name()).isEqualTo("NORTHERN LANTERN TRADING LLC");
        assertThat(e.aliases()).containsExactly(Alias.weak("NLT"), Alias.strong("Northern Lantern General Trading"));
        assertThat(e.addresses()).containsExactly(
                "Office 12, Example Tower, Sheikh Zayed Road, P.O. Box 99999, Dubai, UNITED ARAB EMIRATES");
        assertThat(e.countries()).containsExactly("AE");
        assertThat(e.identifiers()).containsExactly(
                new Identifier("EU reference number", "EU.9003.33", null),
                new Identifier("Registration Number", "CN-1234567", "AE"));
        assertThat(e.programs()).containsExactly("IRN", "TERR");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2012, 1, 24));
        assertThat(e.sourceUrl()).isEqualTo("https://eur-lex.europa.eu/example/2012-995");
        assertThat(e.remarks()).isEqualTo("Trading company; invented for tests.\n\nProcurement front for a fictional programme");
        assertThat(e.birthDates()).isEmpty();
    }

    @Test
    void primaryNameIsTheFirstStrongOne() {
        ListEntry e = eu.byId("9004");
        assertThat(e.name()).isEqualTo("JOINT STOCK COMPANY GAMMA SIGNAL ZAVOD");
        assertThat(e.aliases()).containsExactly(Alias.weak("GSZ"));
        assertThat(e.addresses()).containsExactly("Tula, Tula Oblast, RUSSIAN FEDERATION");
        assertThat(e.countries()).containsExactly("RU");
    }

    @Test
    void unReferenceAndPublicationUrlAsAttribute() {
        ListEntry e = eu.byId("9005");
        assertThat(e.identifiers()).containsExactly(
                new Identifier("EU reference number", "EU.9005.55", null),
                new Identifier("UN reference number", "QDi.999", null));
        assertThat(e.sourceUrl()).isEqualTo("https://eur-lex.europa.eu/example/2002-881");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2002, 5, 30));
        assertThat(e.birthDates()).isEmpty();
        assertThat(e.programs()).containsExactly("AQD");
    }

    // ---- bad input ----

    @Test
    void externalEntityIsRefusedAndItsTargetNeverRead(@TempDir Path dir) throws IOException {
        Path secret = XmlTestFiles.secret(dir);
        Path p = write(dir, "eu.xml", DECLARATION
                + "<!DOCTYPE export [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n" + ROOT
                + "<sanctionEntity logicalId=\"1\"><subjectType code=\"person\" classificationCode=\"P\"/>"
                + "<nameAlias wholeName=\"&leak;\" strong=\"true\"/></sanctionEntity>\n</export>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 2")
                .hasMessageContaining("document type declarations and entity references are refused")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void truncatedDocumentFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "eu.xml", DECLARATION + ROOT
                + "<sanctionEntity logicalId=\"1\">\n<subjectType code=\"person\" classificationCode=\"P\"/>\n"
                + "<nameAlias wholeName=\"Some Body\" strong=\"true\"/>\n</sanctionEntity>\n<sanctionEntity logicalId=\"2\">\n<nameAl");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 8")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void emptyFileFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "eu.xml", "");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> XmlTestFiles.readWith(new EuXmlReader(), p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void exportWithoutTheFsfNamespaceIsNotTheList(@TempDir Path dir) throws IOException {
        Path p = write(dir, "export.xml", DECLARATION
                + "<export generationDate=\"2026-01-01\">\n<sanctionEntity logicalId=\"1\"/>\n</export>\n");
        assertThat(new EuXmlReader().recognises(ListSource.ofFile(p))).isFalse();
        assertThatThrownBy(() -> Lists.standard().discover(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("not a list format Scrutiny reads");
        assertThatThrownBy(() -> XmlTestFiles.readWith(new EuXmlReader(), p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 2")
                .hasMessageContaining("root element is <export>; expected <export> in namespace http://eu.europa.ec/fpi/fsd/export");
    }

    @Test
    void otherXmlIsNotTheList(@TempDir Path dir) throws IOException {
        Path p = write(dir, "eu.xml", DECLARATION + "<rss version=\"2.0\"><channel><title>FSF</title></channel></rss>\n");
        assertThat(new EuXmlReader().recognises(ListSource.ofFile(p))).isFalse();
        assertThatThrownBy(() -> XmlTestFiles.readWith(new EuXmlReader(), p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("root element is <rss>");
    }

    @Test
    void entityWithoutNameNamesTheElementAndLine(@TempDir Path dir) throws IOException {
        Path p = write(dir, "eu.xml", DECLARATION + ROOT
                + "<sanctionEntity logicalId=\"1\">\n<subjectType code=\"person\" classificationCode=\"P\"/>\n"
                + "<nameAlias wholeName=\"\" firstName=\"\" lastName=\"\" strong=\"true\"/>\n</sanctionEntity>\n</export>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 3 <sanctionEntity>")
                .hasMessageContaining("sanctionEntity 1 has no name");
    }

    @Test
    void entityWithoutLogicalIdOrSubjectTypeFails(@TempDir Path dir) throws IOException {
        Path noId = write(dir, "eu.xml", DECLARATION + ROOT
                + "<sanctionEntity euReferenceNumber=\"EU.1.1\">\n<subjectType code=\"person\"/>\n"
                + "<nameAlias wholeName=\"Some Body\" strong=\"true\"/>\n</sanctionEntity>\n</export>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(noId))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(noId + " line 3 <sanctionEntity>")
                .hasMessageContaining("no logicalId");
        Path vessel = write(dir, "eu2.xml", DECLARATION + ROOT
                + "<sanctionEntity logicalId=\"5\">\n<subjectType code=\"vessel\" classificationCode=\"V\"/>\n"
                + "<nameAlias wholeName=\"Some Ship\" strong=\"true\"/>\n</sanctionEntity>\n</export>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(vessel))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(vessel + " line 3 <sanctionEntity>")
                .hasMessageContaining("subjectType code \"vessel\"");
    }

    @Test
    void badRegulationDateFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "eu.xml", DECLARATION + ROOT
                + "<sanctionEntity logicalId=\"1\">\n<regulation programme=\"UKR\" publicationDate=\"17.03.14\"/>\n"
                + "<subjectType code=\"person\"/>\n<nameAlias wholeName=\"Some Body\" strong=\"true\"/>\n</sanctionEntity>\n</export>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 3 <sanctionEntity>")
                .hasMessageContaining("publicationDate \"17.03.14\" is not a date");
    }
}
