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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtmJsonReaderTest {
    private static final String PERSON = "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Anna Example\"]},\"datasets\":[\"x\"]}";
    private static final String COMPANY = "{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Example GmbH\"]},\"datasets\":[\"x\"]}";

    @TempDir
    Path dir;

    @Test
    void t1HasSixScreenableEntitiesAndSkipsTheAddress() throws IOException {
        Read r = ReaderTestSupport.read(SharedData.list("ftm/t1.ftm.json"));

        assertThat(r.format()).isEqualTo(ListFormat.FTM_JSON);
        assertThat(r.listKey()).isEqualTo("eu_fsf");
        assertThat(r.entries()).hasSize(6);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.PERSON, 4L, Schema.ORGANIZATION, 2L));
        assertThat(r.entries()).noneMatch(e -> e.sourceId().equals("NK-2MQE6AmhAk4tqhENJAMUG9"));
    }

    @Test
    void t1PersonKeepsCaptionAsNameAndOtherNamesAsAliases() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("ftm/t1.ftm.json")).byId("NK-2Ka3UvopqbpZmVDFjWd4LA");

        assertThat(e.name()).isEqualTo("Vitaly Yurievich KUZMENKO");
        assertThat(e.aliases()).containsExactly(Alias.strong("Vitalij Kuzmenko"), Alias.strong("Виталий Юрьевич КУЗЬМЕНКО"));
        assertThat(e.schema()).isEqualTo(Schema.PERSON);
        assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
        assertThat(e.countries()).containsExactly("RU");
        assertThat(e.birthDates()).containsExactly("1971-01-22");
        assertThat(e.identifiers()).containsExactly(new Identifier("taxNumber", "366510784303", null));
        assertThat(e.remarks()).contains("The plant is part of the High Precision Systems holding company of Rostec");
        assertThat(e.list()).isEqualTo("eu_fsf");
    }

    @Test
    void t1OrganizationWithAnAddressOutsideTheFileHasNoAddress() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("ftm/t1.ftm.json")).byId("NK-2GdmHtZTeNXjNVrBGEXZNj");

        assertThat(e.name()).isEqualTo("RAB „Inter Tobacco“");
        assertThat(e.aliases()).hasSize(11).contains(Alias.strong("LLC “Inter Tobacco”"));
        assertThat(e.countries()).containsExactly("BY");
        assertThat(e.identifiers()).containsExactly(new Identifier("registrationNumber", "808000714", null));
        assertThat(e.addresses()).isEmpty();
    }

    @Test
    void zalaHasSeventeenScreenableEntities() throws IOException {
        Read r = ReaderTestSupport.read(SharedData.list("ftm/zala.ftm.json"));

        // the first entity names seven datasets: the file is a collection export, keyed by its name
        assertThat(r.listKey()).isEqualTo("zala");
        assertThat(r.entries()).hasSize(17);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.COMPANY, 11L, Schema.PERSON, 6L));
    }

    @Test
    void zalaCompanyGetsItsSanctionsAndCurrentOwners() throws IOException {
        ListEntry cst = ReaderTestSupport.read(SharedData.list("ftm/zala.ftm.json")).byId("NK-abdzbEBkqyT29GyREbiURZ");

        assertThat(cst.name()).isEqualTo("LLC CST");
        assertThat(cst.schema()).isEqualTo(Schema.COMPANY);
        assertThat(cst.category()).isEqualTo(ListCategory.SANCTIONS);
        // from Sanction entities: program, or programId where a sanction has no program
        assertThat(cst.programs()).contains("RUSSIA-EO14024", "Entity List (EL) - Bureau of Industry and Security",
                "EU-UKR", "Reciprocal");
        // earliest listingDate/startDate of its 27 sanctions: Ukraine's NSDC decision 556/2021
        assertThat(cst.listedOn()).isEqualTo(LocalDate.of(2021, 10, 30));
        assertThat(cst.delistedOn()).isNull();
        // 49% + 51% held now; the ownerships with an end date (50%, 48%, 2%, 1%) are over
        assertThat(cst.owners()).containsExactly(new Owner("JSC Kalashnikov Concern", 49.0),
                new Owner("Alexander Vyacheslavovich ZAKHAROV", 51.0));
        assertThat(cst.aliases()).contains(Alias.weak("ZALA"), Alias.weak("CST"), Alias.strong("Zala Aero Group"));
        assertThat(cst.aliases()).doesNotContain(Alias.weak("LLC CST"));
        assertThat(cst.countries()).containsExactly("RU");
        assertThat(cst.identifiers()).contains(new Identifier("innCode", "1841015504", null),
                new Identifier("ogrnCode", "1101841007938", null));
        assertThat(cst.birthDates()).containsExactly("2010-12-24");
        assertThat(cst.addresses()).contains("3/2 Perunovsky Lane, Floor 3, Room 21, Moscow, 127055, Russia");
    }

    @Test
    void zalaRelatedCompanyIsMarkedAsNotATarget() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("ftm/zala.ftm.json")).byId("NK-56Edov9bas9puzaChH5pBy");

        assertThat(e.category()).isNull();
        assertThat(e.remarks()).contains("Not a target in OpenSanctions");
        assertThat(e.birthDates()).containsExactly("2002-12-31", "2002-10-02");
    }

    @Test
    void parteispendenHasNinetySixScreenableEntitiesAndNoDatasets() throws IOException {
        Read r = ReaderTestSupport.read(SharedData.list("ftm/parteispenden.ftm.json"));

        assertThat(r.listKey()).isEqualTo("parteispenden");
        assertThat(r.entries()).hasSize(96);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.COMPANY, 56L, Schema.PERSON, 22L, Schema.ORGANIZATION, 18L));
        ListEntry e = r.byId("f9c295f21b233ac878fbac4d271bb6fd13d7952a");
        assertThat(e.name()).isEqualTo("Frau Lina Dachner");
        assertThat(e.countries()).containsExactly("DE");
        assertThat(e.addresses()).containsExactly("Schillerstraße 19, 76135 Karlsruhe");
        assertThat(e.category()).isNull();
    }

    @Test
    void sampleResolvesReferencesWhateverTheirOrder() throws IOException {
        Read r = ReaderTestSupport.read(ReaderTestSupport.sample("ftm/sample.ftm.json"));

        assertThat(r.format()).isEqualTo(ListFormat.FTM_JSON);
        assertThat(r.listKey()).isEqualTo("sample_list");
        assertThat(r.entries()).extracting(ListEntry::sourceId).containsExactly("p1", "c1");

        ListEntry anna = r.byId("p1");
        assertThat(anna.aliases()).containsExactly(Alias.weak("Anya"));
        assertThat(anna.countries()).containsExactly("DE");
        assertThat(anna.birthDates()).containsExactly("1980");
        assertThat(anna.identifiers()).containsExactly(new Identifier("National ID", "X-1", "DE"));
        assertThat(anna.listedOn()).isNull();

        ListEntry company = r.byId("c1");
        // the owner comes before its Ownership; the owner absent from the file cannot be named
        assertThat(company.owners()).containsExactly(new Owner("Anna Example", 60.0));
        assertThat(company.addresses()).containsExactly("1 Example Street, 10115 Berlin");
        assertThat(company.programs()).containsExactly("PROG-A", "PROG-B");
        assertThat(company.identifiers()).containsExactly(new Identifier("leiCode", "529900EXAMPLE0000001", null));
        assertThat(company.listedOn()).isEqualTo(LocalDate.of(2019, 6, 1));
        // both sanctions ended: 2022-05-01, and "2023" (in force through 2023)
        assertThat(company.delistedOn()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(company.sourceUrl()).isEqualTo("https://example.org/prog-a");
    }

    @Test
    void readsNestedEntitiesToo() throws IOException {
        Path file = dir.resolve("targets.ftm.json");
        Files.copy(ReaderTestSupport.sample("ftm-nested/targets.nested.json"), file);

        List<ListEntry> entries = new ArrayList<>();
        new FtmJsonReader().read(ListSource.ofFile(file), entries::add);

        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).owners()).containsExactly(new Owner("Ivan Petrovich Ivanov", 75.0));
    }

    @Test
    void recognisesFlatLinesOnly() throws IOException {
        FtmJsonReader reader = new FtmJsonReader();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("ftm/zala.ftm.json")))).isTrue();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("us-tel.json")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(ReaderTestSupport.sample("ftm-nested/targets.nested.json")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("bis_mieu.csv")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write("pretty.json", "{\n  \"id\": \"p1\",\n  \"schema\": \"Person\",\n"
                + "  \"properties\": {\"name\": [\"A\"]}\n}\n")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write("other.json", "{\"id\":\"1\",\"name\":\"x\"}\n")))).isFalse();
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = write("empty.ftm.json", "");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class).hasMessageStartingWith(file + ": empty file");
        assertThatThrownBy(() -> new FtmJsonReader().read(ListSource.ofFile(file), e -> { }))
                .isInstanceOf(ListFormatException.class).hasMessageStartingWith(file + ": holds no entities");
    }

    @Test
    void lineCutMidObjectIsReportedWithItsNumber() throws IOException {
        // cut between two fields, where the JSON so far is well-formed
        String cut = COMPANY.substring(0, COMPANY.indexOf("\"properties\""));
        Path file = write("cut.ftm.json", PERSON + "\n" + cut + "\n" + COMPANY.replace("c1", "c2") + "\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: JSON cut short");
    }

    @Test
    void fileEndingMidObjectFails() throws IOException {
        Path file = write("truncated.ftm.json", PERSON + "\n" + COMPANY + "\n" + COMPANY.substring(0, 55));

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: JSON cut short");
    }

    @Test
    void lineThatIsNotJsonIsReported() throws IOException {
        Path file = write("garbage.ftm.json", PERSON + "\n\n" + "id,schema,name\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: not valid JSON");
    }

    @Test
    void lineHoldingAnArrayIsReported() throws IOException {
        Path file = write("array-line.ftm.json", PERSON + "\n[1, 2]\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: expected a JSON object");
    }

    @Test
    void invalidUtf8IsReportedOnItsLine() throws IOException {
        Path file = dir.resolve("latin1.ftm.json");
        byte[] bad = "{\"id\":\"c9\",\"schema\":\"Company\",\"properties\":{\"name\":[\"M\u00fcller GmbH\"]}}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, concat((PERSON + "\n" + COMPANY + "\n").getBytes(StandardCharsets.UTF_8), bad));

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: ")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void objectWithoutSchemaIsReported() throws IOException {
        Path file = write("noschema.ftm.json", PERSON + "\n{\"id\":\"c1\",\"properties\":{\"name\":[\"Example GmbH\"]}}\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: object has no \"schema\"");
    }

    @Test
    void linesWithoutSchemaAreNotFtm() throws IOException {
        Path file = write("noschema.json", "{\"id\":\"c1\",\"properties\":{\"name\":[\"Example GmbH\"]}}\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + ": not a list format Scrutiny reads");
    }

    @Test
    void propertyThatIsNotAnArrayIsReported() throws IOException {
        Path file = write("scalar.ftm.json", PERSON + "\n" + COMPANY.replace("[\"Example GmbH\"]", "\"Example GmbH\"") + "\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: property \"name\" of entity c1 is not an array");
    }

    @Test
    void screenableEntityWithoutNameIsReported() throws IOException {
        Path file = write("noname.ftm.json", PERSON + "\n{\"id\":\"c1\",\"schema\":\"Company\",\"properties\":{\"country\":[\"de\"]}}\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: entity c1 (Company) has no \"name\"");
    }

    @Test
    void onlyAuxiliaryEntitiesIsNotAList() throws IOException {
        Path file = write("aux.ftm.json",
                "{\"id\":\"a1\",\"schema\":\"Address\",\"properties\":{\"full\":[\"1 Main St\"]}}\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + ": holds no screenable entities");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
