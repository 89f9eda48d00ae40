package edu.scrutiny.matching.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The universities folder is checked before any list is read, and a row that breaks its layout says where and how. */
class UniversityEvaluationTest {
    @TempDir
    Path dir;

    private final UniversityEvaluation evaluation = new UniversityEvaluation(s -> { });

    private void folder(String gold) throws Exception {
        Files.writeString(dir.resolve(UniversityEvaluation.QUERIES), """
                id,name,schema,country
                u1,Qingshan University,Organization,CN
                u2,Lorne College,Organization,GB
                """);
        Files.writeString(dir.resolve(UniversityEvaluation.GOLD), gold);
        Files.writeString(dir.resolve(UniversityEvaluation.HARD_NEGATIVES), "query_id,name,country,confusable_with,why\n");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("none");
        assertThatThrownBy(() -> evaluation.run(missing, dir)).isInstanceOf(EvaluationDataException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("no such directory")
                .hasMessageContaining("queries.csv");
    }

    @Test
    void aGoldRowForAnUnknownQueryIsNamedWithItsLine() throws Exception {
        folder("query_id,name,country,expected\nu1,Qingshan University,China,\nu9,Nowhere University,China,\n");
        assertThatThrownBy(() -> evaluation.run(dir, dir)).isInstanceOf(EvaluationDataException.class)
                .hasMessageContaining(dir.resolve("gold.csv") + " line 3").hasMessageContaining("'u9' is not an id of queries.csv");
    }

    @Test
    void anExpectedEntryOnAnotherListIsNamed() throws Exception {
        folder("query_id,name,country,expected\nu1,Qingshan University,China,eu_fsf|123\n");
        assertThatThrownBy(() -> evaluation.run(dir, dir)).isInstanceOf(EvaluationDataException.class)
                .hasMessageContaining(dir.resolve("gold.csv") + " line 2").hasMessageContaining("'eu_fsf|123'")
                .hasMessageContaining("section_1286");
    }

    @Test
    void aMissingListIsAProblemNotAFigure() throws Exception {
        folder("query_id,name,country,expected\nu1,Qingshan University,China,section_1286|Qingshan University|2024\n");
        assertThatThrownBy(() -> evaluation.run(dir, dir)).hasMessageContaining("ofac-sdn-2021-07");
    }
}
