package edu.scrutiny.lists.formats;

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

class BisDplReaderTest {
    private static final String HEADER = "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t"
            + "\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"";
    private static final String ROW = "\"JANE SAMPLE\"\t\"1 MAIN STREET\"\t\"SPRINGFIELD\"\t\"IL\"\t\"US\"\t\"62701\"\t"
            + "\"01/15/2020\"\t\"01/15/2030\"\t\"Y\"\t\"2020-01-20\"\t\"F.R. NOTICE ADDED\"\t\"85 F.R. 1000 1/20/2020\"";

    @TempDir
    Path tmp;

    /**
     * 665 rows, one per denial order and address, of 545 distinct names: one entry per denied
     * party (same name), so 545 entries. Four names have rows of two orders (I. ASH and HAYDEE
     * HERRERA: orders of 2002 and 2003; JESUS ADRIAN RAMIREZ and MAHMOUD AMINI: one effective date,
     * two expiration dates); they are one party each.
     */
    @Test
    void the2023ListIsOneEntryPerDeniedParty() throws IOException {
        Read read = ReaderTestSupport.read(SharedData.list("bis-dpl/dpl-2023-11.txt"));

        assertThat(read.format()).isEqualTo(ListFormat.BIS_DPL);
        assertThat(read.listKey()).isEqualTo("us_bis_dpl");
        assertThat(read.entries()).hasSize(545);
        assertThat(read.entries()).allMatch(e -> e.category() == ListCategory.DENIAL && e.schema() == Schema.LEGAL_ENTITY);
        assertThat(read.entries().stream().map(ListEntry::sourceId).distinct()).hasSize(545);
        assertThat(read.entries().stream().mapToInt(e -> e.addresses().size()).sum())
                .as("every distinct address row kept").isEqualTo(663);
    }

    /**
     * 546 data rows (SOURCES.md says 545: the last row has no line break, so a line count misses
     * it) of 415 distinct names: 415 entries.
     */
    @Test
    void the2019ListIsOneEntryPerDeniedParty() throws IOException {
        Read read = ReaderTestSupport.read(SharedData.list("bis-dpl/dpl-2019-07.txt"));

        assertThat(read.entries()).hasSize(415);
        assertThat(read.byName("ZHONGDA JIN").addresses()).containsExactly("1895 DOBBIN DRIVE, SUITE B, SAN JOSE, CA, 95133, US");
    }

