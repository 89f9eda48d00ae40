package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormalizerTest {
    private final NameNormalizer normalizer = new NameNormalizer();

    private List<String> tokens(String name, Schema schema) {
        return normalizer.normalize(name, schema).primary().tokens().stream().map(NameToken::toString).toList();
    }

    @Test
    void foldsCaseDiacriticsAndPunctuation() {
        assertThat(tokens("Recep Tayyip ERDOĞAN", Schema.PERSON)).containsExactly("recep", "tayyip", "erdogan");
        assertThat(tokens("O'Brien-Smith, Seán", Schema.PERSON)).containsExactly("obrien", "smith", "sean");
        assertThat(tokens("Al-Qa'ida", Schema.ORGANIZATION)).containsExactly("al", "qaida");
    }

    @Test
    void transliteratesOtherScripts() {
        assertThat(tokens("Владимир Путин", Schema.PERSON)).containsExactly("vladimir", "putin");
        assertThat(tokens("Αλέξανδρος", Schema.PERSON)).containsExactly("alexandros");
        NormalizedName arabic = normalizer.normalize("محمد علي", Schema.PERSON);
        assertThat(arabic.primary().tokens()).allMatch(NameToken::abjad);
        assertThat(arabic.nativeScript()).isEqualTo("ARABIC");
        assertThat(tokens("김정은", Schema.PERSON)).as("family name apart").containsExactly("gim", "jeongeun");
    }

    @Test
    void recognisesLegalFormsAsSuch() {
        assertThat(tokens("Huawei Technologies Co., Ltd.", Schema.COMPANY)).containsExactly("huawei", "technologies", "ltd/legal_form");
        assertThat(tokens("Huawei Technologies Company Limited", Schema.COMPANY)).containsExactly("huawei", "technologies", "ltd/legal_form");
        assertThat(tokens("LIMITED LIABILITY COMPANY ISKUSSTVO KRASOTY", Schema.COMPANY))
                .containsExactly("llc/legal_form", "iskusstvo", "krasoty");
        assertThat(tokens("ООО \"Байкал\"", Schema.COMPANY)).containsExactly("llc/legal_form", "bajkal");
        assertThat(tokens("Siemens GmbH", Schema.COMPANY)).containsExactly("siemens", "llc/legal_form");
        assertThat(tokens("华为技术有限公司", Schema.COMPANY)).containsExactly("hua", "wei", "ji", "shu", "ltd/legal_form");
        assertThat(tokens("PJSC Gazprom", Schema.COMPANY)).containsExactly("jsc/legal_form", "gazprom");
    }

    @Test
    void shortLegalCodesCountOnlyAtTheEdgeOfOrganisationNames() {
        assertThat(tokens("Banco Santander S.A.", Schema.COMPANY)).containsExactly("banco", "santander", "jsc/legal_form");
        assertThat(tokens("As Sahab Media", Schema.ORGANIZATION)).as("'as' inside a name is a word").containsExactly("as", "sahab", "media");
        assertThat(tokens("ABU SA", Schema.PERSON)).as("never in person names").containsExactly("abu", "sa");
    }

    @Test
    void titlesNumbersAndInitials() {
        assertThat(tokens("President Vladimir V. Putin", Schema.PERSON))
                .containsExactly("president/title", "vladimir", "v/initial", "putin");
        assertThat(tokens("Brigade 044", Schema.ORGANIZATION)).containsExactly("brigade", "44/number");
        assertThat(tokens("President", Schema.PERSON)).as("a title alone is the name").containsExactly("president");
    }

    @Test
    void slashSeparatedAlternativesBecomeForms() {
        NormalizedName n = normalizer.normalize("Al-Qa'ida/Islamic Army", Schema.ORGANIZATION);
        assertThat(n.forms()).hasSize(3);
        assertThat(n.forms().get(1).toString()).isEqualTo("al qaida");
    }

    @Test
    void inputIsBounded() {
        String huge = "word ".repeat(10_000);
        NormalizedName n = normalizer.normalize(huge, null);
        assertThat(n.primary().tokens()).hasSizeLessThanOrEqualTo(NameNormalizer.MAX_TOKENS);
        assertThat(normalizer.normalize("", null).isEmpty()).isTrue();
        assertThat(normalizer.normalize("--- ...", null).isEmpty()).isTrue();
    }
}
