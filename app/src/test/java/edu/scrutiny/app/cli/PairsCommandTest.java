package edu.scrutiny.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PairsCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresEveryRowInOrder() throws IOException {
        Path in = Files.writeString(dir.resolve("pairs.csv"), """
                id,schema,name1,name2,is_match
                p1,Person,"Putin, Vladimir",Vladimir Putin,true
                p2,Person,Barack Obama,George Hussein Onyango Obama,false
                p3,Company,CRYSTALORD LIMITED,CRYSTALORD LTD,true
                p4,,Владимир Путин,Vladimir Putin,true
                """);
        Path out = dir.resolve("scores.csv");
        CliRun run = CliRun.of("pairs", "--in", in.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("id,score,match");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(",")[0]).containsExactly("p1", "p2", "p3", "p4");
        assertThat(lines.get(1)).isEqualTo("p1,1.0000,true");
        assertThat(lines.get(2)).endsWith(",false");
        assertThat(lines.get(3)).isEqualTo("p3,1.0000,true");
        assertThat(lines.get(4)).endsWith(",true");
    }

    @Test
    void badRowsAreNamedAndLeftOut() throws IOException {
        Path in = Files.writeString(dir.resolve("pairs.csv"), "id,schema,name1,name2\nok,Person,A B,A B\nbad,Robot,A,B\nempty,Person,,B\n");
        Path out = dir.resolve("scores.csv");
        CliRun run = CliRun.of("pairs", "--in", in.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("pairs.csv line 3: column 'schema' is 'Robot'").contains("pairs.csv line 4: column 'name1' is empty");
        assertThat(Files.readAllLines(out)).hasSize(2);
    }

    @Test
    void missingColumn() throws IOException {
        Path in = Files.writeString(dir.resolve("pairs.csv"), "id,name1,name2\nx,a,b\n");
        CliRun run = CliRun.of("pairs", "--in", in.toString(), "--out", dir.resolve("s.csv").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("pairs.csv line 1: the header lacks the column 'schema'");
    }
}
