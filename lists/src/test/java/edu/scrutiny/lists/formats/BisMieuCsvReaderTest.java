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

class BisMieuCsvReaderTest {
    private static final String HEADER = "Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL";

    @TempDir
    Path dir;

    @Test
    void readsThirteenEndUsers() throws IOException {
        Read r = ReaderTestSupport.read(SharedData.list("bis_mieu.csv"));

        assertThat(r.format()).isEqualTo(ListFormat.BIS_MIEU_CSV);
        assertThat(r.listKey()).isEqualTo("us_bis_mieu");
        assertThat(r.entries()).hasSize(13);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.ORGANIZATION, 13L));
        assertThat(r.entries()).allMatch(e -> e.category() == ListCategory.EXPORT_CONTROL);

        ListEntry gru = r.byId("main-intelligence-directorate");
        assertThat(gru.name()).isEqualTo("Main Intelligence Directorate");
        assertThat(gru.aliases()).containsExactly(Alias.strong("GRU"));
        assertThat(gru.countries()).containsExactly("RU");
        assertThat(gru.programs()).containsExactly("US-BIS-MIEU");
        assertThat(gru.listedOn()).isEqualTo(LocalDate.of(2021, 3, 16));
        assertThat(gru.delistedOn()).isNull();
        assertThat(gru.remarks()).isNull();
        assertThat(gru.sourceUrl()).startsWith("https://www.federalregister.gov/documents/2021/01/15/");

        assertThat(r.byId("main-intelligence-directorate-of-the-general-staff-of-the-armed-forces-of-belarus").listedOn())
                .isEqualTo(LocalDate.of(2022, 3, 2));
    }

    @Test
    void unknownCountryFails() throws IOException {
        Path file = write(HEADER + "\nOrganization,X Directorate,XD,Atlantis,export.control,US-BIS-MIEU,2021-03-16,,\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: column \"Country\" holds \"Atlantis\"");
    }

    @Test
    void unknownTypeFails() throws IOException {
        Path file = write(HEADER + "\nAgency,X Directorate,XD,CU,export.control,US-BIS-MIEU,2021-03-16,,\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + " line 2: column \"Type\" holds \"Agency\"");
    }

    @Test
    void headerWithoutRowsFails() throws IOException {
        Path file = write(HEADER + "\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith(file + ": holds a header but no rows");
    }

    @Test
    void otherLayoutsAreNotRecognised() throws IOException {
        BisMieuCsvReader reader = new BisMieuCsvReader();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("section_1260h.csv")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("us-tel.json")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write(HEADER.replace("Source URL", "Source Url") + "\n")))).isFalse();
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("mieu.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
