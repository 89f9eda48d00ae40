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
import edu.scrutiny.lists.internal.ZipGuard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfacXmlReaderTest {
    private static final Path SAMPLE = ReaderTestSupport.sample("ofac-xml/sdn.xml");

    @TempDir
    Path tmp;

    @Test
    void readsTheSample() throws IOException {
        Read r = ReaderTestSupport.read(SAMPLE);

        assertThat(r.format()).isEqualTo(ListFormat.OFAC_XML);
        assertThat(r.listKey()).isEqualTo("us_ofac_sdn");
        assertThat(r.entries()).extracting(ListEntry::sourceId).containsExactly("306", "90001", "90002", "90003");
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.LEGAL_ENTITY, 1L, Schema.PERSON, 1L, Schema.VESSEL, 1L,
                Schema.AIRPLANE, 1L));
        assertThat(r.entries()).allSatisfy(e -> {
            assertThat(e.list()).isEqualTo("us_ofac_sdn");
            assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
        });
    }

    @Test
    void readsAnEntityWithItsWeakAliasAndAddresses() throws IOException {
        ListEntry bank = ReaderTestSupport.read(SAMPLE).byId("306");

        assertThat(bank.name()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(bank.aliases()).containsExactly(Alias.strong("NATIONAL BANK OF CUBA"), Alias.weak("BNC"));
        assertThat(bank.countries()).containsExactly("CH", "CU");
        // the address that gives only a country adds the country, not a line
        assertThat(bank.addresses()).containsExactly("Zweierstrasse 35, Zurich, CH-8022, Switzerland");
        assertThat(bank.programs()).containsExactly("CUBA");
        assertThat(bank.remarks()).isEqualTo("Sample bank entry.");
        assertThat(bank.sourceUrl()).isEqualTo("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=306");
    }

    @Test
    void readsAnIndividualAsOfacPrintsTheName() throws IOException {
        ListEntry person = ReaderTestSupport.read(SAMPLE).byId("90001");

        assertThat(person.schema()).isEqualTo(Schema.PERSON);
        assertThat(person.name()).isEqualTo("SAMPLOV, Ivan Petrovich");
        assertThat(person.aliases()).containsExactly(Alias.strong("SAMPLOFF, Ivan"));
        assertThat(person.birthDates()).containsExactly("1958-01-12", "1960");
        assertThat(person.countries()).containsExactly("RU", "CY");
        assertThat(person.programs()).containsExactly("SDGT", "IRGC");
        // Gender is filed under idList but identifies no one: it is a remark
        assertThat(person.identifiers()).containsExactly(new Identifier("Passport", "X1234567", "RU"));
        assertThat(person.remarks()).isEqualTo("Title: Director of Example Trading; Gender Male; Place of birth: Moscow, Russia");
    }

    @Test
    void readsAVesselAndAnAircraft() throws IOException {
        Read r = ReaderTestSupport.read(SAMPLE);

        ListEntry vessel = r.byId("90002");
        assertThat(vessel.schema()).isEqualTo(Schema.VESSEL);
        assertThat(vessel.identifiers()).containsExactly(
                new Identifier("Vessel Registration Identification", "IMO 9999999", null),
                new Identifier("Call Sign", "9XYZ1", null));
        assertThat(vessel.countries()).containsExactly("IR");
        assertThat(vessel.owners()).containsExactly(new Owner("Example Shipping Co.", null));
        assertThat(vessel.remarks()).isEqualTo(
                "Vessel type: Crude Oil Tanker; Flag: Iran; Tonnage: 150,000; Gross registered tonnage: 80,000");

        assertThat(r.byId("90003").schema()).isEqualTo(Schema.AIRPLANE);
    }

    @Test
    void readsTheSampleFromAZip() throws IOException {
        Path zip = tmp.resolve("sdn_xml.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("sdn.xml"));
            Files.copy(SAMPLE, out);
            out.closeEntry();
        }

        Read r = ReaderTestSupport.read(zip);
        assertThat(r.format()).isEqualTo(ListFormat.OFAC_XML);
        assertThat(r.entries()).isEqualTo(ReaderTestSupport.read(SAMPLE).entries());
    }

    @Test
    void readsTheNamespaceOfTheSanctionsListService() throws IOException {
        Path sls = write("sdn.xml", sample().replace(OfacXmlReader.NAMESPACE, OfacXmlReader.SLS_NAMESPACE));

        Read r = ReaderTestSupport.read(sls);
        assertThat(r.format()).isEqualTo(ListFormat.OFAC_XML);
        assertThat(r.entries()).isEqualTo(ReaderTestSupport.read(SAMPLE).entries());
    }

    @Test
    void theConsolidatedFileIsTheConsolidatedList() throws IOException {
        Path cons = Files.copy(SAMPLE, tmp.resolve("consolidated.xml"));

        Read r = ReaderTestSupport.read(cons);
        assertThat(r.listKey()).isEqualTo("us_ofac_cons");
        assertThat(r.entries()).allSatisfy(e -> assertThat(e.list()).isEqualTo("us_ofac_cons"));
    }

    @Test
    void externalEntityIsRefusedWithoutBeingFetched() throws IOException {
        try (OfacXmlBadInput.EntityTarget target = new OfacXmlBadInput.EntityTarget()) {
            Path xxe = write("xxe.xml", OfacXmlBadInput.withExternalEntity(sample(), "sdnList", target.url("secret"), "lastName"));

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
            Path dtd = write("dtd.xml", OfacXmlBadInput.withExternalDtd(sample(), "sdnList", target.url("sdn.dtd")));

            assertThatThrownBy(() -> ReaderTestSupport.read(dtd))
                    .isInstanceOf(ListFormatException.class)
                    .hasMessageContaining(dtd.toString())
                    .hasMessageContaining("document type declarations");
            assertThat(target.requests()).isZero();
        }
    }

    @Test
    void truncatedDocumentIsRefused() throws IOException {
        String xml = sample();
        Path cut = write("sdn.xml", xml.substring(0, xml.indexOf("<uid>90002</uid>")));

        assertThatThrownBy(() -> ReaderTestSupport.read(cut))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(cut + " line ")
                .hasMessageContaining("truncated");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path empty = write("sdn.xml", "");

        assertThatThrownBy(() -> ReaderTestSupport.read(empty))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("empty file");
        assertThatThrownBy(() -> new OfacXmlReader().read(ListSource.ofFile(empty), e -> { }))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(empty.toString());
    }

    @Test
    void otherRootElementIsNotThisFormat() throws IOException {
        Path other = write("sdn.xml", "<?xml version=\"1.0\"?>\n<list xmlns=\"" + OfacXmlReader.NAMESPACE + "\"><sdnEntry/></list>\n");

        assertThat(new OfacXmlReader().recognises(ListSource.ofFile(other))).isFalse();
        assertThatThrownBy(() -> new OfacXmlReader().read(ListSource.ofFile(other), e -> { }))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(other + " line 2")
                .hasMessageContaining("root element <list>")
                .hasMessageContaining("expected <sdnList>");
    }

    @Test
    void entryWithoutATypeOfOfacIsRefused() throws IOException {
        Path bad = write("sdn.xml", sample().replace("<sdnType>Aircraft</sdnType>", "<sdnType>Spaceship</sdnType>"));

        assertThatThrownBy(() -> ReaderTestSupport.read(bad))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(bad + " line ")
                .hasMessageContaining("<sdnType> \"Spaceship\" of entry 90003");
    }

    @Test
    void zipEntryInflatingPastTheLimitIsRefused() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        OfacXmlBadInput.zipBomb(zip, "sdn.xml", sample());
        Lists guarded = new Lists(ListReaders.all(), new ZipGuard(10, 1000));
        List<ListEntry> sink = new ArrayList<>();

        assertThatThrownBy(() -> guarded.detectOne(zip).read(sink::add))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(zip + "!/sdn.xml")
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
