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
import edu.scrutiny.lists.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnXmlReaderTest {
    private static Read un;

    @BeforeAll
    static void readRealList() throws IOException {
        un = ReaderTestSupport.read(SharedData.list("un-consolidated-2026-02-27.xml"));
    }

    @Test
    void readsEveryIndividualAndEntity() {
        assertThat(un.format()).isEqualTo(ListFormat.UN_XML);
        assertThat(un.listKey()).isEqualTo("un_sc");
        assertThat(un.entries()).hasSize(1003);
        assertThat(un.bySchema()).isEqualTo(Map.of(Schema.PERSON, 730L, Schema.ORGANIZATION, 273L));
        assertThat(un.entries()).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
            assertThat(e.list()).isEqualTo("un_sc");
            assertThat(e.listedOn()).isNotNull();
            assertThat(e.programs()).hasSize(1);
            assertThat(e.sourceUrl()).isEqualTo(UnXmlReader.SOURCE_URL);
        });
        assertThat(un.entries().stream().map(ListEntry::sourceId).distinct()).hasSize(1003);
    }

    @Test
    void individualWithWeakAliasesOriginalScriptAndTwoBirthDates() {
        ListEntry e = un.byId("QDi.001");
        assertThat(e.schema()).isEqualTo(Schema.PERSON);
        assertThat(e.name()).isEqualTo("MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE");
        assertThat(e.aliases()).containsExactly(
                Alias.strong("محمد صلاح الدين عبدالحليم زيدان"),
                Alias.strong("Sayf-Al Adl"),
                Alias.strong("Muhamad Ibrahim Makkawi"),
                Alias.weak("Ibrahim al-Madani"),
                Alias.weak("Saif Al-'Adil"),
                Alias.weak("Seif al Adel"));
        assertThat(e.birthDates()).containsExactly("1963-04-11", "1960-04-11");
        assertThat(e.countries()).containsExactly("EG");
        assertThat(e.programs()).containsExactly("Al-Qaida");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2001, 1, 25));
        assertThat(e.remarks()).startsWith("Responsible for Usama bin Laden’s (deceased) security.");
    }

    @Test
    void nationalityAndAddressCountriesYearOfBirth() {
        ListEntry e = un.byId("CDi.001");
        assertThat(e.name()).isEqualTo("ERIC BADEGE");
        assertThat(e.countries()).containsExactly("CD", "RW");
        assertThat(e.addresses()).containsExactly("Rwanda");
        assertThat(e.birthDates()).containsExactly("1971");
        assertThat(e.aliases()).isEmpty();
        assertThat(e.programs()).containsExactly("DRC");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2012, 12, 31));
    }

    @Test
    void birthYearRangeSpelledOut() {
        ListEntry e = un.byId("CDi.030");
        assertThat(e.name()).isEqualTo("BOSCO TAGANDA");
        assertThat(e.birthDates()).containsExactly("1973", "1974");
        assertThat(e.aliases()).contains(Alias.strong("Bosco Ntaganda"), Alias.weak("Lydia"));
    }

    @Test
    void birthDatesGivenOnlyInNotesAndUnderAliases() {
        assertThat(un.byId("CFi.009").birthDates())
                .containsExactly("1959", "1960", "1961", "1963", "1964-09-18", "1965", "1961-08", "1961-07", "1961-01-01", "1963-04");
        ListEntry jang = un.byId("KPi.016");
        assertThat(jang.aliases()).contains(Alias.strong("Jang Hyon U"));
        assertThat(jang.birthDates()).containsExactly("1958-02-22", "1957-04-15");
    }

    @Test
    void listingDateWithTimeZoneAndAddressGivenOnlyAsNote() {
        ListEntry e = un.byId("QDi.352");
        assertThat(e.name()).isEqualTo("MAULANA FAZLULLAH");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2015, 4, 7));
        assertThat(e.addresses()).containsExactly("Afghanistan / Pakistan border region");
        assertThat(e.aliases()).contains(Alias.weak("Mullah Radio"), Alias.strong("Fazal Hayat"));
        assertThat(e.birthDates()).containsExactly("1974");
    }

    @Test
    void identityDocuments() {
        assertThat(un.byId("CDi.021").identifiers()).containsExactly(new Identifier("Passport", "OB 0243318", "CD"));
        assertThat(un.byId("CDi.019").identifiers())
                .containsExactly(new Identifier("National Identification Number (FARDC ID)", "1-78-09-44621-80", null));
        ListEntry dprk = un.byId("KPi.001");
        assertThat(dprk.name()).isEqualTo("YUN HO-JIN");
        assertThat(dprk.birthDates()).containsExactly("1944-10-13");
        assertThat(dprk.countries()).containsExactly("KP");
        assertThat(dprk.addresses()).containsExactly("Pyongyang, Democratic People's Republic of Korea");
    }

    @Test
    void entityWithFormerNamesOriginalScriptAndAddressCountries() {
        ListEntry e = un.byId("QDe.014");
        assertThat(e.schema()).isEqualTo(Schema.ORGANIZATION);
        assertThat(e.name()).isEqualTo("THE ORGANIZATION OF AL-QAIDA IN THE ISLAMIC MAGHREB");
        assertThat(e.aliases()).containsExactly(
                Alias.strong("تنظيم القا عدة ببلاد المغرب الاسلامي"),
                Alias.strong("AQIM"),
                Alias.strong("Al Qaïda au Maghreb islamique (AQMI)"),
                Alias.strong("Le Groupe Salafiste pour La Prédication et le Combat (GSPC)"),
                Alias.strong("Salafist Group For Call and Combat"));
        assertThat(e.countries()).containsExactly("DZ", "ML", "MR", "MA", "NE", "TN");
        assertThat(e.birthDates()).isEmpty();
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2001, 10, 6));
    }

    @Test
    void countryNamesAsTheUnWritesThem() {
        assertThat(un.byId("KPe.017").countries()).containsExactly("HK");
        assertThat(un.byId("KPi.036").countries()).containsExactly("KP", "MM");
        assertThat(un.byId("QDi.430").countries()).containsExactly("TT", "US");
        // "na" (not available) is not Namibia
        assertThat(un.entries()).noneSatisfy(e -> assertThat(e.countries()).contains("NA"));
    }

    // ---- bad input ----

    private static final String HEAD = XmlTestFiles.DECLARATION;

    private static Path write(Path dir, String name, String content) throws IOException {
        return XmlTestFiles.write(dir, name, content);
    }

    private static List<ListEntry> readDirect(Path p) throws IOException {
        return XmlTestFiles.readWith(new UnXmlReader(), p);
    }

    @Test
    void externalEntityIsRefusedAndItsTargetNeverRead(@TempDir Path dir) throws IOException {
        Path secret = XmlTestFiles.secret(dir);
        Path p = write(dir, "consolidated.xml", HEAD
                + "<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>"
                + "<FIRST_NAME>&leak;</FIRST_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><LISTED_ON>2001-01-01</LISTED_ON>"
                + "</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(p.toString() + " line 2")
                .hasMessageContaining("document type declarations and entity references are refused")
                .hasMessageNotContaining("TOP-SECRET");
        assertThatThrownBy(() -> readDirect(p)).isInstanceOf(ListFormatException.class)
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void truncatedDocumentFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "consolidated.xml", HEAD
                + "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n<INDIVIDUALS>\n<INDIVIDUAL>\n"
                + "<REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>\n<FIRST_NAME>A</FIRST_NAME>\n</INDIVIDUAL>\n<INDIVIDUAL>\n"
                + "<REFERENCE_NUMBER>QDi.002</REFERENCE_NUMBER>\n<FIRST_NA");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line ")
                .hasMessageContaining("not well-formed XML")
                .hasMessageContaining("truncated");
        Path cutBetweenEntries = write(dir, "cut.xml", HEAD
                + "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>\n"
                + "<FIRST_NAME>A</FIRST_NAME>\n<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>\n</INDIVIDUAL>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(cutBetweenEntries))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(cutBetweenEntries + " line ")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void emptyFileFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "consolidated.xml", "");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> readDirect(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void xmlThatIsNotTheListIsNotRecognised(@TempDir Path dir) throws IOException {
        Path p = write(dir, "consolidated.xml", HEAD + "<catalog><book id=\"1\"><title>XML</title></book></catalog>\n");
        assertThat(new UnXmlReader().recognises(ListSource.ofFile(p))).isFalse();
        assertThatThrownBy(() -> Lists.standard().discover(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p.toString())
                .hasMessageContaining("not a list format Scrutiny reads");
        assertThatThrownBy(() -> readDirect(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(p + " line 2")
                .hasMessageContaining("root element is <catalog>; expected <CONSOLIDATED_LIST>");
    }

    @Test
    void entryWithoutNameNamesTheElementAndLine(@TempDir Path dir) throws IOException {
        Path p = write(dir, "consolidated.xml", HEAD
                + "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n"
                + "<INDIVIDUAL>\n<REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>\n<FIRST_NAME>ONE</FIRST_NAME>\n</INDIVIDUAL>\n"
                + "<INDIVIDUAL>\n<REFERENCE_NUMBER>QDi.002</REFERENCE_NUMBER>\n<FIRST_NAME> </FIRST_NAME>\n"
                + "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>\n</INDIVIDUAL>\n"
                + "</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 8 <INDIVIDUAL>")
                .hasMessageContaining("QDi.002 has no name");
    }

    @Test
    void entryWithoutReferenceNumberFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "consolidated.xml", HEAD
                + "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY>\n<FIRST_NAME>SOME FRONT</FIRST_NAME>\n</ENTITY>\n"
                + "</ENTITIES>\n</CONSOLIDATED_LIST>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 4 <ENTITY>")
                .hasMessageContaining("no REFERENCE_NUMBER");
    }

    @Test
    void wrongEncodingFails(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("consolidated.xml");
        byte[] head = (HEAD + "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<REFERENCE_NUMBER>QDi.001</REFERENCE_NUMBER>\n"
                + "<FIRST_NAME>").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "MÜLLER".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "</FIRST_NAME>\n</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + latin1.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(latin1, 0, all, head.length, latin1.length);
        System.arraycopy(tail, 0, all, head.length + latin1.length, tail.length);
        Files.write(p, all);
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 6")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void badListingDateFails(@TempDir Path dir) throws IOException {
        Path p = write(dir, "consolidated.xml", HEAD
                + "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY>\n<REFERENCE_NUMBER>QDe.001</REFERENCE_NUMBER>\n"
                + "<FIRST_NAME>SOME FRONT</FIRST_NAME>\n<LISTED_ON>sometime in 2001</LISTED_ON>\n</ENTITY>\n"
                + "</ENTITIES>\n</CONSOLIDATED_LIST>\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(p))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(p + " line 4 <ENTITY>")
                .hasMessageContaining("LISTED_ON \"sometime in 2001\" is not a date");
    }
}
