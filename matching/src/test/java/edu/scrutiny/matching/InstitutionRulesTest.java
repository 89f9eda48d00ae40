package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Institutions' names compared as institutions. Every name here is made up: the rules hold for
 * institutions in general, not for the rows of any list or evaluation file.
 */
class InstitutionRulesTest {
    private static final double T = Thresholds.ORGANIZATION;
    private final NameNormalizer normalizer = new NameNormalizer();
    private final NameComparer comparer = new NameComparer(TokenWeights.defaults());

    private NameComparison compare(String query, String listed) {
        return comparer.compare(normalizer.normalize(query, Schema.ORGANIZATION), normalizer.normalize(listed, Schema.ORGANIZATION));
    }

    @Test
    void anExtraOrDifferentTypeWordIsAnotherInstitution() {
        assertThat(compare("Qingshan University", "Qingshan University").score()).isEqualTo(1.0);
        for (String[] p : new String[][] {
                {"Qingshan Normal University", "Qingshan University"},
                {"Qingshan Medical University", "Qingshan University"},
                {"Qingshan University", "Qingshan Agricultural University"},
                {"Qingshan University of Technology", "Qingshan University"},
                {"Qingshan University of Science and Technology", "Qingshan University"},
                {"Qingshan Medical University", "Qingshan Agricultural University"},
                {"Qingshan Polytechnic University", "Qingshan University"},
                {"Qingshan Naval Academy", "Qingshan Academy"},
                {"Qingshan Aeronautical University", "Qingshan University"},
                {"Qingshan University of Finance and Economics", "Qingshan University"},
                {"National Qingshan University", "Qingshan University"},
                {"Qingshan University of Information Science and Technology", "Qingshan University of Science and Technology"}}) {
            NameComparison c = compare(p[0], p[1]);
            assertThat(c.score()).as(p[0] + " / " + p[1] + ": " + c.explain()).isLessThan(T);
            assertThat(c.explain()).as(p[0] + " / " + p[1]).contains("institution types differ");
        }
    }

    @Test
    void typeWordsOfOneFamilyAgree() {
        assertThat(compare("Qingshan Technical University", "Qingshan University of Technology").score()).isGreaterThanOrEqualTo(T);
        assertThat(compare("Qingshan Teachers University", "Qingshan Normal University").score()).isGreaterThanOrEqualTo(T);
    }

    @Test
    void anInstitutionNameWithoutAnOwnNameDoesNotMatchOneWithIt() {
        NameComparison c = compare("University of Science and Technology", "University of Science and Technology of Lorvania");
        assertThat(c.score()).as(c.explain()).isLessThan(T);
        assertThat(c.explain()).contains("own name only in the listed name");
        assertThat(compare("National University", "National Defense University").score()).isLessThan(T);
    }

    @Test
    void ownNamesThatMatchOnlyApproximatelyPullTheScoreDown() {
        NameComparison c = compare("Tarvik University of Technology", "Darvok University of Technology");
        assertThat(c.score()).as(c.explain()).isLessThan(T);
        assertThat(c.explain()).contains("institution's own name matched");
        NameComparison extra = compare("Qingshan Wenhua University", "Qingshan University");
        assertThat(extra.score()).as(extra.explain()).isLessThan(T);
        assertThat(compare("Tsinghai University", "Tsing Hai University").score()).as("joined").isGreaterThanOrEqualTo(T);
    }

    @Test
    void aCampusOrBranchIsAQualifier() {
        for (String q : List.of("Farrowby University of Technology, Lorne Campus", "Farrowby University of Technology Lorne Campus",
                "Farrowby University of Technology, Lorne", "Farrowby University of Technology (Lorne)",
                "Farrowby University of Technology Lorne Branch", "Farrowby University of Technology (HUT)")) {
            NameComparison c = compare(q, "Farrowby University of Technology");
            assertThat(c.score()).as(q + ": " + c.explain()).isGreaterThanOrEqualTo(T);
            assertThat(c.explain()).as(q).contains("compared without the qualifiers");
        }
        // a sub-unit after the comma is what is named, not a qualifier
        assertThat(compare("Farrowby University of Technology", "Farrowby University of Technology, School of Medicine").explain())
                .doesNotContain("compared without the qualifiers");
    }

    @Test
    void aParentAcademyBesideAnInstitutesNameIsAQualifier() {
        for (String q : List.of("Institute of Quillon Physics, Russian Academy of Sciences", "Institute of Quillon Physics RAS",
                "Institute of Quillon Physics of the Chinese Academy of Sciences", "Institute of Quillon Physics (CAS)",
                "Institute of Quillon Physics, Siberian Branch of the Russian Academy of Sciences")) {
            NameComparison c = compare(q, "Institute of Quillon Physics");
            assertThat(c.score()).as(q + ": " + c.explain()).isGreaterThanOrEqualTo(T);
        }
        // the parent alone is not the institute
        assertThat(compare("Russian Academy of Sciences", "Institute of Quillon Physics, Russian Academy of Sciences").score())
                .isLessThan(T);
    }

    @Test
    void aUniversityDoesNotMatchALaboratoryAtIt() {
        NameComparison c = compare("Dunmore University", "Key Laboratory of Tessellate Optics at Dunmore University");
        assertThat(c.score()).as(c.explain()).isLessThan(T);
    }

