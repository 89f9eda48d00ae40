package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The general rules for names written differently: numbers, digits for letters, run-together words, patronymic chains, romanisations, misspelt legal forms. All names made up. */
class GeneralNameRulesTest {
    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    private NameComparison compare(String a, String b, Schema schema) {
        return comparer.compare(normalizer.normalize(a, schema), normalizer.normalize(b, schema));
    }

    private double score(String a, String b, Schema schema) {
        return compare(a, b, schema).score();
    }

    @Test
    void numbersWrittenAsWordsOrDigitsAgree() {
        assertThat(compare("Regiment Fifty-Three", "Regiment 53", Schema.ORGANIZATION).explain())
                .contains("53~53", "number as digits (fifty three→53)");
        assertThat(score("Regiment Fifty 3", "Regiment 53", Schema.ORGANIZATION)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("Seventh Harbour Works", "7th Harbour Works", Schema.COMPANY)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("Harbour Works Eight", "Harbour Works 8", Schema.COMPANY)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("Pellworm Fund III", "Pellworm Fund 3", Schema.COMPANY)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
    }

    @Test
    void differentNumbersStillDisagree() {
        assertThat(score("Regiment Fifty-Three", "Regiment 54", Schema.ORGANIZATION)).isLessThan(Thresholds.ORGANIZATION);
        assertThat(score("Seventh Harbour Works", "8th Harbour Works", Schema.COMPANY)).isLessThan(Thresholds.ORGANIZATION);
        assertThat(score("Pellworm Fund III", "Pellworm Fund 4", Schema.COMPANY)).isLessThan(Thresholds.ORGANIZATION);
    }

    @Test
    void digitsStandingForLetters() {
        NameComparison c = compare("B0rislav Kr3men", "Borislav Kremen", Schema.PERSON);
        assertThat(c.score()).isEqualTo(1.0);
        assertThat(c.explain()).contains("digits as letters (b0rislav→borislav)");
        assertThat(score("Mig29 Avia", "Miga Avia", Schema.COMPANY)).as("a code keeps its digits").isLessThan(Thresholds.ORGANIZATION);
    }

    @Test
    void wordsRunTogetherWithTheirCapitals() {
        NameComparison c = compare("OlgerdWenzelmann", "Wenzelmann, Olgerd", Schema.PERSON);
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(c.explain()).contains("words run together split (OlgerdWenzelmann→Olgerd Wenzelmann)");
        assertThat(normalizer.normalize("McDonald", Schema.PERSON).forms()).hasSize(1);
    }

    @Test
    void patronymicChainsKeepTheirOrder() {
        NameComparison reversed = compare("Harith bin Qasim", "Qasim bin Harith", Schema.PERSON);
        assertThat(reversed.score()).isLessThan(Thresholds.PERSON);
        assertThat(reversed.explain()).contains("patronymic chain reversed");
        assertThat(score("Harith bin Qasim al-Nawfali", "al-Nawfali, Harith bin Qasim", Schema.PERSON))
                .as("the family name moved, the chain kept").isEqualTo(1.0);
        assertThat(score("Harith ibn Qasim", "Harith bin Qasim", Schema.PERSON)).isGreaterThanOrEqualTo(Thresholds.PERSON);
    }

    @Test
    void chinesePinyinAndWadeGiles() {
        NameComparison c = compare("Hsieh Tung-hsiang", "Xie Dongxiang", Schema.PERSON);
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(c.explain()).contains("wade-giles");
        assertThat(score("Chou Hsiao-lung", "Zhou Xiaolong", Schema.PERSON)).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(score("Hsieh Tung-hsiang", "Xie Dongliang", Schema.PERSON)).isLessThan(Thresholds.PERSON);
        assertThat(score("Hsieh Tung-hsiang", "Xu Dongxiang", Schema.PERSON)).isLessThan(Thresholds.PERSON);
    }

    @Test
    void wadeGilesOfPinyinSyllables() {
        assertThat(ChineseRomanisation.wadeGiles("xiong")).isEqualTo("hsiung");
        assertThat(ChineseRomanisation.wadeGiles("zhi")).isEqualTo("chih");
        assertThat(ChineseRomanisation.wadeGiles("guo")).isEqualTo("kuo");
        assertThat(ChineseRomanisation.wadeGiles("luo")).isEqualTo("lo");
        assertThat(ChineseRomanisation.wadeGiles("jian")).isEqualTo("chien");
        assertThat(ChineseRomanisation.wadeGiles("ge")).isEqualTo("ko");
        assertThat(ChineseRomanisation.wadeGiles("cong")).isEqualTo("tsung");
    }

    @Test
    void misspeltLegalForms() {
        NameComparison c = compare("Brellwitz Aktiengeselschaft", "Brellwitz AG", Schema.COMPANY);
        assertThat(c.score()).isEqualTo(1.0);
        assertThat(c.explain()).contains("legal form misspelt (aktiengeselschaft→aktiengesellschaft)");
        assertThat(score("Brellwitz Incorported", "Brellwitz Inc.", Schema.COMPANY)).isEqualTo(1.0);
    }

    @Test
    void shortLegalFormWordsMisspeltAmongOtherLegalFormWords() {
        // a short word is read as a misspelt legal-form word only where the words beside it make a legal form of it
        NameComparison c = compare("Orvello Bank Nordland Closed Joint Stock Comapny", "Orvello Bank Nordland Closed Joint Stock Company",
                Schema.COMPANY);
        assertThat(c.score()).as(c.explain()).isEqualTo(1.0);
        assertThat(c.explain()).contains("legal form misspelt (comapny→company)");
        assertThat(score("Brellwitz Co. Limted", "Brellwitz Co., Ltd.", Schema.COMPANY)).isEqualTo(1.0);
        // alone, or two letters off, a short word stays a word of the name
        assertThat(compare("Brellwitz Comapny", "Brellwitz Company", Schema.COMPANY).explain()).doesNotContain("misspelt");
        assertThat(compare("Brellwitz Joint Stock Compass", "Brellwitz Joint Stock Company", Schema.COMPANY).score())
                .isLessThan(Thresholds.ORGANIZATION);
        // a phrase that would be the whole name leaves no name: "Stock Comapny" is not read as a legal form
        assertThat(compare("Stock Comapny", "Stock Company", Schema.COMPANY).explain()).doesNotContain("misspelt");
    }

    @Test
    void legalFormsCutOffByAFieldLimit() {
        // published files cut long names at a field's length: the legal form at the end loses its last letters
        NameComparison c = compare("ORVELLO PRECISION WORKS JOINT STOCK COMPAN", "Orvello Precision Works Joint Stock Company", Schema.COMPANY);
        assertThat(c.score()).as(c.explain()).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(c.explain()).contains("legal form cut off (compan→company)");
        assertThat(score("Brellwitz Fabrik Corporatio", "Brellwitz Fabrik Corporation", Schema.COMPANY)).isEqualTo(1.0);
        // a word that only begins like a legal form is a name: "Lim" is not "Limited", "Compass" not "Company"
        assertThat(compare("Brellwitz Lim", "Brellwitz Limited", Schema.COMPANY).explain()).doesNotContain("cut off");
        assertThat(compare("Brellwitz Joint Stock Compass", "Brellwitz Joint Stock Company", Schema.COMPANY).score())
                .isLessThan(Thresholds.ORGANIZATION);
    }
}
