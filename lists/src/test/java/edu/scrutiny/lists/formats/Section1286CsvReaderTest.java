package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListSource;
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

class Section1286CsvReaderTest {
    private static final String HEADER = "schema,name,aliases,topics,program,authority,reason,report-date,start-date,"
            + "end-date,country,notes,source_url";

    @TempDir
    Path dir;

    @Test
    void joinsTheEditionsOf443RowsInto190Institutions() throws IOException {
        Read r = ReaderTestSupport.read(SharedData.list("section_1286.csv"));

        assertThat(r.format()).isEqualTo(ListFormat.SECTION_1286_CSV);
        assertThat(r.listKey()).isEqualTo("us_dod_1286");
        // 197 distinct names in 443 rows; 7 of them differ from another only in case, dashes,
        // apostrophes or a trailing space ("Sun Yat-Sen"/"Sun Yat-sen")
        assertThat(r.entries()).hasSize(190);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.COMPANY, 190L));
        assertThat(r.entries()).allMatch(e -> e.category() == ListCategory.RESEARCH_SECURITY);
        assertThat(r.entries()).extracting(ListEntry::sourceId).doesNotHaveDuplicates();
    }

    @Test
    void institutionInSeveralEditionsIsOneEntryEndedByTheLatest() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("section_1286.csv")).byId("institute-of-high-energy-physics");

        assertThat(e.name()).isEqualTo("Institute of High Energy Physics");
        assertThat(e.aliases()).containsExactly(Alias.strong("IHEP"), Alias.strong("Kurchatovskiy Institute ITEF"));
        assertThat(e.programs()).containsExactly("Section 1286 of the John S. McCain National Defense Authorization Act "
                + "for Fiscal Year 2019 (Public Law 115 - 232)");
        // first listed in the 2022 edition; the 2024 edition's row ends on 2026-07-23
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2026, 7, 23));
        assertThat(e.remarks()).isEqualTo("Editions: 2022, 2023, 2024");
        assertThat(e.sourceUrl()).startsWith("https://basicresearch.defense.gov/");
    }

    @Test
    void spellingsOfOneInstitutionAcrossEditionsAreJoined() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("section_1286.csv")).byId("sun-yat-sen-university");

        assertThat(e.name()).isEqualTo("Sun Yat-sen University");
        assertThat(e.aliases()).containsExactly(Alias.strong("Sun Yat-Sen University"), Alias.strong("Zhongshan University"));
        assertThat(e.countries()).containsExactly("CN");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(e.delistedOn()).isNull();
        assertThat(e.remarks()).isEqualTo("Editions: 2022, 2023, 2024, 2025");
        assertThat(e.sourceUrl()).isEqualTo("https://www.cto.mil/wp-content/uploads/2026/07/FY25-Section-1286-List.pdf");
    }

    @Test
    void endYearAloneKeepsTheListingThroughThatYear() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("section_1286.csv")).byId("naval-service-academy");

        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(e.inForceOn(LocalDate.of(2026, 12, 31))).isTrue();
    }

    @Test
    void startDateIsPreferredToTheEditionYear() throws IOException {
        Path file = write("1286.csv", HEADER + "\n"
                + "Company,Example Institute,EI; Example Inst.,debarment,P,United States Congress,,2023,2023-06-29,,Russia,,\n"
                + "Company,Example Institute,,debarment,P,United States Congress,Reason given,2024,,,Russia,Note,https://e.org/24\n");

        ListEntry e = ReaderTestSupport.read(file).byId("example-institute");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2023, 6, 29));
        assertThat(e.aliases()).containsExactly(Alias.strong("EI"), Alias.strong("Example Inst."));
        assertThat(e.countries()).containsExactly("RU");
        assertThat(e.remarks()).isEqualTo("Reason given\n\nNote\n\nEditions: 2023, 2024");
    }

    @Test
    void otherHeadersAreNotRecognised() throws IOException {
        Path file = write("renamed.csv", HEADER.replace("report-date", "report_date") + "\n"
                + "Company,Example Institute,,debarment,P,A,,2023,,,,,\n");

        assertThat(new Section1286CsvReader().recognises(ListSource.ofFile(file))).isFalse();
        assertThat(new Section1286CsvReader().recognises(ListSource.ofFile(SharedData.list("section_1260h.csv")))).isFalse();
        assertThat(new Section1286CsvReader().recognises(ListSource.ofFile(SharedData.list("ftm/t1.ftm.json")))).isFalse();
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + ": not a list format Scrutiny reads");
    }

    @Test
    void reportDateMustBeAYear() throws IOException {
        Path file = write("1286.csv", HEADER + "\nCompany,Example Institute,,debarment,P,A,,FY23,,,,,\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: column \"report-date\" holds \"FY23\"");
    }

    @Test
    void rowWithoutANameFails() throws IOException {
        Path file = write("1286.csv", HEADER + "\nCompany,Example Institute,,debarment,P,A,,2023,,,,,\n"
                + "Company,  ,,debarment,P,A,,2023,,,,,\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 3: column \"name\" has no name");
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
