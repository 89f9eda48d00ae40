package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Owner;
import edu.scrutiny.lists.ReaderTestSupport;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static edu.scrutiny.lists.ReaderTestSupport.read;
import static edu.scrutiny.lists.ReaderTestSupport.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrutinyCsvReaderTest {
    private static final String HEADER = ScrutinyCsvReader.HEADER + "\n";

    @TempDir
    Path dir;

    @Test
    void readsEveryColumn() throws IOException {
        ReaderTestSupport.Read r = read(sample("scrutiny-csv/us_dod_1260h.csv"));
        assertThat(r.format()).isEqualTo(ListFormat.SCRUTINY_CSV);
        assertThat(r.listKey()).isEqualTo("us_dod_1260h");
        assertThat(r.entries()).hasSize(4);

        ListEntry huawei = r.byId("1260h-huawei");
        assertThat(huawei.name()).isEqualTo("Huawei Technologies Co., Ltd.");
        assertThat(huawei.allNames()).containsExactly("Huawei Technologies Co., Ltd.", "Huawei", "华为技术有限公司");
        assertThat(huawei.schema()).isEqualTo(Schema.COMPANY);
        assertThat(huawei.countries()).containsExactly("CN");
        assertThat(huawei.programs()).containsExactly("Section 1260H");
        assertThat(huawei.listedOn()).isEqualTo(LocalDate.of(2021, 1, 12));
        assertThat(huawei.delistedOn()).isNull();
        assertThat(huawei.sourceUrl()).isEqualTo("https://www.defense.gov/");
        assertThat(huawei.category()).as("chosen on import, not in the file").isNull();

        ListEntry hisilicon = r.byId("1260h-hisilicon");
        assertThat(hisilicon.countries()).containsExactly("CN", "HK");
        assertThat(hisilicon.owners()).containsExactly(new Owner("Huawei Technologies Co., Ltd.", 100.0));

        ListEntry person = r.byId("1260h-person");
        assertThat(person.schema()).isEqualTo(Schema.PERSON);
        assertThat(person.remarks()).isEqualTo("A \"quoted\" remark, with a comma");

        ListEntry removed = r.byId("1260h-removed");
        assertThat(removed.schema()).as("empty schema").isEqualTo(Schema.LEGAL_ENTITY);
        assertThat(removed.delistedOn()).isEqualTo(LocalDate.of(2022, 10, 5));
        assertThat(removed.inForceOn(LocalDate.of(2022, 10, 4))).isTrue();
        assertThat(removed.inForceOn(LocalDate.of(2022, 10, 5))).isFalse();
    }

    @Test
    void wrongColumnIsNamed() throws IOException {
        Path f = write("watch.csv", "id,name,aliases,type,country,programs,listed_on,delisted_on,parent,ownership,source_url,remarks\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("watch.csv line 1")
                .hasMessageContaining("header column 4 is 'type', expected 'schema'");
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        Path f = write("watch.csv", "id,name,aliases,schema,country,programs,listed_on,delisted_on,parent,ownership,source_url\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("watch.csv line 1").hasMessageContaining("lacks column 12 'remarks'");
    }

    @Test
    void rowWithTooFewFieldsIsNamed() throws IOException {
        Path f = write("watch.csv", HEADER + "a,Alpha,,,,,,,,,,\nb,Beta,,,\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("watch.csv line 3").hasMessageContaining("has 5 fields, expected 12");
    }

    @Test
    void badValuesAreNamed() throws IOException {
        assertProblem(HEADER + "a,,,,,,,,,,,\n", "line 2", "column 'name' is empty");
        assertProblem(HEADER + ",Alpha,,,,,,,,,,\n", "line 2", "column 'id' is empty");
        assertProblem(HEADER + "a,Alpha,,Robot,,,,,,,,\n", "line 2", "column 'schema' is 'Robot'");
        assertProblem(HEADER + "a,Alpha,,,China,,,,,,,\n", "line 2", "column 'country' holds 'China'");
        assertProblem(HEADER + "a,Alpha,,,,,16/05/2019,,,,,\n", "line 2", "column 'listed_on' is '16/05/2019', expected a date as YYYY-MM-DD");
        assertProblem(HEADER + "a,Alpha,,,,,,,Parent,150,,\n", "line 2", "column 'ownership' is '150'");
        assertProblem(HEADER + "a,Alpha,,,,,,,,50,,\n", "line 2", "'parent' is empty");
        assertProblem(HEADER + "a,Alpha,,,,,2020-01-01,2019-01-01,,,,\n", "line 2", "delisted_on 2019-01-01 is before listed_on 2020-01-01");
        assertProblem(HEADER + "a,Alpha,,,,,,,,,,\nb,Beta,,,,,,,,,,\na,Gamma,,,,,,,,,,\n", "line 4", "id 'a' is already used at");
    }

    @Test
    void quotedFieldSpanningLinesKeepsLineNumbersRight() throws IOException {
        Path f = write("watch.csv", HEADER + "a,Alpha,,,,,,,,,,\"two\nlines\"\nb,,,,,,,,,,,\n");
        assertThatThrownBy(() -> read(f)).hasMessageContaining("watch.csv line 4").hasMessageContaining("'name' is empty");
    }

    @Test
    void truncatedFileIsAnErrorNotAPartialList() throws IOException {
        Path f = write("watch.csv", HEADER + "a,Alpha,,,,,,,,,,\nb,\"Beta");
        assertThatThrownBy(() -> read(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("watch.csv line 3").hasMessageContaining("not valid CSV");
    }

    @Test
    void wrongEncodingIsNamed() throws IOException {
        Path f = dir.resolve("watch.csv");
        Files.write(f, (HEADER + "a,Soci\u00e9t\u00e9 G\u00e9n\u00e9rale,,,,,,,,,,\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("watch.csv").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void headerOnlyIsAnEmptyList() throws IOException {
        assertThat(read(write("watch.csv", HEADER)).entries()).isEmpty();
    }

    private void assertProblem(String content, String line, String problem) throws IOException {
        Path f = write("watch.csv", content);
        assertThatThrownBy(() -> read(f)).isInstanceOf(ListFormatException.class)
                .hasMessageContaining("watch.csv " + line).hasMessageContaining(problem);
    }

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }
}
