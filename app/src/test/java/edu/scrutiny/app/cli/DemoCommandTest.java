package edu.scrutiny.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoWritesTheSamplesInspectsAndDiffsThem() {
        CliRun run = CliRun.of("demo", "--dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("lists/2019-04-01/us_bis_entity_list.csv")).exists();
        assertThat(dir.resolve("lists/2019-06-01/us_bis_entity_list.csv")).exists();
        assertThat(run.out()).contains("entries     11")
                .contains("7 added, 0 removed, 0 changed, 4 unchanged")
                .contains("Huawei Technologies Co., Ltd.");
    }
}
