package edu.scrutiny.matching.evaluation;

import edu.scrutiny.matching.evaluation.EvaluationReport.NamePairs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evaluation files are read by column name, and a file that breaks its layout says where and how. */
class EvaluationFilesTest {
    @TempDir
    Path dir;

    private Path pairs(String content) throws Exception {
        return Files.writeString(dir.resolve(NamePairEvaluation.FILE), content);
    }

    @Test
    void scoresPairsAndGroupsThemBySchema() throws Exception {
        pairs("""
                id,schema,name1,name2,is_match,quality
                p1,Person,Vladimir Putin,PUTIN Vladimir,true,STRONG
                p2,Person,Vladimir Putin,Angela Merkel,false,STRONG
                c1,Company,Huawei Technologies Co. Ltd.,HUAWEI TECHNOLOGIES CO LTD,true,STRONG
                """);
        NamePairs result = new NamePairEvaluation().run(dir);
        assertThat(result.pairs()).isEqualTo(3);
        assertThat(result.groups()).extracting(EvaluationReport.PairGroup::group)
                .containsExactly("all", "Person", "Organization, Company, LegalEntity");
        assertThat(result.groups().get(1).pairs()).isEqualTo(2);
        assertThat(result.scored().get(0).score()).isGreaterThan(result.scored().get(1).score());
        assertThat(result.scored().get(0).explanation()).contains("putin");
        assertThat(result.all().atDefault().f1()).isEqualTo(1.0);
        assertThat(result.misclassified()).isEmpty();
    }

    @Test
    void aBadValueNamesTheFileLineAndWhatWasExpected() throws Exception {
        pairs("""
                id,schema,name1,name2,is_match
                p1,Person,A B,A B,true
                p2,Person,A B,C D,maybe
                """);
        assertThatThrownBy(() -> new NamePairEvaluation().run(dir))
                .isInstanceOf(EvaluationDataException.class)
                .hasMessageContaining(NamePairEvaluation.FILE + " line 3")
                .hasMessageContaining("'is_match' is 'maybe'; expected true or false");
    }

    @Test
    void anUnknownSchemaIsRefused() throws Exception {
        pairs("id,schema,name1,name2,is_match\np1,Dog,Rex,Rex,true\n");
        assertThatThrownBy(() -> new NamePairEvaluation().run(dir))
                .hasMessageContaining("line 2").hasMessageContaining("expected a FollowTheMoney schema");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        pairs("id,schema,name1,name2\np1,Person,A,A\n");
        assertThatThrownBy(() -> new NamePairEvaluation().run(dir))
                .hasMessageContaining("line 1").hasMessageContaining("[is_match]");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> new NamePairEvaluation().run(dir))
                .isInstanceOf(EvaluationDataException.class)
                .hasMessageContaining(NamePairEvaluation.FILE).hasMessageContaining("no such file");
    }

    @Test
    void crossScriptPairsSkipCommentsAndCheckTheirMinimum() throws Exception {
        Files.writeString(dir.resolve(CrossScriptEvaluation.FILE), """
                # Format: Query,Expected Match,Min Score,Description

                # Cyrillic
                Владимир Путин,Vladimir Putin,0.90,Russian name
                Владимир Путин,Angela Merkel,0.90,not the same person
                """);
        EvaluationReport.CrossScript result = new CrossScriptEvaluation().run(dir);
        assertThat(result.pairs()).isEqualTo(2);
        assertThat(result.passed()).isEqualTo(1);
        assertThat(result.passRate()).isEqualTo(0.5);
        assertThat(result.outcomes().get(1).passed()).isFalse();
    }

    @Test
    void aMinimumScoreOutsideZeroToOneIsRefused() throws Exception {
        Files.writeString(dir.resolve(CrossScriptEvaluation.FILE), "# c\nA,B,90,percent by mistake\n");
        assertThatThrownBy(() -> new CrossScriptEvaluation().run(dir))
                .hasMessageContaining("line 2").hasMessageContaining("'Min Score' is '90'; expected a number from 0 to 1");
    }
}
