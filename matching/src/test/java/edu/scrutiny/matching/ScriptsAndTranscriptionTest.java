package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Foreign names written in Han characters by sound, and the scripts ICU transliterates poorly or not at all. Names made up. */
class ScriptsAndTranscriptionTest {
    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    private NameComparison compare(String a, String b) {
        return comparer.compare(normalizer.normalize(a, Schema.PERSON), normalizer.normalize(b, Schema.PERSON));
    }

    @Test
    void foreignNameTranscribedInHanCharactersReadBackByTheTranscriptionTable() {
        // 卡 ka, 林 lin, 多 do, 夫 v: "Kalindov"
        NameComparison c = compare("卡林多夫", "Kalindov");
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(c.explain()).contains("transcription of a foreign name", "卡林多夫→kalindov");
        assertThat(compare("卡林多夫", "Kalinsky").score()).isLessThan(Thresholds.PERSON);
    }

    @Test
    void characterForROrLReadBothWays() {
        assertThat(compare("贝尔米", "Belmi").score()).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(compare("贝尔米", "Bermi").score()).isGreaterThanOrEqualTo(Thresholds.PERSON);
    }

    @Test
    void chineseNamesOfTwoCharactersAreNotReadAsTranscriptions() {
        assertThat(normalizer.normalize("马林", Schema.PERSON).forms()).noneMatch(f -> f.how().contains("transcription"));
    }

    @Test
    void khmerIsRomanised() {
        // ស s, ុ u, ខ kh, ា a; ម m, ៉ (register), េ e, ង ng
        NameComparison c = compare("សុខា ម៉េង", "Sokha Meng");
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(normalizer.normalize("សុខា", Schema.PERSON).primary().tokens().get(0).text()).isEqualTo("sokha");
    }

    @Test
    void ethiopicFirstOrderAsEAndSixthOrderMostlySilent() {
        // ተ te, ሰ se, ማ ma; ግ gǝ, ር rǝ, ማ ma
        assertThat(compare("ተሰማ ግርማ", "Tesema Girma").score()).isEqualTo(1.0);
    }
}