    @Test
    void aDeniedPersonWithOneRow() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("bis-dpl/dpl-2023-11.txt")).byName("AARON ABRAHAM VILLA");

        // "dpl-" and SHA-256 of the normalised name: the same in every version of the list
        assertThat(e.sourceId()).isEqualTo("dpl-1cc6241428c9963e");
        assertThat(e.addresses()).containsExactly("3415 RIVERA AVENUE, EL PASO, TX, 79905");
        assertThat(e.countries()).isEmpty();
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2022, 8, 24));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2026, 1, 14));
        assertThat(e.inForceOn(LocalDate.of(2026, 1, 13))).isTrue();
        assertThat(e.inForceOn(LocalDate.of(2026, 1, 14))).isFalse();
        assertThat(e.remarks()).isEqualTo("Federal Register: 87 F.R. 52741 8/29/2022");
        assertThat(e.sourceUrl()).startsWith("https://www.bis.doc.gov/");
    }

    @Test
    void aPartyOfTwoOrdersIsOneEntryWithEveryAddressAndCitation() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("bis-dpl/dpl-2023-11.txt")).byName("I. ASH");

        assertThat(e.sourceId()).isEqualTo("dpl-b9d61fd31d6bdf0b");
        assertThat(e.addresses()).containsExactlyInAnyOrder(
                "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175, SEAGOVILLE, TX, 75159, US",
                "605 TRAIL LAKE DRIVE, RICHARDSON, TX, 75081, US",
                "908 AUDELIA ROAD, SUITE 200 #245, RICHARDSON, TX, 75081, US");
        assertThat(e.countries()).containsExactly("US");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2002, 3, 4));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2056, 6, 29));
        assertThat(e.remarks()).contains("Federal Register: 68 F.R. 38290 6/27/03 71 F.R. 38843 7/10/06 72 F.R. 4236 1/30/07",
                "Federal Register: 67 F.R. 56530 9/4/02 67 F.R. 10890 3/11/02 71 F.R. 38843 7/10/06");
    }

    @Test
    void aPartyDeniedUntilItsLatestExpiration() throws IOException {
        ListEntry e = ReaderTestSupport.read(SharedData.list("bis-dpl/dpl-2023-11.txt")).byName("JESUS ADRIAN RAMIREZ");

        assertThat(e.addresses()).hasSize(2);
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2023, 3, 21));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2030, 12, 16));
    }

    @Test
    void aNonStandardOrderIsNoted() throws IOException {
        Path file = write("dpl.txt", HEADER + "\n" + ROW.replace("\"Y\"", "\"N\"") + "\n");
        ListEntry e = ReaderTestSupport.read(file).byName("JANE SAMPLE");

        assertThat(e.remarks()).isEqualTo("Federal Register: 85 F.R. 1000 1/20/2020\n\nStandard order: N");
        assertThat(e.countries()).containsExactly("US");
    }

    @Test
    void otherFilesAreNotRecognised() throws IOException {
        BisDplReader reader = new BisDplReader();
        assertThat(reader.recognises(ListSource.ofFile(SharedData.list("csl/csl-sample-29col.csv")))).isFalse();
        assertThat(reader.recognises(ListSource.ofFile(write("other.txt", HEADER.replace("\"FR_Citation\"", "\"Notes\""))))).isFalse();
        assertThat(new CslCsvReader().recognises(ListSource.ofFile(SharedData.list("bis-dpl/dpl-2023-11.txt")))).isFalse();
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("empty.txt", "");
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("empty file");
    }

    @Test
    void aTruncatedFileFailsAtTheUnterminatedQuote() throws IOException {
        Path file = write("truncated.txt", HEADER + "\n" + ROW + "\n" + ROW.substring(0, ROW.indexOf("SPRINGFIELD")));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void latin1BytesAreAnEncodingErrorNamingTheLine() throws IOException {
        Path file = tmp.resolve("latin1.txt");
        Files.write(file, (HEADER + "\n" + ROW + "\n" + ROW.replace("JANE", "JOS\u00c9") + "\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAnError() throws IOException {
        Path file = write("short.txt", HEADER + "\n" + ROW + "\n" + ROW.substring(0, ROW.lastIndexOf('\t')) + "\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("11 fields; expected 12");
    }

    @Test
    void aDateThatIsNotMonthDayYearIsAnError() throws IOException {
        Path file = write("date.txt", HEADER + "\n" + ROW.replace("01/15/2030", "2030-15-01") + "\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 2")
                .hasMessageContaining("Expiration_Date \"2030-15-01\" is not a date");
    }

    @Test
    void aHeaderOfAnotherLayoutIsNotRecognised() throws IOException {
        Path file = write("other.txt", HEADER.replace("\"Action\"\t", "") + "\n");
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a list format Scrutiny reads");
    }

    /** Of every shared list file, the reader claims only its own. */
    @Test
    void claimsNoOtherSharedListFile() throws IOException {
        Path root = SharedData.list(".");
        List<String> claimed;
        try (Stream<Path> files = Files.walk(root)) {
            claimed = files.filter(Files::isRegularFile).filter(f -> recognises(new BisDplReader(), f))
                    .map(f -> root.relativize(f).toString()).sorted().toList();
        }
        assertThat(claimed).containsExactly("bis-dpl/dpl-2019-07.txt", "bis-dpl/dpl-2023-11.txt");
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
