package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.Owner;
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

class UkXmlReaderTest {
    private static final String ROOT = "<Designations xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";
    private static Read uk;

    @BeforeAll
    static void readSample() throws IOException {
        uk = ReaderTestSupport.read(ReaderTestSupport.sample("uk-xml/uk-sanctions-list-sample.xml"));
    }

    @Test
    void readsEveryDesignation() {
        assertThat(uk.format()).isEqualTo(ListFormat.UK_XML);
        assertThat(uk.listKey()).isEqualTo("gb_fcdo");
        assertThat(uk.entries()).extracting(ListEntry::sourceId).containsExactly("RUS9001", "AFG9002", "RUS9003");
        assertThat(uk.bySchema()).isEqualTo(Map.of(Schema.PERSON, 1L, Schema.ORGANIZATION, 1L, Schema.VESSEL, 1L));
        assertThat(uk.entries()).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
            assertThat(e.sourceUrl()).isEqualTo(UkXmlReader.SOURCE_URL);
        });
    }

    @Test
    void individualNamesInPartsWithVariationsWeakAliasAndNonLatinScript() {
        ListEntry e = uk.byId("RUS9001");
        assertThat(e.schema()).isEqualTo(Schema.PERSON);
        assertThat(e.name()).isEqualTo("Ivan Petrovich KOZLOVETS");
        assertThat(e.aliases()).containsExactly(
                Alias.weak("VANYA"),
                Alias.strong("Ivan KOZLOVETZ"),
                Alias.strong("Ioann P. KOZLOVETS"),
                Alias.strong("Иван Петрович КОЗЛОВЕЦ"));
        assertThat(e.birthDates()).containsExactly("1965-09-03", "1966", "1967-04");
        assertThat(e.countries()).containsExactly("RU");
        assertThat(e.addresses()).containsExactly("Ulitsa Primernaya 7, Kazan, 420000, Russia");
        assertThat(e.identifiers()).containsExactly(
                new Identifier("OFSI group ID", "19001", null),
                new Identifier("Passport", "750012345", null),
                new Identifier("National identifier", "123456789012", null));
        assertThat(e.programs()).containsExactly("The Russia (Sanctions) (EU Exit) Regulations 2019");
        // day first: 15/03/2022 is the 15th of March
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2022, 3, 15));
        assertThat(e.remarks()).isEqualTo("Invented person for tests.\n\n"
                + "Involved in obtaining a benefit from a fictional sector.");
    }

    @Test
    void entityWithParentRegistrationNumberAndUnReference() {
        ListEntry e = uk.byId("AFG9002");
        assertThat(e.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(e.name()).isEqualTo("EXAMPLE HAWALA AND MONEY EXCHANGE");
        assertThat(e.aliases()).containsExactly(Alias.strong("Example Hawala"));
        // 05/02/2010 is the 5th of February, not (as US month-first would read it) the 2nd of May
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2010, 2, 5));
        assertThat(e.identifiers()).containsExactly(
                new Identifier("UN reference number", "TAe.999", null),
                new Identifier("OFSI group ID", "19002", null),
                new Identifier("Business registration number", "MSP-0440", null));
        assertThat(e.owners()).containsExactly(new Owner("Example Holding Group", null));
        assertThat(e.countries()).containsExactly("AF", "AE");
        assertThat(e.addresses()).containsExactly("Example Market, 2nd Floor, Kandahar, Afghanistan",
                "Branch Office 3, Dubai, United Arab Emirates");
        assertThat(e.remarks()).isEqualTo("Invented money service business for tests.");
        assertThat(e.birthDates()).isEmpty();
    }

    @Test
    void shipWithImoOwnerAndFlag() {
        ListEntry e = uk.byId("RUS9003");
        assertThat(e.schema()).isEqualTo(Schema.VESSEL);
        assertThat(e.name()).isEqualTo("NORTHERN EXAMPLE");
        assertThat(e.aliases()).containsExactly(Alias.strong("EXAMPLE SPIRIT"));
        assertThat(e.identifiers()).containsExactly(new Identifier("IMO number", "9999991", null));
        assertThat(e.owners()).containsExactly(new Owner("Example Maritime Ltd", null));
        assertThat(e.countries()).containsExactly("CM");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2025, 5, 9));
    }

    // ---- bad input ----

    private static String designation(String uniqueId, String names, String type) {
        return "<Designation>\n<UniqueID>" + uniqueId + "</UniqueID>\n<Names>" + names + "</Names>\n"
                + "<IndividualEntityShip>" + type + "</IndividualEntityShip>\n</Designation>\n";
    }

    @Test
    void externalEntityIsRefusedAndItsTargetNeverRead(@TempDir Path dir) throws IOException {
        Path secret = XmlTestFiles.secret(dir);
        Path p = write(dir, "uk.xml", DECLARATION
                + "<!DOCTYPE Designations [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n" + ROOT
                + designation("RUS1", "<Name><Name6>&leak;</Name6><NameType>Primary Name</NameType></Name>", "Individual")
                + "</Designations>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 2")
                .hasMessageContaining("document type declarations and entity references are refused")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void truncatedDocumentFails(@TempDir Path dir) throws IOException {
        String whole = DECLARATION + ROOT
                + designation("RUS1", "<Name><Name6>ONE</Name6><NameType>Primary Name</NameType></Name>", "Individual")
                + designation("RUS2", "<Name><Name6>TWO</Name6><NameType>Primary Name</NameType></Name>", "Entity")
                + "</Designations>\n";
        Path p = write(dir, "uk.xml", whole.substring(0, whole.indexOf("TWO")));
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 10")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void emptyFileFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "uk.xml", "");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> XmlTestFiles.readWith(new UkXmlReader(), p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void otherXmlIsNotTheList(@TempDir Path dir) throws IOException {
        // OFSI's closed consolidated list has a different root; it is not this format
        Path p = write(dir, "ConList.xml", DECLARATION
                + "<ArrayOfFinancialSanctionsTarget>\n<FinancialSanctionsTarget/>\n</ArrayOfFinancialSanctionsTarget>\n");
        assertThat(new UkXmlReader().recognises(ListSource.ofFile(p))).isFalse();
        assertThatThrownBy(() -> Lists.standard().discover(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("not a list format Scrutiny reads");
        assertThatThrownBy(() -> XmlTestFiles.readWith(new UkXmlReader(), p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 2")
                .hasMessageContaining("root element is <ArrayOfFinancialSanctionsTarget>; expected <Designations>");
    }

    @Test
    void designationWithoutNameNamesTheElementAndLine(@TempDir Path dir) throws IOException {
        Path p = write(dir, "uk.xml", DECLARATION + ROOT
                + designation("RUS1", "<Name><Name6>ONE</Name6><NameType>Primary Name</NameType></Name>", "Individual")
                + designation("RUS2", "<Name><Name1> </Name1><Name6></Name6><NameType>Primary Name</NameType></Name>", "Entity")
                + "</Designations>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 8 <Designation> (UniqueID RUS2)")
                .hasMessageContaining("Designation has no name");
    }

    @Test
    void unknownTypeAndMonthFirstDateFail(@TempDir Path dir) throws IOException {
        Path aircraft = write(dir, "uk.xml", DECLARATION + ROOT
                + designation("RUS1", "<Name><Name6>ONE</Name6><NameType>Primary Name</NameType></Name>", "Aircraft")
                + "</Designations>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(aircraft))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(aircraft + " line 3 <Designation> (UniqueID RUS1)")
                .hasMessageContaining("IndividualEntityShip is \"Aircraft\"; expected Individual, Entity or Ship");
        Path usDate = write(dir, "uk2.xml", DECLARATION + ROOT
                + "<Designation>\n<DateDesignated>03/25/2022</DateDesignated>\n<UniqueID>RUS1</UniqueID>\n"
                + "<Names><Name><Name6>ONE</Name6><NameType>Primary Name</NameType></Name></Names>\n"
                + "<IndividualEntityShip>Entity</IndividualEntityShip>\n</Designation>\n</Designations>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(usDate))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(usDate + " line 3 <Designation> (UniqueID RUS1)")
                .hasMessageContaining("DateDesignated \"03/25/2022\" is not a date; expected DD/MM/YYYY");
    }

    @Test
    void designationWithoutUniqueIdFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "uk.xml", DECLARATION + ROOT
                + "<Designation>\n<Names><Name><Name6>ONE</Name6><NameType>Primary Name</NameType></Name></Names>\n"
                + "<IndividualEntityShip>Entity</IndividualEntityShip>\n</Designation>\n</Designations>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 3 <Designation>")
                .hasMessageContaining("no UniqueID");
    }
}