    @Test
    void honorificClausesAndStateLegalFormsWeighLittle() {
        for (String q : List.of("Velikov State Technical University named after A. B. Korin",
                "Velikov State Technical University im. A.B. Korin", "Velikov State Technical University in honour of Korin")) {
            NameComparison c = compare(q, "Korin Velikov State Technical University");
            assertThat(c.score()).as(q + ": " + c.explain()).isGreaterThanOrEqualTo(T);
        }
        for (String q : List.of("Federal State Budgetary Educational Institution of Higher Education Velikov State University",
                "FGBOU VO Velikov State University", "Federal State Budgetary Institution of Science Institute of Quillon Physics")) {
            String listed = q.contains("Quillon") ? "Institute of Quillon Physics" : "Velikov State University";
            NameComparison c = compare(q, listed);
            assertThat(c.score()).as(q + ": " + c.explain()).isGreaterThanOrEqualTo(T);
        }
    }

    @Test
    void anHonorificClauseIsAQualifierThatCanBeLeftOut() {
        // the honoree names the institution's patron, not another institution: without the clause it is the same one
        for (String listed : List.of("State University of Velikov named after A.B. Korin", "Velikov State University named after A.B. Korin",
                "Velikov State University im. A.B. Korin")) {
            NameComparison c = compare("Velikov State University", listed);
            assertThat(c.score()).as(listed + ": " + c.explain()).isGreaterThanOrEqualTo(T);
            assertThat(c.explain()).as(listed).contains("compared without the qualifiers").contains("Korin");
        }
        // what is left must still be an institution of its own: two academies told apart only by their patrons stay apart
        NameComparison patrons = compare("Naval Academy named after A.B. Korin", "Naval Academy named after C. Dorin");
        assertThat(patrons.score()).as(patrons.explain()).isLessThan(T);
        // and a different type word still tells the institutions of one city apart
        NameComparison technical = compare("Velikov State Technical University", "Velikov State University named after A.B. Korin");
        assertThat(technical.score()).as(technical.explain()).isLessThan(T);
    }

    @Test
    void theRussianStatusNationalResearchIsALegalFormWhereverItStands() {
        // 273-FZ art. 24: the category "national research university" is written before the name or inside it
        for (String listed : List.of("National Research Velikov State University", "Velikov National Research State University",
                "National Research University Velikov State University")) {
            NameComparison c = compare("Velikov State University", listed);
            assertThat(c.score()).as(listed + ": " + c.explain()).isGreaterThanOrEqualTo(T);
        }
        // outside a university's name the words are the name: a research council is not a council
        NameComparison council = compare("Lorvanian Council", "National Research Council of Lorvania");
        assertThat(council.score()).as(council.explain()).isLessThan(T);
        assertThat(normalizer.normalize("Velikov National Research Centre", Schema.ORGANIZATION).forms().get(0).legalForms()).isEmpty();
    }

    @Test
    void ordinalsAbbreviationsAndAmpersandsEitherWay() {
        assertThat(compare("4th Coastal Medical University", "Fourth Coastal Medical University").score()).isEqualTo(1.0);
        assertThat(compare("Second Coastal Medical University", "2nd Coastal Medical University").score()).isEqualTo(1.0);
        NameComparison differ = compare("2nd Coastal Medical University", "Fourth Coastal Medical University");
        assertThat(differ.score()).as(differ.explain()).isLessThan(T);
        assertThat(compare("Harwick University of Science & Technology", "Harwick University of Science and Technology").score())
                .isEqualTo(1.0);
        assertThat(compare("Harwick University of S&T", "Harwick University of Science and Technology").score()).isEqualTo(1.0);
        assertThat(compare("Harwick Univ. of Tech.", "Harwick University of Technology").score()).isEqualTo(1.0);
        assertThat(compare("Harwick Inst. of Technology", "Harwick Institute of Technology").score()).isEqualTo(1.0);
    }

    @Test
    void acronymsFormedFromTheNameBothWays() {
        assertThat(compare("NUQT", "National University of Quillon Technology").score()).isGreaterThanOrEqualTo(T);
        assertThat(compare("National University of Quillon Technology", "NUQT").score()).isGreaterThanOrEqualTo(T);
        assertThat(compare("HIQ", "Harwick Institute of Quillon").score()).isGreaterThanOrEqualTo(T);
        assertThat(compare("Moravo Institute of Physics and Technology", "MIPT").score()).isGreaterThanOrEqualTo(T);
    }

    @Test
    void personsAreNotInstitutions() {
        NameNormalizer n = new NameNormalizer();
        assertThat(n.normalize("Fourth Smith", Schema.PERSON).primary().toString()).isEqualTo("fourth smith");
    }

    @Test
    void institutionsInDifferentCountriesNeedMuchMoreEvidence() {
        ScreeningIndex index = ScreeningIndex.build(List.of(
                ListEntry.builder("dod", "lnu").name("Lorimer National University").schema(Schema.ORGANIZATION).country("CN").build(),
                ListEntry.builder("sdn", "lt").name("Lorimer Trading Company").schema(Schema.ORGANIZATION).country("CN").build()));
        List<Candidate> us = index.screen(new ScreeningQuery("Lorimer National University", Schema.ORGANIZATION,
                List.of("US"), null, null), 5, 0);
        assertThat(us).isNotEmpty();
        assertThat(us.get(0).score()).isLessThan(T);
        assertThat(us.get(0).explain()).contains("an institution of the same name in another country is another institution");
        List<Candidate> cn = index.screen(new ScreeningQuery("Lorimer National University", Schema.ORGANIZATION,
                List.of("CN"), null, null), 5, 0);
        assertThat(cn.get(0).score()).isGreaterThanOrEqualTo(T);
        // a company keeps the ordinary, smaller adjustment
        List<Candidate> company = index.screen(new ScreeningQuery("Lorimer Trading Company", Schema.ORGANIZATION,
                List.of("US"), null, null), 5, 0);
        assertThat(company.get(0).explain()).contains("countries differ").doesNotContain("another institution");
    }
}
