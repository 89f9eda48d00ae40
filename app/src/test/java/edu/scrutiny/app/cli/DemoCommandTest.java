package edu.scrutiny.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoSeedsListsTheDirectiveAndEngagementsAcrossTheTiersOnce() {
        CliRun run = CliRun.of("demo", "--dir", dir.toString(), "--no-serve");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("data/scrutiny.mv.db")).exists();
        assertThat(dir.resolve("seed/lists/2019-06-01/us_bis_entity_list.csv")).exists();
        assertThat(run.out())
                .contains("us_bis_entity_list: imported version 2")
                .contains("7 added, 0 removed, 0 changed since version 1")
                .contains("directives: 1 added")
                .containsPattern("screening \\d+: Huawei Technologies Co., Ltd., [1-9]\\d* results, the first a true match")
                .containsPattern("screening \\d+: Huawei Technologies UK Co Ltd, [1-9]\\d* results, the first waiting for review")
                .contains("Lakeside Photonics GmbH, 0 results, watched")
                .containsPattern("batch \\d+: demo-invitees.csv, 3 rows, screened in the background")
                .contains("Demo accounts (demo only; each has the password scrutiny-demo): submitter (submitter), analyst (analyst),"
                        + " reviewer (reviewer), admin (administrator), auditor (auditor)")
                .containsPattern("API token for analyst \\(demo only\\): scr_[A-Za-z0-9_-]{43}\n");
        assertThat(run.out()).containsPattern("ENG-000001 +2019-06-03 +PROHIBITED +Sponsored research agreement: 5G antenna arrays")
                .containsPattern("ENG-000002 +\\S+ +PROHIBITED +Renewal: optical networking")
                .containsPattern("ENG-000003 +\\S+ +ELEVATED +Gift for a graduate fellowship")
                .containsPattern("ENG-000004 +\\S+ +ELEVATED +Joint workshop")
                .containsPattern("ENG-000005 +\\S+ +PROHIBITED +Equipment purchase")
                .containsPattern("ENG-000006 +\\S+ +STANDARD +Co-publication MOU")
                .containsPattern("ENG-000007 +\\S+ +STANDARD +Visiting researcher")
                // blocked only in aggregate: 30% and 25% held by two Entity List parties
                .containsPattern("ENG-000008 +\\S+ +ELEVATED +Subaward: wafer metrology");

        CliRun again = CliRun.of("demo", "--dir", dir.toString(), "--no-serve");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already seeded").doesNotContain("ENG-000009").doesNotContain("API token")
                .contains("Demo accounts (demo only; each has the password scrutiny-demo)");
    }
}
