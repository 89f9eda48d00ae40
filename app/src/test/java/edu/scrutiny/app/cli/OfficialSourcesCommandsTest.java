package edu.scrutiny.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lists sources official} and {@code lists sources add-official} on the command line: the
 * catalogue shows the publishers' URLs; with a mirror in a directory of the import directory
 * ({@code scrutiny.sources.official-mirror}, set here as a system property, as a deployment sets it
 * in the environment) the sources are added from there and {@code lists refresh} imports them, with
 * no network at all.
 */
class OfficialSourcesCommandsTest {
    private static final String MIRROR = "scrutiny.sources.official-mirror";

    @TempDir
    Path tmp;

    @AfterEach
    void noMirror() {
        System.clearProperty(MIRROR);
    }

    private CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("%s%n%s", String.join(" ", args), run.err()).isZero();
        return run;
    }

    private static void copySample(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = OfficialSourcesCommandsTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }

    @Test
    void theCatalogueShowsThePublishersUrlsAndThePdfOnlyLists() {
        Path data = tmp.resolve("data");
        String out = ok("--data", data.toString(), "lists", "sources", "official").out();
        assertThat(out).startsWith("Official sources, as published on 2026-12-03:")
                .contains("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ENHANCED.XML every 24h")
                .contains("https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ENHANCED.XML")
                .contains("https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json")
                .contains("https://scsanctions.un.org/resources/xml/en/consolidated.xml")
                .contains("https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=")
                .contains("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml")
                .contains("PDF: https://basicresearch.defense.gov/").contains("PDF: https://www.govinfo.gov/")
                .containsPattern("us_ofac_sdn +ofac-enhanced-xml +not enabled")
                .containsPattern("us_dod_1286 +scrutiny-csv +PDF only");
        assertThat(ok("--data", data.toString(), "lists", "sources", "official", "--json").out())
                .contains("\"list\" : \"us_trade_csl\"").contains("\"format\" : \"csl-json\"").contains("\"status\" : \"AVAILABLE\"");
    }

    @Test
    void addOfficialFromAMirrorDirectoryThenRefreshImportsThem() throws Exception {
        Path data = tmp.resolve("data");
        Path mirror = data.resolve("imports").resolve("official");
        copySample("/samples/ofac-enhanced-xml/SDN_ENHANCED.XML", mirror.resolve("us_ofac_sdn/SDN_ENHANCED.XML"));
        copySample("/samples/un-xml/consolidated.xml", mirror.resolve("un_sc/consolidated.xml"));
        System.setProperty(MIRROR, mirror.toString());

        CliRun added = ok("--data", data.toString(), "lists", "sources", "add-official", "us_ofac_sdn", "un_sc");
        assertThat(added.out().lines()).containsExactly(
                "us_ofac_sdn: refreshed from " + mirror.resolve("us_ofac_sdn/SDN_ENHANCED.XML") + " every 24h; the first refresh imports it",
                "un_sc: refreshed from " + mirror.resolve("un_sc/consolidated.xml") + " every 24h; the first refresh imports it");
        assertThat(ok("--data", data.toString(), "lists", "sources", "add-official", "un_sc").out().strip())
                .isEqualTo("un_sc: already has a source (" + mirror.resolve("un_sc/consolidated.xml") + "); left as it is");

        String refreshed = ok("--data", data.toString(), "lists", "refresh").out();
        assertThat(refreshed).containsPattern("us_ofac_sdn: imported version \\d+ \\(ofac-enhanced-xml, .*\\): 2 entries")
                .containsPattern("un_sc: imported version \\d+ \\(un-xml, .*\\): 2 entries");

        // an unknown list: refused with the known ones, nothing changed
        CliRun unknown = CliRun.of("--data", data.toString(), "lists", "sources", "add-official", "eu_fsf", "ofac");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("lists sources add-official").contains("LIST: 'ofac' is not an official source; the catalogue has us_ofac_sdn, ");
        // every list, but the mirror lacks most of them: refused on the first missing file, and nothing is added
        CliRun all = CliRun.of("--data", data.toString(), "lists", "sources", "add-official");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.err()).contains("CONS_ENHANCED.XML: no such file or directory in the import directory");
        assertThat(ok("--data", data.toString(), "lists", "sources", "list").out().lines().map(l -> l.substring(0, l.indexOf(':'))))
                .containsExactly("un_sc", "us_ofac_sdn");
        assertThat(ok("--data", data.toString(), "lists", "sources", "official").out())
                .contains("fetched from the mirror " + mirror).containsPattern("un_sc +un-xml +enabled");
    }
}
