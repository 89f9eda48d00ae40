package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReaders;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.Owner;
import edu.scrutiny.lists.ReaderTestSupport;
import edu.scrutiny.lists.ReaderTestSupport.Read;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.SharedData;
import edu.scrutiny.lists.internal.ZipGuard;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfacEnhancedXmlReaderTest {
    private static final String ZIP = "ofac-consolidated-2025-01-enhanced-xml.zip";
    private static final Path SAMPLE = ReaderTestSupport.sample("ofac-enhanced-xml/SDN_ENHANCED.XML");

    @TempDir
    static Path shared;
    /** CONS_ENHANCED.XML taken out of the published zip. */
    private static Path extracted;
    private static Read fromZip;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTheRealFile() throws IOException {
        Path zip = SharedData.root().resolve("lists").resolve(ZIP);
        if (!Files.exists(zip)) {
            return;
        }
        fromZip = ReaderTestSupport.read(zip);
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry("CONS_ENHANCED.XML"))) {
            extracted = shared.resolve("CONS_ENHANCED.XML");
            Files.copy(in, extracted);
        }
    }

    /** The real file as read from its zip; skips the test, visibly, where the shared data is absent. */
    private static Read real() {
        SharedData.list(ZIP);
        return fromZip;
    }

    @Test
    void readsTheConsolidatedListFromTheZip() {
        Read r = real();

        assertThat(r.format()).isEqualTo(ListFormat.OFAC_ENHANCED_XML);
        assertThat(r.listKey()).isEqualTo("us_ofac_cons");
        assertThat(r.entries()).hasSize(443);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.PERSON, 80L, Schema.LEGAL_ENTITY, 363L));
        assertThat(r.entries()).allSatisfy(e -> {
            assertThat(e.list()).isEqualTo("us_ofac_cons");
            assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
            assertThat(e.listedOn()).isNotNull();
        });
        assertThat(r.entries().stream().flatMap(e -> e.aliases().stream()).filter(Alias::weak).count()).isEqualTo(71);
    }

    @Test
    void readsTheExtractedFileAlike() throws IOException {
        real();
        Read r = ReaderTestSupport.read(extracted);

        assertThat(r.format()).isEqualTo(ListFormat.OFAC_ENHANCED_XML);
        assertThat(r.listKey()).isEqualTo("us_ofac_cons");
        assertThat(r.entries()).isEqualTo(real().entries());
    }

    @Test
    void readsHuawei() {
        ListEntry huawei = real().byName("HUAWEI TECHNOLOGIES CO., LTD.");

        assertThat(huawei.sourceId()).isEqualTo("30947");
        assertThat(huawei.schema()).isEqualTo(Schema.LEGAL_ENTITY);
        assertThat(huawei.aliases()).containsExactly(Alias.strong("HUAWEI INVESTMENT & HOLDING CO LTD"));
        assertThat(huawei.countries()).containsExactly("CN");
        assertThat(huawei.programs()).containsExactly("CMIC-EO13959");
        assertThat(huawei.identifiers()).containsExactly(
                new Identifier("Unified Social Credit Code (USCC)", "914403001922038216", "CN"));
        assertThat(huawei.addresses()).containsExactly(
                "Huawei Headquarter Office Building, Bantian, Longgang District, Guangdong, Shenzhen, 518129, China");
        // on the Consolidated List from 2020-11-12, on the Non-SDN CMIC List from 2021-06-03
        assertThat(huawei.listedOn()).isEqualTo(LocalDate.of(2020, 11, 12));
        assertThat(huawei.remarks()).contains("Listing Date (CMIC): 03 Jun 2021");
    }

    @Test
    void keepsOtherScriptsAndWeakNamesAsAliases() {
        ListEntry vtb = real().byId("17013");

        assertThat(vtb.name()).isEqualTo("VTB BANK PUBLIC JOINT STOCK COMPANY");
        assertThat(vtb.aliases()).contains(
                Alias.strong("БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО"),
                Alias.strong("JSC VTB BANK"),
                Alias.weak("JSC VTB BANK NEW DELHI BRANCH"));
        assertThat(vtb.identifiers()).contains(new Identifier("SWIFT/BIC", "VTBRRUMM", null),
                new Identifier("Tax ID No.", "7702070139", "RU"));
        assertThat(vtb.countries()).containsExactly("RU", "IN", "CN");
        assertThat(vtb.remarks()).startsWith("For more information on directives").contains("Website: www.vtb.com");
    }

    @Test
    void readsOwnersDatesOfBirthAndNationalities() {
        Read r = real();

        assertThat(r.entries()).filteredOn(e -> e.owners().contains(new Owner("VTB BANK PUBLIC JOINT STOCK COMPANY", null)))
                .isNotEmpty();
        ListEntry haniya = r.byId("9639");
        assertThat(haniya.name()).isEqualTo("HANIYA, Ismail Abdul Salah");
        assertThat(haniya.birthDates()).containsExactly("1962");
        assertThat(haniya.listedOn()).isEqualTo(LocalDate.of(2006, 4, 12));
        assertThat(haniya.remarks()).isEqualTo("Place of Birth: Shati");
        // "Palestinian" resolves through the document's own reference values to PS
        assertThat(r.entries()).filteredOn(e -> e.countries().contains("PS")).hasSizeGreaterThan(20);
    }

    @Test
    void anSdnPublicationIsTheSdnList() throws IOException {
        Read r = ReaderTestSupport.read(SAMPLE);

        assertThat(r.format()).isEqualTo(ListFormat.OFAC_ENHANCED_XML);
        assertThat(r.listKey()).isEqualTo("us_ofac_sdn");
        assertThat(r.entries()).extracting(ListEntry::sourceId).containsExactly("90101", "90102");

        ListEntry person = r.byId("90101");
        assertThat(person.schema()).isEqualTo(Schema.PERSON);
        assertThat(person.name()).isEqualTo("SAMPLOV, Ivan Petrovich");
        assertThat(person.aliases()).containsExactly(Alias.strong("САМПЛОВ, Иван Петрович"), Alias.weak("VANYA"));
        assertThat(person.birthDates()).containsExactly("1975-06-14", "1957", "1958", "1959");
        assertThat(person.countries()).containsExactly("RU", "PS");
        assertThat(person.addresses()).containsExactly("Moscow, Russia");
        assertThat(person.identifiers()).containsExactly(new Identifier("Passport", "717000000", "RU"));
        assertThat(person.programs()).containsExactly("UKRAINE-EO13661", "CYBER2");
        assertThat(person.listedOn()).isEqualTo(LocalDate.of(2018, 4, 6));
        assertThat(person.owners()).isEmpty();
        assertThat(person.remarks()).isEqualTo("Sample individual.\n\nGender: Male; Associate Of: SAMPLE SHIPPING LLC");

        ListEntry vessel = r.byId("90102");
        assertThat(vessel.schema()).isEqualTo(Schema.VESSEL);
        assertThat(vessel.countries()).containsExactly("IR");
        assertThat(vessel.identifiers()).containsExactly(new Identifier("MMSI", "422000000", null),
                new Identifier("Vessel Registration Identification", "IMO 9999999", null));
        assertThat(vessel.owners()).containsExactly(new Owner("SAMPLE SHIPPING LLC", null));
    }

    @Test
    void anUnfilteredPublicationIsNamedByItsFile() throws IOException {
        String unfiltered = sample().replaceFirst("(?s)<filters>.*</filters>", "");

        assertThat(ReaderTestSupport.read(write("SDN_ENHANCED.XML", unfiltered)).listKey()).isEqualTo("us_ofac_sdn");
        assertThat(ReaderTestSupport.read(write("CONS_ENHANCED.XML", unfiltered)).listKey()).isEqualTo("us_ofac_cons");
    }

    @Test
    void externalEntityIsRefusedWithoutBeingFetched() throws IOException {
        try (OfacXmlBadInput.EntityTarget target = new OfacXmlBadInput.EntityTarget()) {
            Path xxe = write("SDN_ENHANCED.XML", OfacXmlBadInput.withExternalEntity(sample(), "sanctionsData",
                    target.url("secret"), "formattedFullName"));

            assertThatThrownBy(() -> ReaderTestSupport.read(xxe))
                    .isInstanceOf(ListFormatException.class)
                    .hasMessageContaining(xxe + " line ")
                    .hasMessageContaining("document type declarations and entity references are refused")
                    .hasMessageNotContaining("SECRET");
            assertThat(target.requests()).isZero();
        }
    }

    @Test
    void externalDtdIsRefusedWithoutBeingFetched() throws IOException {
        try (OfacXmlBadInput.EntityTarget target = new OfacXmlBadInput.EntityTarget()) {
            Path dtd = write("SDN_ENHANCED.XML", OfacXmlBadInput.withExternalDtd(sample(), "sanctionsData", target.url("x.dtd")));

            assertThatThrownBy(() -> ReaderTestSupport.read(dtd))
                    .isInstanceOf(ListFormatException.class)
                    .hasMessageContaining(dtd.toString())
                    .hasMessageContaining("document type declarations");
            assertThat(target.requests()).isZero();
        }
    }

    @Test
    void truncatedRealFileIsRefused() throws IOException {
        real();
        byte[] bytes = Files.readAllBytes(extracted);
        Path cut = tmp.resolve("CONS_ENHANCED.XML");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        List<ListEntry> sink = new ArrayList<>();

        assertThatThrownBy(() -> Lists.standard().detectOne(cut).read(sink::add))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(cut + " line ")
                .hasMessageContaining("truncated");
        assertThat(sink).hasSizeLessThan(443);
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path empty = write("CONS_ENHANCED.XML", "");

        assertThatThrownBy(() -> ReaderTestSupport.read(empty))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> new OfacEnhancedXmlReader().read(ListSource.ofFile(empty), e -> { }))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(empty.toString());
    }

    @Test
    void otherRootOrNamespaceIsNotThisFormat() throws IOException {
        Path otherNamespace = write("SDN_ENHANCED.XML", sample().replace("xmlns=\"" + OfacEnhancedXmlReader.NAMESPACE + "\"",
                "xmlns=\"urn:example\""));

        assertThat(new OfacEnhancedXmlReader().recognises(ListSource.ofFile(otherNamespace))).isFalse();
        assertThatThrownBy(() -> new OfacEnhancedXmlReader().read(ListSource.ofFile(otherNamespace), e -> { }))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(otherNamespace + " line 3")
                .hasMessageContaining("expected <sanctionsData> of " + OfacEnhancedXmlReader.NAMESPACE);
        assertThat(new OfacXmlReader().recognises(ListSource.ofFile(SAMPLE))).isFalse();
        assertThat(new OfacEnhancedXmlReader().recognises(ListSource.ofFile(ReaderTestSupport.sample("ofac-xml/sdn.xml"))))
                .isFalse();
    }

    @Test
    void entityWithoutAPrimaryNameIsRefused() throws IOException {
        Path bad = write("SDN_ENHANCED.XML", sample().replace(
                "<formattedFullName>SAMPLE STAR</formattedFullName>", ""));

        assertThatThrownBy(() -> ReaderTestSupport.read(bad))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(bad + " line ")
                .hasMessageContaining("entity 90102 has no primary name");
    }

    @Test
    void zipEntryInflatingPastTheLimitIsRefused() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        OfacXmlBadInput.zipBomb(zip, "CONS_ENHANCED.XML", sample());
        Lists guarded = new Lists(ListReaders.all(), new ZipGuard(10, 1000));
        List<ListEntry> sink = new ArrayList<>();

        assertThatThrownBy(() -> guarded.detectOne(zip).read(sink::add))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(zip + "!/CONS_ENHANCED.XML")
                .hasMessageContaining("more than 1000 bytes");
    }

    private static String sample() throws IOException {
        return Files.readString(SAMPLE, StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
