package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListSource;
import edu.scrutiny.lists.Owner;
import edu.scrutiny.lists.ReaderTestSupport;
import edu.scrutiny.lists.ReaderTestSupport.Read;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.SharedData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtmNestedJsonReaderTest {
    private static final String ENTITY = "{\"id\":\"e%d\",\"schema\":\"LegalEntity\",\"properties\":{\"name\":[\"Entity %d\"]},"
            + "\"datasets\":[\"sample\"]}";

    @TempDir
    Path dir;

    @Test
    void terroristExclusionListIsOneArrayOfTenEntities() throws IOException {
        Read r = ReaderTestSupport.read(SharedData.list("us-tel.json"));

        assertThat(r.format()).isEqualTo(ListFormat.FTM_NESTED_JSON);
        assertThat(r.listKey()).isEqualTo("us_state_terrorist_exclusion");
        assertThat(r.entries()).hasSize(10);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.LEGAL_ENTITY, 10L));

        ListEntry e = r.byId("NK-TST008uIoPaSdFgHjKl");
        assertThat(e.name()).isEqualTo("People's Liberation Collective");
        assertThat(e.list()).isEqualTo("us_state_terrorist_exclusion");
        assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
        assertThat(e.programs()).containsExactly(
                "Section 411 of the USA PATRIOT ACT of 2001 (8 U.S.C. § 1182) Terrorist Exclusion List (TEL)");
        assertThat(e.aliases()).containsExactly(Alias.strong("PLC"));
        assertThat(e.listedOn()).isNull();
    }

    @Test
    void sampleTakesSanctionsAddressesAndOwnersFromNestedEntities() throws IOException {
        Read r = ReaderTestSupport.read(ReaderTestSupport.sample("ftm-nested/targets.nested.json"));

        assertThat(r.format()).isEqualTo(ListFormat.FTM_NESTED_JSON);
        assertThat(r.listKey()).isEqualTo("sample_sanctions");
        assertThat(r.entries()).extracting(ListEntry::sourceId).containsExactly("c-northwind", "p-smirnova", "v-aurora");

        ListEntry company = r.byId("c-northwind");
        assertThat(company.name()).isEqualTo("Northwind Avionics LLC");
        assertThat(company.aliases()).containsExactly(Alias.strong("OOO Nordvind Avionika"), Alias.strong("Northwind Aero"),
                Alias.weak("NWA"));
        assertThat(company.countries()).containsExactly("RU");
        assertThat(company.addresses()).containsExactly("12 Lesnaya Street, Moscow, 125047");
        assertThat(company.programs()).containsExactly("RUSSIA-EO14024", "EU-UKR");
        assertThat(company.listedOn()).isEqualTo(LocalDate.of(2022, 6, 28));
        assertThat(company.delistedOn()).isNull();
        // the ended ownership and the company's own subsidiary (ownershipOwner) are not its owners
        assertThat(company.owners()).containsExactly(new Owner("Ivan Petrovich Ivanov", 75.0));
        assertThat(company.sourceUrl()).isEqualTo("https://example.org/designations/2022-06-28");
        assertThat(company.category()).isEqualTo(ListCategory.SANCTIONS);

        ListEntry person = r.byId("p-smirnova");
        assertThat(person.identifiers()).containsExactly(new Identifier("Passport", "720000001", "RU"));
        assertThat(person.birthDates()).containsExactly("1970-05");
        assertThat(person.countries()).containsExactly("RU");
        assertThat(person.category()).isEqualTo(ListCategory.EXPORT_CONTROL);
        assertThat(person.listedOn()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(person.delistedOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(person.remarks()).startsWith("Former procurement agent.");

        ListEntry vessel = r.byId("v-aurora");
        assertThat(vessel.schema()).isEqualTo(Schema.VESSEL);
        assertThat(vessel.identifiers()).containsExactly(new Identifier("imoNumber", "9123456", null));
        assertThat(vessel.programs()).containsExactly("IRAN");
    }

    @Test
    void nestedLinesAreRecognisedByContentWhateverTheName() throws IOException {
        Path file = dir.resolve("export.json");
        Files.copy(ReaderTestSupport.sample("ftm-nested/targets.nested.json"), file);

        assertThat(ReaderTestSupport.read(file).format()).isEqualTo(ListFormat.FTM_NESTED_JSON);
    }

    @Test
    void flatLinesNamedNestedAreRead() throws IOException {
        Path file = write("targets.nested.json", String.format(ENTITY, 1, 1) + "\n" + String.format(ENTITY, 2, 2) + "\n");

        Read r = ReaderTestSupport.read(file);
        assertThat(r.format()).isEqualTo(ListFormat.FTM_NESTED_JSON);
        assertThat(r.entries()).hasSize(2);
    }

    @Test
    void doesNotClaimFlatEntitiesOrCsv() throws IOException {
        FtmNestedJsonReader reader = new FtmNestedJsonReader();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("ftm/t1.ftm.json")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(ReaderTestSupport.sample("ftm/sample.ftm.json")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("section_1286.csv")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write("numbers.json", "[1, 2, 3]\n")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write("objects.json", "[{\"id\": \"1\", \"name\": \"x\"}]")))).isFalse();
    }

    @Test
    void truncatedArrayFailsWhereTheCutEntityBegins() throws IOException {
        Path file = write("cut.json", "[\n" + String.format(ENTITY, 1, 1) + ",\n  {\"id\": \"e2\", \"schema\": \"LegalEntity\",\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: JSON cut short");
    }

    @Test
    void arrayWithoutItsClosingBracketFails() throws IOException {
        Path file = write("open.json", "[\n" + String.format(ENTITY, 1, 1) + ",\n" + String.format(ENTITY, 2, 2) + "\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: JSON cut short: the file ends inside the array");
    }

    @Test
    void arrayElementThatIsNotAnObjectFails() throws IOException {
        Path file = write("mixed.json", "[\n" + String.format(ENTITY, 1, 1) + ",\n  \"e2\"\n]\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: expected an entity object in the array, found 'e2'");
    }

    @Test
    void contentAfterTheArrayFails() throws IOException {
        Path file = write("after.json", "[\n" + String.format(ENTITY, 1, 1) + "\n]\n{\"x\": 1}\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 4: unexpected content after the end of the array");
    }

    @Test
    void invalidUtf8InTheArrayIsReportedOnItsLine() throws IOException {
        Path file = dir.resolve("latin1.json");
        String text = "[\n" + String.format(ENTITY, 1, 1) + ",\n" + String.format(ENTITY, 2, 2).replace("Entity 2", "Soci\u00e9t\u00e9")
                + "\n]\n";
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: ")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void nestedEntityWithoutSchemaIsReported() throws IOException {
        Path file = write("bad.nested.json", "{\"id\":\"e1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"],"
                + "\"sanctions\":[{\"id\":\"s1\",\"properties\":{}}]}}\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 1 (entity nested in \"sanctions\"): object has no \"schema\"");
    }

    @Test
    void emptyArrayHoldsNoEntities() throws IOException {
        Path file = write("empty.json", "[]\n");

        assertThatThrownBy(() -> new FtmNestedJsonReader().read(ListSource.ofFile(file), e -> { }))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + ": holds no entities");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
