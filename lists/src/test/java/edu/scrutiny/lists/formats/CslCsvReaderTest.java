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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CslCsvReaderTest {
    private static final String HEADER_29 = "_id,source,entity_number,type,programs,name,title,addresses,"
            + "federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
            + "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,"
            + "alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";
    private static final String DPL = "Denied Persons List (DPL) - Bureau of Industry and Security";

    @TempDir
    Path tmp;

    /**
     * The extract is cut off inside its last record (_id 11476, BERMUDEZ SUAZA, which ends in an
     * unterminated quoted address): a truncated file, which must fail rather than load partly.
     */
    @Test
    void theRealExtractIsTruncatedAndFailsAtItsLastRecord() {
        Path extract = SharedData.list("csl-2023-11-extract.csv");
        assertThatThrownBy(() -> ReaderTestSupport.read(extract))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("csl-2023-11-extract.csv line 4233")
                .hasMessageContaining("not valid CSV");
    }

    /**
     * Without its cut-off last record the extract has, after the header and the data row that
     * repeats it, 4,226 rows with 4,219 distinct _id (SOURCES.md's 4,227 rows and 4,220 ids count
     * either the repeated header or the truncated row). Seven OFAC parties are on two sub-lists
     * (NS-MBS and SSI, PLC and SDN) and are one entry each: 4,219 entries.
     */
    @Test
    void theCompleteRowsOfTheExtractAreOneEntryPerParty() throws IOException {
        Read read = ReaderTestSupport.read(completeExtract());

        assertThat(read.format()).isEqualTo(ListFormat.CSL_CSV);
        assertThat(read.listKey()).isEqualTo("us_trade_csl");
        assertThat(read.entries()).hasSize(4_219);
        assertThat(read.entries().stream().map(ListEntry::sourceId).distinct()).hasSize(4_219);
        assertThat(read.entries()).noneMatch(e -> e.sourceId().equals("_id") || e.name().equals("name"));
        assertThat(read.bySchema()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Schema.PERSON, 1_122L, Schema.LEGAL_ENTITY, 3_094L, Schema.VESSEL, 3L));
        assertThat(count(read.entries(), ListEntry::category)).containsExactlyInAnyOrderEntriesOf(Map.of(
                ListCategory.SANCTIONS, 2_324L, ListCategory.EXPORT_CONTROL, 1_176L, ListCategory.DENIAL, 719L));
    }

    @Test
    void aCmicEntryKeepsItsIdentifiersAliasesAndSubList() throws IOException {
        ListEntry e = ReaderTestSupport.read(completeExtract()).byId("30882");

        assertThat(e.name()).isEqualTo("China Telecom Corporation Limited");
        assertThat(e.schema()).isEqualTo(Schema.LEGAL_ENTITY);
        assertThat(e.category()).isEqualTo(ListCategory.SANCTIONS);
        assertThat(e.programs()).containsExactly(
                "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", "CMIC-EO13959");
        assertThat(e.aliases()).containsExactly(Alias.strong("CHINA TELECOM"), Alias.strong("CHINA TELECOM CO., LTD"),
                Alias.strong("CHINA TELECOM CORP LTD"));
        assertThat(e.addresses()).containsExactly("31 Jinrong Street, Xicheng District, Beijing, 100033, CN");
        assertThat(e.countries()).containsExactly("CN");
        assertThat(e.identifiers()).hasSize(21).contains(
                new Identifier("Unified Social Credit Code (USCC)", "9111000071093019X7", "CN"),
                new Identifier("Issuer Name", "China Telecom Co., Ltd", null),
                new Identifier("Equity Ticker", "0728 HK", null),
                new Identifier("ISIN", "US1694261033", null),
                new Identifier("Listing Date (CMIC)", "2021-06-03", null));
        assertThat(e.sourceUrl()).isEqualTo("https://ofac.treasury.gov/consolidated-sanctions-list/ns-cmic-list");
    }

    @Test
    void anEntityListEntryHasItsListingDateAndFederalRegisterNotice() throws IOException {
        ListEntry e = ReaderTestSupport.read(completeExtract()).byId("ef773baf03e047f916e2fc565c0cc19b87548fdde5d11c8611a87211");

        assertThat(e.name()).isEqualTo("Fazal Rahim Farid");
        assertThat(e.category()).isEqualTo(ListCategory.EXPORT_CONTROL);
        assertThat(e.programs()).containsExactly("Entity List (EL) - Bureau of Industry and Security");
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2011, 11, 21));
        assertThat(e.delistedOn()).isNull();
        assertThat(e.remarks()).contains("Federal Register notice: 76 FR 71867",
                "License requirement: For all items subject to the EAR. (See §744.11 of the EAR).",
                "License policy: Presumption of denial.");
        assertThat(e.addresses()).hasSize(4).first().isEqualTo("Microrayan 3rd Apt. 45, block #21, Kabul, AF");
        assertThat(e.countries()).containsExactly("AF", "PK");
        assertThat(e.allNames()).containsExactly("Fazal Rahim Farid", "Fazel Rahim Farid", "Farid", "and Engineer Idris");
    }

    @Test
    void aDeniedPersonIsTrimmedAndEndsOnItsEndDate() throws IOException {
        ListEntry e = ReaderTestSupport.read(completeExtract()).byId("278be3e06d711cd8c6ea146bcd625d9f17cc901b980ea83daec759d2");

        assertThat(e.name()).isEqualTo("I. ASH");
        assertThat(e.category()).isEqualTo(ListCategory.DENIAL);
        assertThat(e.schema()).isEqualTo(Schema.LEGAL_ENTITY);
        assertThat(e.listedOn()).isEqualTo(LocalDate.of(2003, 6, 19));
        assertThat(e.delistedOn()).isEqualTo(LocalDate.of(2056, 6, 29));
        assertThat(e.countries()).containsExactly("US");
        assertThat(e.sourceUrl()).isEqualTo("https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list");
    }

    @Test
    void aVesselHasItsFlagCallSignAndOwner() throws IOException {
        ListEntry e = ReaderTestSupport.read(completeExtract()).byId("4238");

        assertThat(e.name()).isEqualTo("MAR AZUL");
        assertThat(e.schema()).isEqualTo(Schema.VESSEL);
        assertThat(e.countries()).containsExactly("CU");
        assertThat(e.identifiers()).containsExactly(new Identifier("Call Sign", "CL2192", null));
        assertThat(e.owners()).extracting(o -> o.name()).containsExactly("Samir de Navegacion S.A.");
        assertThat(e.remarks()).contains("Vessel type: Tug", "Gross registered tonnage: 212");
    }

    @Test
    void anOfacPartyOnTwoSubListsIsOneEntryWithBoth() throws IOException {
        Read read = ReaderTestSupport.read(completeExtract());

        ListEntry bank = read.byId("17014");
        assertThat(bank.name()).isEqualTo("Joint Stock Company Russian Agricultural Bank");
        assertThat(bank.programs()).contains("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department",
                "Sectoral Sanctions Identifications List (SSI) - Treasury Department");
        assertThat(bank.aliases()).contains(Alias.strong("JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK"),
                Alias.strong("Rosselkhozbank"), Alias.strong("ROSSELKHOZBANK"));
        assertThat(bank.identifiers()).contains(new Identifier("SWIFT/BIC", "RUAGRUMM", null))
                .doesNotHaveDuplicates();

        ListEntry person = read.byId("9659");
        assertThat(person.name()).isEqualTo("Fathi Ahmad Mohammad HAMMAD");
        assertThat(person.schema()).isEqualTo(Schema.PERSON);
        assertThat(person.aliases()).contains(Alias.strong("HAMMAD, Fathi Ahmad Mohammad"));
        assertThat(person.programs()).contains("Palestinian Legislative Council List (PLC) - Treasury Department",
                "Specially Designated Nationals (SDN) - Treasury Department");
        assertThat(person.countries()).containsExactly("PS");
    }

    @Test
    void approximateBirthDatesArePartialIsoDates() throws IOException {
        ListEntry e = ReaderTestSupport.read(completeExtract()).byId("7929");

        assertThat(e.name()).isEqualTo("YUNOS, Mukhlis");
        assertThat(e.birthDates()).containsExactly("1966-07-07");
    }

    /** The older layout, without _id: 115 rows, 115 entries; 47 rows of non-Treasury lists have neither _id nor entity_number. */
    @Test
    void theOlderLayoutWithoutId() throws IOException {
        Read read = ReaderTestSupport.read(SharedData.list("csl/csl-2019-12-sample-28col.csv"));

        assertThat(read.format()).isEqualTo(ListFormat.CSL_CSV);
        assertThat(read.entries()).hasSize(115);
        assertThat(read.entries()).noneMatch(e -> e.category() == null);
        assertThat(read.entries().stream().filter(e -> e.sourceId().contains("-"))).hasSize(47);

        ListEntry derived = read.byName("ADRIAN MANUEL HERNANDEZ");
        // "dpl-" + SHA-256 of source|name|addresses: the same row gives the same id in every version
        assertThat(derived.sourceId()).isEqualTo("dpl-3be606405654a9f0");
        assertThat(derived.category()).isEqualTo(ListCategory.DENIAL);
        assertThat(derived.listedOn()).isEqualTo(LocalDate.of(2017, 10, 16));
        assertThat(derived.delistedOn()).isEqualTo(LocalDate.of(2020, 10, 13));
        assertThat(derived.addresses()).containsExactly("3037 S. 69TH DRIVE, PHONEIX, AZ, 85043");
        assertThat(derived.countries()).isEmpty();

        // the older layout writes identifiers as "[country, ]number, type"
        ListEntry sdn = read.byId("20264");
        assertThat(sdn.name()).isEqualTo("200G PSA HOLDINGS LLC");
        assertThat(sdn.identifiers()).containsExactly(new Identifier("Tax ID No.", "80-0890696", "US"));
        assertThat(read.byName("ACTeam Logistics Ltd.").sourceId()).startsWith("el-");
    }

    /** 13 rows, one per sub-list-and-type sample (ten distinct sub-lists; SSI three times, PLC twice). */
    @Test
    void theCurrentLayoutSample() throws IOException {
        Read read = ReaderTestSupport.read(SharedData.list("csl/csl-sample-29col.csv"));

        assertThat(read.entries()).hasSize(13);
        assertThat(read.entries().stream().map(e -> e.programs().get(0)).distinct()).hasSize(10);
        assertThat(count(read.entries(), ListEntry::category)).containsExactlyInAnyOrderEntriesOf(Map.of(
                ListCategory.SANCTIONS, 8L, ListCategory.EXPORT_CONTROL, 3L, ListCategory.DENIAL, 2L));
    }

    @Test
    void everySubListOfTheRealFilesHasItsCategory() {
        Map<String, ListCategory> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("Specially Designated Nationals (SDN) - Treasury Department", ListCategory.SANCTIONS),
                Map.entry("Sectoral Sanctions Identifications List (SSI) - Treasury Department", ListCategory.SANCTIONS),
                Map.entry("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", ListCategory.SANCTIONS),
                Map.entry("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", ListCategory.SANCTIONS),
                Map.entry("Foreign Sanctions Evaders (FSE) - Treasury Department", ListCategory.SANCTIONS),
                Map.entry("Palestinian Legislative Council List (PLC) - Treasury Department", ListCategory.SANCTIONS),
                Map.entry("Capta List (CAP) - Treasury Department", ListCategory.SANCTIONS),
                Map.entry("Nonproliferation Sanctions (ISN) - State Department", ListCategory.SANCTIONS),
                Map.entry(DPL, ListCategory.DENIAL),
                Map.entry("ITAR Debarred (DTC) - State Department", ListCategory.DENIAL),
                Map.entry("Entity List (EL) - Bureau of Industry and Security", ListCategory.EXPORT_CONTROL),
                Map.entry("Unverified List (UVL) - Bureau of Industry and Security", ListCategory.EXPORT_CONTROL),
                Map.entry("Military End User (MEU) List - Bureau of Industry and Security", ListCategory.EXPORT_CONTROL)));
        expected.forEach((source, category) -> assertThat(CslMapping.category(source)).as(source).isEqualTo(category));
        assertThat(CslMapping.category("Some Future List (SFL) - Some Agency")).isNull();
        assertThat(CslMapping.category(null)).isNull();
    }

    @Test
    void anUnknownSubListIsReadWithoutCategory() throws IOException {
        Path file = write("future.csv", HEADER_29 + "\n" + row("x1", "Some Future List (SFL) - Some Agency", "Example Party"));

        ListEntry e = ReaderTestSupport.read(file).byId("x1");
        assertThat(e.category()).isNull();
        assertThat(e.programs()).containsExactly("Some Future List (SFL) - Some Agency");
    }

    @Test
    void aDataRowRepeatingTheHeaderIsPassedOver() throws IOException {
        Path file = write("repeated.csv", HEADER_29 + "\n" + HEADER_29 + "\n" + row("a1", DPL, "First Party") + "\n");

        assertThat(ReaderTestSupport.read(file).entries()).extracting(ListEntry::sourceId).containsExactly("a1");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("empty.csv", "");
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("empty file");
    }

    @Test
    void aTruncatedFileFailsAtTheUnterminatedQuote() throws IOException {
        String full = HEADER_29 + "\n" + row("a1", DPL, "First Party") + "\n" + row("a2", DPL, "Second Party");
        Path file = write("truncated.csv", full.substring(0, full.lastIndexOf("Second") + 3));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void latin1BytesAreAnEncodingErrorNamingTheLine() throws IOException {
        byte[] bytes = (HEADER_29 + "\n" + row("a1", DPL, "First Party") + "\n" + row("a2", DPL, "Jos\u00e9 Party") + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = tmp.resolve("latin1.csv");
        Files.write(file, bytes);
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAnError() throws IOException {
        String shortRow = row("a2", DPL, "Second Party");
        Path file = write("short.csv", HEADER_29 + "\n" + row("a1", DPL, "First Party") + "\n"
                + shortRow.substring(0, shortRow.lastIndexOf(',')));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("28 fields; expected 29");
    }

    @Test
    void aRowWithoutANameIsAnError() throws IOException {
        Path file = write("noname.csv", HEADER_29 + "\n" + row("a1", DPL, " "));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 2")
                .hasMessageContaining("no name");
    }

    @Test
    void aHeaderOfNeitherLayoutIsNotRecognised() throws IOException {
        Path file = write("other.csv", HEADER_29.replace(",ids", ",identifiers") + "\n" + row("a1", DPL, "First Party"));
        assertThatThrownBy(() -> ReaderTestSupport.read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a list format Scrutiny reads");
    }

    @Test
    void theReaderRefusesAForeignHeaderWhenCalledDirectly() throws IOException {
        Path file = write("other.csv", "a,b,c\n1,2,3\n");
        assertThatThrownBy(() -> new CslCsvReader().read(ListSource.ofFile(file), e -> { }))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining(file + " line 1")
                .hasMessageContaining("not a Consolidated Screening List header");
    }

    /** A data row of the 29-column layout with the given id, source and name and every other field empty. */
    private static String row(String id, String source, String name) {
        String[] fields = new String[29];
        Arrays.fill(fields, "\"\"");
        fields[0] = '"' + id + '"';
        fields[1] = '"' + source + '"';
        fields[5] = '"' + name + '"';
        return String.join(",", fields);
    }

    /** Of every shared list file, the reader claims only its own. */
    @Test
    void claimsNoOtherSharedListFile() throws IOException {
        Path root = SharedData.list(".");
        List<String> claimed;
        try (Stream<Path> files = Files.walk(root)) {
            claimed = files.filter(Files::isRegularFile).filter(f -> recognises(new CslCsvReader(), f))
                    .map(f -> root.relativize(f).toString()).sorted().toList();
        }
        assertThat(claimed).containsExactly("csl-2023-11-extract.csv", "csl/csl-2019-12-sample-28col.csv", "csl/csl-sample-29col.csv");
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

    /** The extract without its cut-off last record, in a temporary directory. */
    private Path completeExtract() throws IOException {
        byte[] bytes = Files.readAllBytes(SharedData.list("csl-2023-11-extract.csv"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        Path file = tmp.resolve("csl-2023-11-extract-complete.csv");
        Files.writeString(file, text.substring(0, text.lastIndexOf("\n\"11476\",") + 1), StandardCharsets.UTF_8);
        return file;
    }

    private static <K> Map<K, Long> count(List<ListEntry> entries, Function<ListEntry, K> key) {
        return entries.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
