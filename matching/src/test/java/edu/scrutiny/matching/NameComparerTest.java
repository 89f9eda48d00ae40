package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameComparerTest {
    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    private NameComparison compare(String a, String b, Schema schema) {
        return comparer.compare(normalizer.normalize(a, schema), normalizer.normalize(b, schema));
    }

    private double score(String a, String b, Schema schema) {
        return compare(a, b, schema).score();
    }

    @Test
    void personNamesRegardlessOfOrder() {
        assertThat(score("MADURO MOROS, Nicolas", "Nicolas Maduro Moros", Schema.PERSON)).isEqualTo(1.0);
        assertThat(score("Putin, Vladimir", "Vladimir Putin", Schema.PERSON)).isEqualTo(1.0);
    }

    @Test
    void typosAndTransliterationVariantsMatch() {
        assertThat(score("Vladmir Putin", "Vladimir Putin", Schema.PERSON)).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(score("ADBUL BARI AKHUND", "ABDUL BARI AKHUND", Schema.PERSON)).as("transposition").isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(score("Dmitrij Medvedev", "Dmitry Medvedev", Schema.PERSON)).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(score("Muhammad Hassan", "Mohammed Hasan", Schema.PERSON)).isGreaterThanOrEqualTo(Thresholds.PERSON);
        assertThat(score("Sergey Lavrov", "Sergey Viktorovich Lavrov", Schema.PERSON)).as("patronymic missing")
                .isGreaterThanOrEqualTo(Thresholds.PERSON);
    }

    @Test
    void acrossScripts() {
        assertThat(score("Владимир Путин", "Vladimir Putin", Schema.PERSON)).isGreaterThanOrEqualTo(0.95);
        assertThat(score("محمد علي", "Mohamed Ali", Schema.PERSON)).isGreaterThanOrEqualTo(0.90);
        assertThat(score("김정은", "Kim Jong Un", Schema.PERSON)).isGreaterThanOrEqualTo(0.70);
        assertThat(score("华为", "Huawei", Schema.COMPANY)).as("pinyin syllables joined").isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("华为技术有限公司", "Huawei Jishu Youxian Gongsi", Schema.COMPANY)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
    }

    @Test
    void differentPeopleDoNotMatch() {
        assertThat(score("Barack Obama", "George Hussein Onyango Obama", Schema.PERSON)).isLessThan(Thresholds.PERSON);
        assertThat(score("NOUREDDINE BEN MOHAMED BEN BELKASSEM AL-DRISSI", "NOUREDDINE BEN ALI BEN BELKASSEM AL-DRISSI",
                Schema.PERSON)).isLessThan(Thresholds.PERSON);
        assertThat(score("RUSTAM IBRAHIMOVICH ASELDEROV", "RUSTAM MAGOMEDOVICH ASELDEROV", Schema.PERSON))
                .as("patronymics differ").isLessThan(Thresholds.PERSON);
        assertThat(score("John Brown", "John", Schema.PERSON)).as("one shared common word").isLessThan(Thresholds.PERSON);
        assertThat(score("Boris Netanyahu", "Benjamin Netanyahu", Schema.PERSON)).isLessThan(Thresholds.PERSON);
    }

    @Test
    void commonWordsAndLegalFormsAloneNeverMatch() {
        // Watchman scores this 0.75
        assertThat(score("Harvard University", "Malek Ashtar University of Technology", Schema.ORGANIZATION))
                .isLessThan(0.5);
        // Watchman scores this 1.0
        assertThat(score("EMMA LLC", "EMMA OIL AND GAS PRODUCTION LLC", Schema.COMPANY)).isLessThan(Thresholds.ORGANIZATION);
        assertThat(score("National Technology Company", "National Research Technology Institute Company", Schema.COMPANY))
                .isLessThan(Thresholds.ORGANIZATION);
        NameComparison c = compare("International Trading Company", "General International Trading Group", Schema.COMPANY);
        assertThat(c.score()).isLessThanOrEqualTo(NameComparer.COMMON_ONLY_CAP);
        assertThat(c.rules()).anyMatch(r -> r.startsWith("only common words matched"));
    }

    @Test
    void legalFormsCompareAsSuchNotAsWords() {
        assertThat(score("CRYSTALORD LIMITED", "CRYSTALORD LTD", Schema.COMPANY)).isEqualTo(1.0);
        assertThat(score("Iskusstvo Krasoty", "LIMITED LIABILITY COMPANY ISKUSSTVO KRASOTY", Schema.COMPANY)).isEqualTo(1.0);
        assertThat(score("OAO Gazprom", "Open Joint Stock Company Gasprom", Schema.COMPANY)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        NameComparison differ = compare("Bowne Solutions L.P.", "Bowne Solutions LLC", Schema.COMPANY);
        assertThat(differ.rules()).anyMatch(r -> r.startsWith("legal forms differ"));
    }

    @Test
    void numbersMustAgree() {
        NameComparison c = compare("JPMorgan Mortgage Trust Series 2007-1", "JPMorgan Mortgage Trust Series 2007-2", Schema.COMPANY);
        assertThat(c.score()).isLessThan(Thresholds.ORGANIZATION);
        assertThat(c.rules()).contains("numbers differ: x0.7");
        assertThat(score("Brigade 44", "Brigade 44", Schema.ORGANIZATION)).isEqualTo(1.0);
    }

    @Test
    void abbreviationsAcronymsAndJoinedWords() {
        assertThat(score("BUAA", "Beijing University of Aeronautics and Astronautics", Schema.ORGANIZATION))
                .isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("Beijing Univ. of Aeronautics and Astronautics", "Beijing University of Aeronautics and Astronautics",
                Schema.ORGANIZATION)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("vanderbilt corp", "van der bilt corp", Schema.COMPANY)).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("U.S. Department of State", "United States Department of State", Schema.ORGANIZATION))
                .isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(score("Lind", "Lindemann", Schema.PERSON)).as("no abbreviations in person names").isLessThan(Thresholds.PERSON);
    }

    @Test
    void explanationSaysWhatWasPairedAndWhy() {
        NameComparison c = compare("Vladmir Putin", "PUTIN, Vladimir Vladimirovich", Schema.PERSON);
        assertThat(c.pairs()).extracting(NameComparison.Pair::query).containsExactlyInAnyOrder("putin", "vladmir");
        assertThat(c.pairs()).anySatisfy(p -> {
            assertThat(p.listed()).isEqualTo("vladimir");
            assertThat(p.rule()).isEqualTo("typo");
        });
        assertThat(c.unmatched()).containsExactly("list:vladimirovich");
        assertThat(c.explain()).contains("putin~putin 1.00 exact").contains("unmatched list:vladimirovich");
    }

    @Test
    void sameScriptComparesAsWritten() {
        assertThat(score("김종은", "김정은", Schema.PERSON)).as("two different Korean names").isLessThan(Thresholds.PERSON);
        assertThat(score("ហ៊ុន ម៉ាណាត", "ហ៊ុន ម៉ាណែត", Schema.PERSON)).as("Khmer, no transliteration").isGreaterThan(0.5);
    }
}
