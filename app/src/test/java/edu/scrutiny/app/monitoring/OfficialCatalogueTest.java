package edu.scrutiny.app.monitoring;

import edu.scrutiny.lists.DetectedList;
import edu.scrutiny.lists.ListFormat;
import edu.scrutiny.lists.Lists;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped catalogue of official sources: the publishers' https URLs by default, a mirror's
 * places when one is set, every entry in a format a reader reads (checked against the readers' own
 * sample of that format, which must name the entry's list), and a broken entry refused at load.
 */
class OfficialCatalogueTest {
    private static final Map<String, String> SAMPLES = Map.of(
            "us_ofac_sdn", "/samples/ofac-enhanced-xml/SDN_ENHANCED.XML",
            "us_ofac_cons", "/samples/ofac-enhanced-xml/CONS_ENHANCED.XML",
            "us_trade_csl", "/samples/csl-json/consolidated.json",
            "un_sc", "/samples/un-xml/consolidated.xml",
            "eu_fsf", "/samples/eu-xml/eu-fsf-sample.xml",
            "gb_fcdo", "/samples/uk-xml/uk-sanctions-list-sample.xml");

    @Test
    void theShippedCatalogueNamesEveryOfficialListWithThePublishersUrls() {
        OfficialCatalogue c = OfficialCatalogue.load(null);
        assertThat(c.checkedOn()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(c.keys()).containsExactly("us_ofac_sdn", "us_ofac_cons", "us_trade_csl", "un_sc", "eu_fsf", "gb_fcdo",
                "us_dod_1286", "us_dod_1260h");
        assertThat(c.mirror()).isNull();
        for (OfficialSource s : c.sources()) {
            assertThat(s.publisherPage()).as(s.listKey()).startsWith("https://");
            if (s.downloadable()) {
                assertThat(c.location(s)).as(s.listKey()).isEqualTo(s.url()).startsWith("https://");
            } else {
                assertThat(s.format()).isEqualTo("scrutiny-csv");
                assertThat(s.category()).isEqualTo("research_security");
                assertThat(s.pdf()).startsWith("https://");
            }
        }
        assertThat(c.find("us_ofac_sdn").orElseThrow().url()).isEqualTo(
                "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ENHANCED.XML");
        assertThat(URI.create(c.find("eu_fsf").orElseThrow().url()).getQuery()).isEqualTo("token=dG9rZW4tMjAxNw");
    }

    @org.junit.jupiter.api.io.TempDir
    Path temp;

    @Test
    void eachDownloadableSourceIsInAFormatAReaderReadsAndItsSampleNamesItsList() throws Exception {
        OfficialCatalogue c = OfficialCatalogue.load(null);
        for (OfficialSource s : c.sources().stream().filter(OfficialSource::downloadable).toList()) {
            // the samples are the lists module's test resources, inside its test jar in a full build: copied out,
            // under their own names (which tell the format)
            String resource = SAMPLES.get(s.listKey());
            Path sample = Files.createDirectories(temp.resolve(s.listKey())).resolve(resource.substring(resource.lastIndexOf('/') + 1));
            try (var in = OfficialCatalogueTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                Files.copy(in, sample);
            }
            DetectedList detected = Lists.standard().detectOne(sample);
            assertThat(detected.reader().format().key()).as(s.listKey()).isEqualTo(s.format());
            assertThat(detected.read(e -> { }).listKey()).as(s.listKey()).isEqualTo(s.listKey());
        }
    }

    @Test
    void aMirrorHoldsEachListUnderItsKeyAndFileName() {
        OfficialSource sdn = OfficialCatalogue.load(null).find("us_ofac_sdn").orElseThrow();
        assertThat(OfficialCatalogue.load("https://mirror.example.edu/lists").location(sdn))
                .isEqualTo("https://mirror.example.edu/lists/us_ofac_sdn/SDN_ENHANCED.XML");
        assertThat(OfficialCatalogue.load("https://mirror.example.edu/lists/").location(sdn))
                .isEqualTo("https://mirror.example.edu/lists/us_ofac_sdn/SDN_ENHANCED.XML");
        assertThat(OfficialCatalogue.load("official").location(sdn)).isEqualTo("official/us_ofac_sdn/SDN_ENHANCED.XML");
        assertThat(OfficialCatalogue.load("  ").mirror()).isNull();
        assertThatThrownBy(() -> OfficialCatalogue.load("ftp://mirror.example.edu/"))
                .hasMessageContaining("scrutiny.sources.official-mirror: 'ftp://mirror.example.edu/' is neither an http(s) URL nor a directory");
    }

    @Test
    void anEntryNoReaderReadsOrWithNeitherUrlNorPdfIsRefusedAtLoad() {
        OfficialSource good = OfficialCatalogue.load(null).find("un_sc").orElseThrow();
        OfficialSource pdfFormat = new OfficialSource("x_list", "X", "P", "https://example.org/x.pdf", "x.pdf", "pdf", "sanctions", "24h",
                null, "https://example.org/", null);
        assertThatThrownBy(() -> OfficialCatalogue.of(LocalDate.now(), List.of(good, pdfFormat), null))
                .hasMessageContaining("source 'x_list': format 'pdf' is read by no reader (known: ofac-csv, ");
        OfficialSource nothing = new OfficialSource("y_list", "Y", "P", null, null, ListFormat.SCRUTINY_CSV.key(), "watchlist", "24h",
                null, "https://example.org/", null);
        assertThatThrownBy(() -> OfficialCatalogue.of(LocalDate.now(), List.of(nothing), null))
                .hasMessageContaining("source 'y_list': has no url, so it must be a PDF-only list");
        OfficialSource plainHttp = new OfficialSource("z_list", "Z", "P", "http://example.org/z.xml", "z.xml", "un-xml", "sanctions",
                "24h", null, "https://example.org/", null);
        assertThatThrownBy(() -> OfficialCatalogue.of(LocalDate.now(), List.of(plainHttp), null))
                .hasMessageContaining("source 'z_list': url must be an https URL");
        assertThatThrownBy(() -> OfficialCatalogue.of(LocalDate.now(), List.of(good, good), null))
                .hasMessageContaining("source 'un_sc': listed twice");
    }
}
