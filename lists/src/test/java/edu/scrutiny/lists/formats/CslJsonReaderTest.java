package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReader;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.ReaderTestSupport;
import edu.scrutiny.lists.ReaderTestSupport.Read;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.SharedData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CslJsonReaderTest {
    private static final Path SAMPLE = ReaderTestSupport.sample("csl-json/consolidated.json");

    @TempDir
    Path tmp;

    /** Seven results; the SSI and NS-MBS records of party 90003 are one entry, as in the CSV. */
    @Test
    void theSampleIsOneEntryPerParty() throws IOException {
        Read read = ReaderTestSupport.read(SAMPLE);

        assertThat(read.format()).isEqualTo(ListFormat.CSL_JSON);
        assertThat(read.listKey()).isEqualTo("us_trade_csl");
        assertThat(read.entries()).extracting(ListEntry::sourceId).containsExactlyInAnyOrder(
                "5d1c0a7e9b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a",
                "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7",
                "90001", "90002", "b7c8d9e0f1a2", "90003");
    }

    @Test
    void anEntityListResultHasItsAddressesAliasesAndNotice() throws IOException {
        ListEntry e = ReaderTestSupport.read(SAMPLE).byId("5d1c0a7e9b2f4c6d8e0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f3a");

        assertThat(e.name()).isEqualTo("Northwind Precision Optics Co., Ltd.");
        assertThat(e.schema()).isEqualTo(Schema.LEGAL_ENTITY);
        assertThat(e.category()).isEqualTo(ListCategory.EXPORT_CONTROL);
        assertThat(e.programs()).containsExactly("Entity List (EL) - Bureau of Industry and Security");
        assertThat(e.aliases()).containsExactly(Alias.strong("Northwind Optics"), Alias.strong("NPO Shenzhen"));
        assertThat(e.addresses()).containsExactly(
                "No. 8 Harbour Road, Unit 12, Shenzhen, Guangdong, 518000, CN",
                "Flat 3, 21/F, Example Tower, 1 Sample Street, Kowloon, HK");
        assertThat(e.countries()).containsExactly("CN", "HK");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(e.remarks()).contains("Federal Register notice: 89 FR 12345", "License policy: Presumption of denial.");
    }

    @Test
    void aDeniedPersonEndsOnItsEndDate() throws IOException {
        ListEntry e = ReaderTestSupport.read(SAMPLE).byName("JOHN EXAMPLE DOE");

        assertThat(e.category()).isEqualTo(ListCategory.DENIAL);
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2023, 2, 10));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2033, 2, 10));
        assertThat(e.aliases()).isEmpty();
        assertThat(e.countries()).containsExactly("US");
        assertThat(e.remarks()).contains("F.R. NOTICE ADDED", "Federal Register notice: 88 F.R. 10000 2/15/2023")
                .doesNotContain("Standard order");
    }

    @Test
    void anSdnVesselAndAnSdnPerson() throws IOException {
        Read read = ReaderTestSupport.read(SAMPLE);

        ListEntry vessel = read.byId("90001");
        assertThat(vessel.schema()).isEqualTo(Schema.VESSEL);
        assertThat(vessel.category()).isEqualTo(ListCategory.SANCTIONS);
        assertThat(vessel.countries()).containsExactly("PA");
        assertThat(vessel.identifiers()).containsExactly(
                new Identifier("Vessel Registration Identification", "IMO 9000001", null),
                new Identifier("Call Sign", "9XYZ1", null));
        assertThat(vessel.owners()).extracting(o -> o.name()).containsExactly("Example Shipping Ltd");
        assertThat(vessel.remarks()).contains("Vessel type: Crude Oil Tanker", "Gross tonnage: 81000");

        ListEntry person = read.byId("90002");
        assertThat(person.schema()).isEqualTo(Schema.PERSON);
        assertThat(person.programs()).containsExactly("Specially Designated Nationals (SDN) - Treasury Department", "SDGT", "IRGC");
        assertThat(person.addresses()).containsExactly("Tehran, IR");
        assertThat(person.countries()).containsExactly("IR");
        assertThat(person.birthDates()).containsExactly("1970-05-01", "1971");
        assertThat(person.identifiers()).containsExactly(new Identifier("Passport", "X1234567", "IR"),
                new Identifier("Gender", "Male", null));
        assertThat(person.remarks()).contains("Title: Financier", "Place of birth: Tehran, Iran");
    }

    @Test
    void aResultGivingOnlyACountryHasNoAddressLine() throws IOException {
        ListEntry e = ReaderTestSupport.read(SAMPLE).byId("b7c8d9e0f1a2");

        assertThat(e.category()).isEqualTo(ListCategory.EXPORT_CONTROL);
        assertThat(e.addresses()).isEmpty();
        assertThat(e.countries()).containsExactly("CN");
    }

    @Test
    void recordsOfOnePartyOnTwoSubListsAreMerged() throws IOException {
        ListEntry e = ReaderTestSupport.read(SAMPLE).byId("90003");

        assertThat(e.name()).isEqualTo("EXAMPLE ENERGY PUBLIC JOINT STOCK COMPANY");
        assertThat(e.programs()).containsExactly("Sectoral Sanctions Identifications List (SSI) - Treasury Department",
                "UKRAINE-EO13662", "RUSSIA-EO14024", "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department");
        assertThat(e.aliases()).containsExactly(Alias.strong("EXAMPLE ENERGY PJSC"),
                Alias.strong("Example Energy Public Joint Stock Company"), Alias.strong("Example Energy PJSC"));
        assertThat(e.identifiers()).containsExactly(new Identifier("Tax ID No.", "7700000001", "RU"));
        assertThat(e.addresses()).hasSize(1);
    }

    @Test
    void otherJsonIsNotRecognised() throws IOException {
        CslJsonReader reader = new CslJsonReader();
        assertThat(reader.recognises(ListSource.ofFile(SAMPLE))).isTrue();
        assertThat(reader.recognises(ListSource.ofFile(write("other.json", "{\"results\": [{\"title\": \"x\"}]}")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write("array.json", "[{\"source\": \"x\", \"name\": \"y\"}]")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("us-tel.json")))).isFalse();
    }

    @Test
    void aTruncatedFileFails() throws IOException {
        String json = Files.readString(SAMPLE);
        Path file = write("truncated.json", json.substring(0, json.indexOf("\"SEA EXAMPLE\"")));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line ")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("is the file complete?");
    }

    @Test
    void resultsThatAreNotObjectsAreAnError() throws IOException {
        Path file = write("strings.json", """
                {"results": [
                  {"id": "1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "A"},
                  "B"
                ]}
                """);
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " result 2 (line 3)")
                .hasMessageContaining("a JSON string; each result must be an object");
    }

    @Test
    void aFieldOfTheWrongShapeIsAnError() throws IOException {
        Path file = write("shape.json", """
                {"results": [
                  {"id": "1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": {"first": "A"}}
                ]}
                """);
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " result 1 (line 2)")
                .hasMessageContaining("\"name\" must be a string");
    }

    @Test
    void latin1BytesAreAnEncodingErrorNamingTheLine() throws IOException {
        Path file = tmp.resolve("latin1.json");
        Files.write(file, """
                {"results": [
                  {"id": "1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "A"},
                  {"id": "2", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "Jos\u00e9"}
                ]}
                """.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("empty.json", "");
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("empty file");
    }

    @Test
    void aFileWithoutResultsIsAnErrorWhenReadDirectly() throws IOException {
        Path file = write("noresults.json", "{\"total\": 0}");
        assertThatThrownBy(() -> new CslJsonReader().read(ListSource.ofFile(file), e -> { }))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no \"results\" array");
    }

    /** Of every shared list file, the reader claims only its own. */
    @Test
    void claimsNoOtherSharedListFile() throws IOException {
        Path root = SharedData.list(".");
        List<String> claimed;
        try (Stream<Path> files = Files.walk(root)) {
            claimed = files.filter(Files::isRegularFile).filter(f -> recognises(new CslJsonReader(), f))
                    .map(f -> root.relativize(f).toString()).sorted().toList();
        }
        assertThat(claimed).as("no CSL JSON among the shared files").isEmpty();
    }

    private static boolean recognises(ListReader reader, Path file) {
        try {
            return reader.recognises(ListSource.ofFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
