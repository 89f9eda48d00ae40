package edu.scrutiny.app.cli;

import edu.scrutiny.lists.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code lists inspect --json} contract on every real file in ../shared/data/lists, with the
 * counts of its SOURCES.md. Where a format spreads one party over several rows (Denied Persons,
 * the DoD transcriptions), {@code records} is SOURCES.md's row count and {@code entries} the
 * parties after merging.
 */
class InspectSharedListsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // path,                                        list,                          format,             entries, records
            "ofac-sdn-2019-01,                              us_ofac_sdn,                   ofac-csv,           7379,   7379",
            "ofac-sdn-2021-07,                              us_ofac_sdn,                   ofac-csv,           8976,   8976",
            "ofac-consolidated-2025-12,                     us_ofac_cons,                  ofac-csv,           442,    442",
            "ofac-consolidated-2025-01-enhanced-xml.zip,    us_ofac_cons,                  ofac-enhanced-xml,  443,    443",
            "un-consolidated-2026-02-27.xml,                un_sc,                         un-xml,             1003,   1003",
            "csl/csl-2019-12-sample-28col.csv,              us_trade_csl,                  csl-csv,            115,    115",
            "csl/csl-sample-29col.csv,                      us_trade_csl,                  csl-csv,            13,     13",
            "bis-dpl/dpl-2019-07.txt,                       us_bis_dpl,                    bis-dpl,            415,    546",
            "bis-dpl/dpl-2023-11.txt,                       us_bis_dpl,                    bis-dpl,            545,    665",
            "section_1286.csv,                              us_dod_1286,                   section-1286-csv,   190,    443",
            "section_1260h.csv,                             us_dod_1260h,                  section-1260h-csv,  227,    397",
            "bis_mieu.csv,                                  us_bis_mieu,                   bis-mieu-csv,       13,     13",
            "us-tel.json,                                   us_state_terrorist_exclusion,  ftm-nested-json,    10,     10",
            "ftm/t1.ftm.json,                               eu_fsf,                        ftm-json,           6,      6",
            "ftm/zala.ftm.json,                             zala,                          ftm-json,           17,     17",
            "ftm/parteispenden.ftm.json,                    parteispenden,                 ftm-json,           96,     96",
    })
    void countsOfSourcesMd(String path, String list, String format, long entries, long records) throws Exception {
        JsonNode l = inspectOne(SharedData.list(path));
        assertThat(l.get("list").asString()).isEqualTo(list);
        assertThat(l.get("format").asString()).isEqualTo(format);
        assertThat(l.get("entries").asLong()).isEqualTo(entries);
        assertThat(l.get("records").asLong()).isEqualTo(records);
        assertThat(l.get("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(l.get("names").asLong()).isGreaterThanOrEqualTo(entries);
    }

    @Test
    void schemaBreakdowns() throws Exception {
        JsonNode sdn = inspectOne(SharedData.list("ofac-sdn-2021-07")).get("by_schema");
        assertThat(sdn.get("Person").asLong()).isEqualTo(4620);
        assertThat(sdn.get("LegalEntity").asLong()).isEqualTo(3673);
        assertThat(sdn.get("Vessel").asLong()).isEqualTo(406);
        assertThat(sdn.get("Airplane").asLong()).isEqualTo(277);
        JsonNode un = inspectOne(SharedData.list("un-consolidated-2026-02-27.xml")).get("by_schema");
        assertThat(un.get("Person").asLong()).isEqualTo(730);
        assertThat(un.get("Organization").asLong()).isEqualTo(273);
        JsonNode zala = inspectOne(SharedData.list("ftm/zala.ftm.json")).get("by_schema");
        assertThat(zala.get("Company").asLong()).isEqualTo(11);
        assertThat(zala.get("Person").asLong()).isEqualTo(6);
    }

    /** The extract in shared data is cut off inside its last record: it is refused, not half read. */
    @Test
    void truncatedCslExtractIsRefusedWithTheLine() {
        Path extract = SharedData.list("csl-2023-11-extract.csv");
        CliRun run = CliRun.of("lists", "inspect", "--json", extract.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("csl-2023-11-extract.csv line 4233: not valid CSV: the file ends inside a quoted field");
    }

    @Test
    void sdnDiffBetween2019And2021() throws Exception {
        CliRun run = CliRun.of("lists", "diff", "--json", SharedData.list("ofac-sdn-2019-01").toString(),
                SharedData.list("ofac-sdn-2021-07").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode counts = Json.MAPPER.readTree(run.out()).get("counts");
        // checked by hand: ent_num sets of the two sdn.csv files differ by 1,858 added and 261 removed, 7,118 in both
        assertThat(counts.get("added").asInt()).isEqualTo(1858);
        assertThat(counts.get("removed").asInt()).isEqualTo(261);
        assertThat(counts.get("changed").asInt() + counts.get("unchanged").asInt()).isEqualTo(7118);
    }

    private static JsonNode inspectOne(Path path) throws Exception {
        CliRun run = CliRun.of("lists", "inspect", "--json", path.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode array = Json.MAPPER.readTree(run.out());
        assertThat(array).hasSize(1);
        return array.get(0);
    }
}
