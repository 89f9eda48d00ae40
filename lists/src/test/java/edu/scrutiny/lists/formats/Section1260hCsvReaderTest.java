package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
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

class Section1260hCsvReaderTest {
    private static final String HEADER = "Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url";

    @TempDir
    Path dir;

    @Test
    void joinsTheEditionsOf397RowsInto227Companies() throws IOException {
        Read r = ReaderTestSupport.read(SharedData.list("section_1260h.csv"));

        assertThat(r.format()).isEqualTo(ListFormat.SECTION_1260H_CSV);
        assertThat(r.listKey()).isEqualTo("us_dod_1260h");
        assertThat(r.entries()).hasSize(227);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.COMPANY, 227L));
        assertThat(r.entries()).allMatch(e -> e.category() == ListCategory.RESEARCH_SECURITY);
    }

    @Test
    void huaweiHasItsParentAndPrintedNameAsAlias() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("section_1260h.csv")).byId("huawei-technologies-co-ltd");

        assertThat(e.name()).isEqualTo("Huawei Technologies Co., Ltd.");
        assertThat(e.aliases()).containsExactly(Alias.strong("Huawei Technologies Co., Ltd. (Huawei)"), Alias.strong("Huawei"));
        assertThat(e.owners()).containsExactly(new Owner("Huawei Investment & Holding Co., Ltd.", null));
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2021, 6, 3));
        assertThat(e.delistedOn()).isNull();
        assertThat(e.remarks()).isEqualTo("Editions: 2021-06-03, 2025-01-07, 2026-06-08");
        assertThat(e.sourceUrl()).startsWith("https://media.defense.gov/2026/Jun/08/");
        assertThat(e.programs()).singleElement().asString().startsWith("Section 1260H");
    }

    @Test
    void companyDroppedByALaterEditionIsDelisted() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("section_1260h.csv")).byId("china-telecommunications-corporation");

        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2021, 6, 3));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2025, 1, 7));
    }

    @Test
    void aliasesSeparatedByABareCommaAreSplit() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("section_1260h.csv"))
                .byId("beijing-zhidao-chuangyu-information-technology-co-ltd");

        assertThat(e.aliases()).contains(Alias.strong("Knownsec"), Alias.strong("Beijing Kownsec"));
    }

    @Test
    void rowWithTooFewFieldsFails() throws IOException {
        Path file = write("1260h.csv", HEADER + "\n\"A Co., Ltd. (A)\",\"A Co., Ltd.\",A,,,,2021-06-03,,\n"
                + "\"B Co., Ltd. (B)\",\"B Co., Ltd.\",B\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: row has 3 fields; expected 9");
    }

    @Test
    void unterminatedQuoteFails() throws IOException {
        Path file = write("1260h.csv", HEADER + "\n\"A Co., Ltd. (A)*,A Co.,A,,,,2021-06-03,,\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: not valid CSV");
    }

    @Test
    void invalidDateFails() throws IOException {
        Path file = write("1260h.csv", HEADER + "\nA Co. (A),A Co.,A,,,,June 2021?,,\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: column \"Start date\" holds \"June 2021?\"");
    }

    @Test
    void invalidUtf8Fails() throws IOException {
        Path file = dir.resolve("1260h.csv");
        Files.write(file, (HEADER + "\nA Co. (A),A Co.,A,,,Soci\u00e9t\u00e9,2021-06-03,,\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("UTF-8");
    }

    @Test
    void otherLayoutsAreNotRecognised() throws IOException {
        Section1260hCsvReader reader = new Section1260hCsvReader();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("section_1286.csv")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("bis_mieu.csv")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write("fewer.csv", "Name,Clean Name,Alias\nA,A,\n")))).isFalse();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
