package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisation names in Chinese, Japanese, Korean and Russian against their English names, and the reverse; all names made up. */
class OrganisationGlossaryTest {
    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    private NameComparison compare(String a, String b) {
        return comparer.compare(normalizer.normalize(a, Schema.ORGANIZATION), normalizer.normalize(b, Schema.ORGANIZATION));
    }

    @Test
    void chineseNameMeetsItsEnglishTranslationAndTheExplanationSaysWhatWasTranslatedAndTransliterated() {
        NameComparison c = compare("青山航空航天大学", "Qingshan University of Aeronautics and Astronautics");
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(c.explain()).contains("航空航天→aeronautics and astronautics", "大学→university", "translated",
                "青山→qingshan transliterated");
    }

    @Test
    void englishNameMeetsTheChineseOneTheOtherWayRound() {
        assertThat(compare("China Baishui Electronic Science and Technology Group Company", "中国青山电子科技集团公司").score())
                .isLessThan(Thresholds.ORGANIZATION);
        assertThat(compare("China Qingshan Electronic Science and Technology Group Company", "中国青山电子科技集团公司").score())
                .isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
    }

    @Test
    void traditionalCharactersReadAsSimplifiedOnes() {
        assertThat(compare("青山電子科技大學", "Qingshan University of Electronic Science and Technology").score())
                .isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
    }

    @Test
    void theDistinctivePartMustAgree() {
        assertThat(compare("青山航空航天大学", "Baishui University of Aeronautics and Astronautics").score())
                .isLessThan(Thresholds.ORGANIZATION);
        assertThat(compare("青山航空航天大学", "Qingshan Normal University").score()).isLessThan(Thresholds.ORGANIZATION);
    }

    @Test
    void numberedInstitutesKeepTheirNumber() {
        NameComparison same = compare("青山重工集团公司第七〇九研究所", "Qingshan Heavy Industries Group Company 709th Institute");
        assertThat(same.score()).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(same.explain()).contains("第七〇九→709");
        assertThat(compare("青山重工集团公司第七〇八研究所", "Qingshan Heavy Industries Group Company 709th Institute").score())
                .isLessThan(Thresholds.ORGANIZATION);
    }

    @Test
    void japaneseNameDistinctivePartByItsJapaneseReading() {
        NameComparison c = compare("山田重工業株式会社", "Yamada Heavy Industries");
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(c.explain()).contains("重工業→heavy industries", "by Japanese reading");
    }

    @Test
    void koreanNameInHangul() {
        NameComparison c = compare("한국해양과학기술원", "Korea Haeyang Institute of Science and Technology");
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(c.explain()).contains("과학기술원→institute of science and technology");
    }

    @Test
    void russianCompanyByTranslationOfItsWordsAndLegalForm() {
        NameComparison c = compare("Акционерное общество «Верхнекамский машиностроительный завод»",
                "JSC Verkhnekamsky Machine Building Plant");
        assertThat(c.score()).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
        assertThat(c.explain()).contains("завод→plant", "акционерное общество→joint stock company");
        assertThat(compare("Акционерное общество «Нижнекамский машиностроительный завод»",
                "JSC Verkhnekamsky Machine Building Plant").score()).isLessThan(Thresholds.ORGANIZATION);
    }

    @Test
    void personNamesAreNeverTranslated() {
        NameNormalizer n = new NameNormalizer();
        assertThat(n.normalize("李大学", Schema.PERSON).forms()).noneMatch(f -> f.how().contains("glossary"));
        assertThat(n.normalize("李大学", Schema.ORGANIZATION).forms()).anyMatch(f -> f.how().contains("glossary"));
    }

    @Test
    void screeningFindsTheEnglishEntryFromTheChineseName() {
        ScreeningIndex index = ScreeningIndex.build(List.of(
                ListEntry.builder("dod", "qs").name("Qingshan University of Aeronautics and Astronautics")
                        .schema(Schema.ORGANIZATION).country("CN").build(),
                ListEntry.builder("dod", "bs").name("Baishui University of Science and Technology")
                        .schema(Schema.ORGANIZATION).country("CN").build()));
        List<Candidate> found = index.screen(new ScreeningQuery("青山航空航天大学", Schema.ORGANIZATION, List.of(), null, null), 5, 0.5);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).entry().sourceId()).isEqualTo("qs");
        assertThat(found.get(0).score()).isGreaterThanOrEqualTo(Thresholds.ORGANIZATION);
    }
}
