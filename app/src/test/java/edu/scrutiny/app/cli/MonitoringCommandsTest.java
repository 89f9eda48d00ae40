package edu.scrutiny.app.cli;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.lists.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring contract on the command line, on an empty data directory: the real OFAC SDN
 * versions of January 2019 and July 2021 make a real delta; list sources refresh from local paths.
 */
class MonitoringCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as("%s%n%s", String.join(" ", args), run.err()).isZero();
        return run;
    }

    private Path engagement(String name, String json) throws Exception {
        Path p = tmp.resolve(name + ".json");
        Files.writeString(p, json);
        return p;
    }

    private List<JsonNode> alerts(Path data) {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(ok("--data", data.toString(), "alerts", "list", "--json").out()).forEach(out::add);
        return out;
    }

    @Test
    void aRealSdnDeltaRaisesNewAndClosedHits() throws Exception {
        Path sdn2019 = SharedData.list("ofac-sdn-2019-01");
        Path sdn2021 = SharedData.list("ofac-sdn-2021-07");
        Path data = tmp.resolve("data");
        ok("--data", data.toString(), "lists", "import", sdn2019.toString(), "--effective", "2019-01-15");
        String visitor = ok("--data", data.toString(), "engagements", "submit", engagement("visitor", """
                {"title": "Visiting researcher in comparative religion", "type": "visiting_researcher", "renewal": false,
                 "submitted_on": "2020-01-10", "funding": {"amount": 0, "currency": "USD", "source": "internal"},
                 "parties": [{"name": "Al-Mustafa International University", "kind": "organization", "country": "IR",
                              "role": "home_institution", "organization_type": "university"}],
                 "work_countries": ["US"], "research_areas": ["humanities"]}""").toString()).out().strip();
        String vessel = ok("--data", data.toString(), "engagements", "submit", engagement("vessel", """
                {"title": "Charter of a research vessel", "type": "procurement", "renewal": false,
                 "submitted_on": "2020-02-01", "funding": {"amount": 90000, "currency": "USD", "source": "nsf"},
                 "parties": [{"name": "Naviera Maritima de Arosa, S.A.", "kind": "organization", "country": "ES",
                              "role": "vendor", "organization_type": "company", "owners": [{"name": "Arosa Holdings", "share": 100}]}],
                 "work_countries": ["ES"], "research_areas": ["earth_sciences"]}""").toString()).out().strip();
        assertThat(alerts(data)).isEmpty();

        CliRun delta = ok("--data", data.toString(), "lists", "import", sdn2021.toString(), "--effective", "2021-07-15");
        String line = delta.out().strip();
        assertThat(line.lines().count()).as("one line").isEqualTo(1);
        assertThat(line).contains("us_ofac_sdn: imported version 2").contains("1858 added, 261 removed, 843 changed since version 1")
                .contains("2 engagements re-screened").contains("(2 re-assessed)").containsPattern("\\d+ alerts raised");

        List<JsonNode> open = alerts(data);
        JsonNode newHit = open.stream().filter(a -> a.get("kind").asString().equals("NEW_HIT")).findFirst().orElseThrow();
        assertThat(newHit.get("engagement_id").asString()).isEqualTo(visitor);
        assertThat(newHit.get("list").asString()).isEqualTo("us_ofac_sdn");
        assertThat(newHit.get("entity_name").asString()).isEqualTo("AL-MUSTAFA INTERNATIONAL UNIVERSITY");
        assertThat(newHit.get("source_id").asString()).isNotBlank();
        assertThat(newHit.get("created_at").asString()).isNotBlank();
        assertThat(newHit.get("id").asLong()).isPositive();
        JsonNode closed = open.stream().filter(a -> a.get("kind").asString().equals("HIT_CLOSED")).findFirst().orElseThrow();
        assertThat(closed.get("engagement_id").asString()).isEqualTo(vessel);
        assertThat(closed.get("entity_name").asString()).isEqualTo("NAVIERA MARITIMA DE AROSA, S.A.");
        assertThat(open).filteredOn(a -> a.get("kind").asString().equals("TIER_CHANGED"))
                .extracting(a -> a.get("engagement_id").asString() + " " + a.get("detail").asString())
                .containsExactlyInAnyOrder(visitor + " tier ELEVATED -> PROHIBITED after us_ofac_sdn version 2",
                        vessel + " tier PROHIBITED -> STANDARD after us_ofac_sdn version 2");
        assertThat(ok("--data", data.toString(), "alerts", "list").out()).contains("NEW_HIT").contains(visitor);
    }

    @Test
    void sourcesRefreshFromLocalPathsAndAFailedRefreshChangesNothing() throws Exception {
        Path data = tmp.resolve("data");
        Path published = data.resolve("imports"); // the default import directory: a server reads list files only from there
        Files.createDirectories(published);
        Path file = published.resolve("us_bis_entity_list.csv");
        Files.copy(Scenarios.path("monitoring/2017-03-29/us_bis_entity_list.csv"), file);

        CliRun added = ok("--data", data.toString(), "lists", "sources", "add", "us_bis_entity_list", file.toString(), "--every", "12h",
                "--category", "export_control");
        assertThat(added.out()).contains("every 12h");
        assertThat(ok("--data", data.toString(), "lists", "refresh").out()).contains("us_bis_entity_list: imported version 1");
        assertThat(ok("--data", data.toString(), "lists", "refresh", "us_bis_entity_list").out()).contains("same bytes as version 1");

        String text = Files.readString(Scenarios.path("monitoring/2019-05-16/us_bis_entity_list.csv"));
        Files.writeString(file, text.substring(0, text.indexOf("\"Huawei") + 8));
        CliRun failed = CliRun.of("--data", data.toString(), "lists", "refresh", "us_bis_entity_list");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("refresh failed, the version in force stays");
        assertThat(alerts(data)).singleElement().satisfies(a -> {
            assertThat(a.get("kind").asString()).isEqualTo("LIST_REFRESH_FAILED");
            assertThat(a.get("list").asString()).isEqualTo("us_bis_entity_list");
            assertThat(a.get("engagement_id").isNull()).isTrue();
        });
        JsonNode versions = JSON.readTree(ok("--data", data.toString(), "lists", "versions", "--json").out());
        assertThat(versions.size()).isEqualTo(1);

        CliRun bad = CliRun.of("--data", data.toString(), "lists", "sources", "add", "x", file.toString(), "--every", "soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'soon' is not a period");
    }
}
