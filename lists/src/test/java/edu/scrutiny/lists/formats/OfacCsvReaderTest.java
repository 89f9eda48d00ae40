package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.Alias;
import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.Identifier;
import edu.scrutiny.lists.ListCategory;
import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.ListReaders;
import edu.scrutiny.lists.Lists;
import edu.scrutiny.lists.Owner;
import edu.scrutiny.lists.ReaderTestSupport;
import edu.scrutiny.lists.ReaderTestSupport.Read;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.SharedData;
import edu.scrutiny.lists.internal.ZipGuard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfacCsvReaderTest {
    private static final String ROW_306 = "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n";
    private static final String ROW_36 = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";

    /** The real lists, read once for all the tests that only look at them. */
    private static final Map<String, Read> SHARED = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    private static Read shared(String list) throws IOException {
        Path path = SharedData.list(list);
        Read read = SHARED.get(list);
        if (read == null) {
            read = ReaderTestSupport.read(path);
            SHARED.put(list, read);
        }
        return read;
    }

    @Test
    void readsTheSdnListOf2019ToItsLastRow() throws IOException {
        Read r = shared("ofac-sdn-2019-01");

        assertThat(r.format()).isEqualTo(ListFormat.OFAC_CSV);
        assertThat(r.listKey()).isEqualTo("us_ofac_sdn");
        assertThat(r.entries()).hasSize(7_379);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.PERSON, 3_845L, Schema.LEGAL_ENTITY, 2_994L,
                Schema.VESSEL, 323L, Schema.AIRPLANE, 217L));
        // the last row of the set, whose add.csv row ends with the null mark cut to "-0" and no line end
        ListEntry last = r.entries().get(r.entries().size() - 1);
        assertThat(last.sourceId()).isEqualTo("26235");
        assertThat(last.name()).isEqualTo("MALKEVICH, Alexander Aleksandrovich");
        assertThat(last.birthDates()).containsExactly("1975-06-14");
        assertThat(last.identifiers()).containsExactly(new Identifier("Passport", "717637093", "RU"),
                new Identifier("National ID No.", "781005202108", null));
        assertThat(last.addresses()).containsExactly("St. Petersburg, Russia");
        assertThat(last.countries()).containsExactly("RU");
        assertThat(last.programs()).containsExactly("CYBER2");
    }

    @Test
    void readsTheSdnListOf2021WithItsCounts() throws IOException {
        Read r = shared("ofac-sdn-2021-07");

        assertThat(r.listKey()).isEqualTo("us_ofac_sdn");
        assertThat(r.entries()).hasSize(8_976);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.PERSON, 4_620L, Schema.LEGAL_ENTITY, 3_673L,
                Schema.VESSEL, 406L, Schema.AIRPLANE, 277L));
        assertThat(r.entries()).allSatisfy(e -> {
            assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
            assertThat(e.sourceUrl()).isEqualTo("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=" + e.sourceId());
        });
        // alt.csv has 11,910 rows: 4 repeat the entry's own name and 2 repeat another alias of the entry
        long strong = r.entries().stream().flatMap(e -> e.aliases().stream()).filter(a -> !a.weak()).count();
        assertThat(strong).isEqualTo(11_904);
        // add.csv has 13,837 rows; those that give only a country add the country but no address line
        assertThat(r.entries().stream().mapToLong(e -> e.addresses().size()).sum()).isEqualTo(9_591);
        ListEntry last = r.entries().get(r.entries().size() - 1);
        assertThat(last.sourceId()).isEqualTo("32391");
        assertThat(last.aliases()).contains(Alias.strong("DJIBO, Halid Illiassou"), Alias.weak("CHAFFORI, Petit"));
        assertThat(last.countries()).containsExactly("NE", "ML");
    }

    @Test
    void readsBancoNacionalDeCubaWithItsWeakAlias() throws IOException {
        for (String list : List.of("ofac-sdn-2019-01", "ofac-sdn-2021-07")) {
            ListEntry e = shared(list).byId("306");

            assertThat(e.name()).isEqualTo("BANCO NACIONAL DE CUBA");
            assertThat(e.schema()).isEqualTo(Schema.LEGAL_ENTITY);
            assertThat(e.aliases()).containsExactly(Alias.weak("BNC"), Alias.strong("NATIONAL BANK OF CUBA"));
            assertThat(e.programs()).containsExactly("CUBA");
            // its addresses are in Zurich, Madrid, Tokyo and Panama; nothing in the files says CU
            assertThat(e.countries()).containsExactly("CH", "ES", "JP", "PA");
            assertThat(e.addresses()).hasSize(4).contains("Zweierstrasse 35, Zurich CH-8022, Switzerland");
            assertThat(e.remarks()).isEqualTo("a.k.a. 'BNC'.");
        }
    }

    @Test
    void readsAVesselWithItsFlagOwnerAndImoNumber() throws IOException {
        Read r = shared("ofac-sdn-2021-07");

        ListEntry caribe = r.byId("26642");
        assertThat(caribe.schema()).isEqualTo(Schema.VESSEL);
        assertThat(caribe.name()).isEqualTo("CARIBE");
        assertThat(caribe.countries()).containsExactly("VE");
        assertThat(caribe.identifiers()).containsExactly(
                new Identifier("Vessel Registration Identification", "IMO 9540895", null));
        assertThat(caribe.programs()).containsExactly("VENEZUELA-EO13850");
        assertThat(caribe.remarks()).contains("Linked To: PETROLEOS DE VENEZUELA, S.A.").contains("Vessel type: Tug");
        assertThat(caribe.owners()).isEmpty();

        ListEntry hermann = r.byId("4234");
        assertThat(hermann.identifiers()).containsExactly(new Identifier("Call Sign", "CL2685", null));
        assertThat(hermann.owners()).containsExactly(new Owner("Compania Navegacion Golfo S.A.", null));
        assertThat(hermann.countries()).containsExactly("CU");
    }

    @Test
    void readsIndividualsDatesOfBirthNationalitiesAndPassports() throws IOException {
        Read r = shared("ofac-sdn-2021-07");

        ListEntry julaidan = r.byId("7263");
        assertThat(julaidan.schema()).isEqualTo(Schema.PERSON);
        assertThat(julaidan.name()).isEqualTo("JULAIDAN, Wa'el Hamza Abd Al-Fatah");
        assertThat(julaidan.birthDates()).containsExactly("1958-01-22", "1958-01-20");
        assertThat(julaidan.countries()).containsExactly("SA");
        assertThat(julaidan.identifiers()).containsExactly(new Identifier("Passport", "A-992535", "SA"),
                new Identifier("Passport", "B 524420", null));
        assertThat(julaidan.aliases()).contains(Alias.weak("ABU AL-HASAN AL MADANI"));
        assertThat(julaidan.programs()).containsExactly("SDGT");

        // a weak alias that begins with an apostrophe keeps it
        assertThat(r.byId("7150").aliases()).contains(Alias.weak("'ABD AL-MUHSI"), Alias.weak("ABU ANAS"));
        // "circa 1979-1982" and "1957 to 1959" give every year of the range
        assertThat(r.byId("11748").birthDates()).containsExactly("1979", "1980", "1981", "1982");
        assertThat(r.byId("16912").birthDates()).containsExactly("1957", "1958", "1959");
        assertThat(r.byId("16912").remarks()).endsWith("Title: General");
    }

    @Test
    void appendsTheCommentsFileToTheRemarks() throws IOException {
        Read r = shared("ofac-sdn-2021-07");

        // Remarks stop at 1,000 characters mid-word and sdn_comments.csv carries on
        assertThat(r.byId("12300").remarks()).contains("Linked To: PROMO RAIZ S.A.S.; Linked To: RED MUNDIAL INMOBILIARIA");
        // a weak alias cut in two by that split is whole again
        assertThat(r.byId("28263").aliases()).contains(Alias.weak("snowsjohn"));
        assertThat(r.byId("28263").remarks()).endsWith("Linked To: LAZARUS GROUP.");
    }

    @Test
    void readsTheConsolidatedListWithHuawei() throws IOException {
        Read r = shared("ofac-consolidated-2025-12");

        assertThat(r.format()).isEqualTo(ListFormat.OFAC_CSV);
        assertThat(r.listKey()).isEqualTo("us_ofac_cons");
        assertThat(r.entries()).hasSize(442);
        assertThat(r.bySchema()).isEqualTo(Map.of(Schema.PERSON, 79L, Schema.LEGAL_ENTITY, 363L));

        ListEntry huawei = r.byName("HUAWEI TECHNOLOGIES CO., LTD.");
        assertThat(huawei.list()).isEqualTo("us_ofac_cons");
        assertThat(huawei.sourceId()).isEqualTo("30947");
        assertThat(huawei.programs()).containsExactly("CMIC-EO13959");
        assertThat(huawei.countries()).containsExactly("CN");
        assertThat(huawei.aliases()).containsExactly(Alias.strong("HUAWEI INVESTMENT & HOLDING CO LTD"));
        assertThat(huawei.identifiers()).containsExactly(
                new Identifier("Unified Social Credit Code (USCC)", "914403001922038216", "CN"));
        assertThat(huawei.addresses()).singleElement().asString().startsWith("Huawei Headquarter Office Building");
        // "Palestinian" is how OFAC names the country in its address and nationality columns
        assertThat(r.byId("9641").countries()).containsExactly("PS");
        // the continuation in cons_comments.csv is read too, keeping the space at either side of the cut
        assertThat(r.byId("17014").aliases()).contains(Alias.weak("RUSAG"));
        assertThat(r.byId("17254").remarks()).contains("Government Gazette Number 00044463 (Russia)");
        assertThat(r.byId("17250").remarks()).contains("Registration Number 1027700070518 (Russia)");
        assertThat(r.byId("17250").identifiers()).contains(new Identifier("Registration Number", "1027700070518", "RU"));
    }

    @Test
    void claimsTheCompanionFilesBesideTheMainFileWhateverTheirCase() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("upper"));
        Files.writeString(dir.resolve("SDN.CSV"), ROW_306);
        Files.writeString(dir.resolve("ALT.CSV"), "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n");
        Files.writeString(dir.resolve("Add.csv"), "306,199,\"Zweierstrasse 35\",\"Zurich CH-8022\",\"Switzerland\",-0- \r\n");
        Files.writeString(dir.resolve("README.txt"), "not a list");

        Lists.Discovery d = Lists.standard().discover(dir);
        assertThat(d.lists()).singleElement().satisfies(l ->
                assertThat(l.source().files()).extracting(f -> f.name()).containsExactly("SDN.CSV", "Add.csv", "ALT.CSV"));
        assertThat(d.skipped()).singleElement().asString().endsWith("README.txt");

        ListEntry e = ReaderTestSupport.read(dir).byId("306");
        assertThat(e.aliases()).containsExactly(Alias.weak("BNC"), Alias.strong("NATIONAL BANK OF CUBA"));
        assertThat(e.countries()).containsExactly("CH");
    }

    @Test
    void readsTheFilesFromAZipArchive() throws IOException {
        Path zip = tmp.resolve("sdn_csv.zip");
        zipFiles(zip, SharedData.list("ofac-sdn-2021-07"), "sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");

        Read r = ReaderTestSupport.read(zip);
        assertThat(r.format()).isEqualTo(ListFormat.OFAC_CSV);
        assertThat(r.entries()).hasSize(8_976);
        assertThat(r.byId("28263").aliases()).contains(Alias.weak("snowsjohn"));
    }

    @Test
    void aliasFileWithoutItsMainFileIsNoList() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("alone"));
        Files.writeString(dir.resolve("alt.csv"), "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n");

        assertThat(new OfacCsvReader().claim(List.of(new edu.scrutiny.lists.ListSource.PlainFile(dir.resolve("alt.csv")))))
                .isEmpty();
        assertThatThrownBy(() -> Lists.standard().discover(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("holds no list").hasMessageContaining("alt.csv");
    }

    @Test
    void emptyMainFileIsRefused() throws IOException {
        Path dir = set("empty", "", null);

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("sdn.csv").toString())
                .hasMessageContaining("empty file");
    }

    @Test
    void unterminatedQuoteIsRefusedWithItsLine() throws IOException {
        Path dir = set("truncated", ROW_36 + "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BN", null);

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("sdn.csv") + " line 2")
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void byteUndefinedInWindows1252IsRefusedWithItsLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("encoding"));
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 3_000; i++) {
            rows.append(i).append(",\"NAME ").append(i).append("\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        }
        // 0x81 is one of the five bytes Windows-1252 leaves undefined; far enough in that a decoder reading ahead would blame line 1
        rows.append("3001,\"BANCO NACIONAL DE CUBA\u0081\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        Files.write(dir.resolve("sdn.csv"), rows.toString().getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("sdn.csv") + " line 3001:")
                .hasMessageContaining("windows-1252");
    }

    @Test
    void windows1252LettersAreDecoded() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("accents"));
        Files.write(dir.resolve("sdn.csv"), "7,\"CAF\u00c9 \u0152UVRE\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));

        assertThat(ReaderTestSupport.read(dir).byId("7").name()).isEqualTo("CAF\u00c9 \u0152UVRE");
    }

    @Test
    void wrongColumnCountIsRefused() throws IOException {
        Path dir = set("columns", ROW_36 + "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\"\r\n", null);

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("sdn.csv") + " line 2")
                .hasMessageContaining("4 fields; expected 12");
    }

    @Test
    void nonNumericEntNumIsRefused() throws IOException {
        Path dir = set("entnum", ROW_306, "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\nX7,221,\"aka\",\"BNC\",-0- \r\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("alt.csv") + " line 2")
                .hasMessageContaining("ent_num \"X7\" is not a number");
    }

    @Test
    void unknownSdnTypeIsRefused() throws IOException {
        Path dir = set("type", "9,\"X\",\"company\",\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", null);

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("sdn.csv") + " line 1")
                .hasMessageContaining("SDN_Type \"company\"");
    }

    @Test
    void aliasOfAnEntryThatIsNotListedIsRefused() throws IOException {
        Path dir = set("orphan", ROW_306, "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n999,221,\"aka\",\"NOBODY\",-0- \r\n");

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("alt.csv") + " line 2")
                .hasMessageContaining("ent_num 999 has no row in sdn.csv");
    }

    @Test
    void rowsAfterTheEndOfFileMarkAreRefused() throws IOException {
        Path dir = set("eof", ROW_36 + "\u001A\r\n" + ROW_306, null);

        assertThatThrownBy(() -> ReaderTestSupport.read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(dir.resolve("sdn.csv") + " line 3")
                .hasMessageContaining("end-of-file mark");
    }

    @Test
    void zipEntryInflatingPastTheLimitIsRefused() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("sdn.csv"));
            for (int i = 0; i < 200; i++) {
                out.write(ROW_36.getBytes(StandardCharsets.US_ASCII));
            }
            out.closeEntry();
        }
        DetectedList list = new Lists(ListReaders.all(), new ZipGuard(10, 1000)).detectOne(zip);
        List<ListEntry> sink = new ArrayList<>();

        assertThatThrownBy(() -> list.read(sink::add))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(zip + "!/sdn.csv")
                .hasMessageContaining("more than 1000 bytes");
    }

    /** A directory with sdn.csv and, when given, alt.csv. */
    private Path set(String name, String sdn, String alt) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("sdn.csv"), sdn, StandardCharsets.ISO_8859_1);
        if (alt != null) {
            Files.writeString(dir.resolve("alt.csv"), alt, StandardCharsets.ISO_8859_1);
        }
        return dir;
    }

    private static void zipFiles(Path zip, Path dir, String... names) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            for (String n : names) {
                out.putNextEntry(new ZipEntry("sdn/" + n));
                Files.copy(dir.resolve(n), out);
                out.closeEntry();
            }
        }
    }
}
