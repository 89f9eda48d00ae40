package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningIndexTest {
    private static final List<ListEntry> ENTRIES = List.of(
            ListEntry.builder("el", "huawei").name("Huawei Technologies Co., Ltd.").alias("华为技术有限公司")
                    .schema(Schema.COMPANY).country("CN").listedOn(LocalDate.of(2019, 5, 16)).build(),
            ListEntry.builder("el", "zte").name("Zhongxing Telecommunications Equipment (ZTE) Corporation").alias("ZTE Corporation")
                    .schema(Schema.COMPANY).country("CN").listedOn(LocalDate.of(2016, 3, 8)).delistedOn(LocalDate.of(2017, 3, 29)).build(),
            ListEntry.builder("sdn", "putin").name("PUTIN, Vladimir Vladimirovich").alias("Владимир Путин")
                    .schema(Schema.PERSON).country("RU").birthDate("1952-10-07").build(),
            ListEntry.builder("un", "qaida").name("AL-QAIDA").alias("The Base").schema(Schema.ORGANIZATION).build(),
            ListEntry.builder("sdn", "vessel").name("PUTIN STAR").schema(Schema.VESSEL).build(),
            ListEntry.builder("un", "salek").name("ABDULHAI SALEK").schema(Schema.PERSON).country("AF").birthDate("1965").build(),
            ListEntry.builder("dod", "buaa").name("Beijing University of Aeronautics and Astronautics").alias("Beihang University")
                    .schema(Schema.ORGANIZATION).country("CN").build());

    private final ScreeningIndex index = ScreeningIndex.build(ENTRIES);

    private List<Candidate> screen(String name, Schema schema) {
        return index.screen(new ScreeningQuery(name, schema, List.of(), null, null), 5, 0.5);
    }

    @Test
    void findsNamesHoweverWritten() {
        assertThat(screen("Huawei Technologies Company Limited", Schema.COMPANY)).first()
                .satisfies(c -> assertThat(c.entry().sourceId()).isEqualTo("huawei"))
                .satisfies(c -> assertThat(c.score()).isEqualTo(1.0));
        assertThat(screen("Huawei Technolgies", Schema.COMPANY).get(0).entry().sourceId()).isEqualTo("huawei");
        assertThat(screen("华为技术有限公司", null).get(0).matchedName()).isEqualTo("华为技术有限公司");
        assertThat(screen("Vladimir Putin", Schema.PERSON).get(0).entry().sourceId()).isEqualTo("putin");
        assertThat(screen("Vladmir Poutine", Schema.PERSON).get(0).entry().sourceId()).isEqualTo("putin");
        assertThat(screen("Al Qaeda", Schema.ORGANIZATION).get(0).entry().sourceId()).isEqualTo("qaida");
        assertThat(screen("SALEK, ABDULHAI", Schema.PERSON).get(0).score()).isEqualTo(1.0);
        assertThat(screen("BUAA", Schema.ORGANIZATION).get(0).entry().sourceId()).isEqualTo("buaa");
    }

    @Test
    void unlistedNamesFindNothingAboveThreshold() {
        assertThat(screen("Harvard University", Schema.ORGANIZATION)).allMatch(c -> c.score() < Thresholds.ORGANIZATION);
        assertThat(screen("Technische Universität München", Schema.ORGANIZATION)).allMatch(c -> c.score() < Thresholds.ORGANIZATION);
        assertThat(screen("Angela Merkel", Schema.PERSON)).isEmpty();
        assertThat(screen("", null)).isEmpty();
        assertThat(screen("  ,.-  ", null)).isEmpty();
    }

    @Test
    void schemaKeepsPersonsVesselsAndOrganisationsApart() {
        assertThat(screen("Putin Star", Schema.VESSEL)).extracting(c -> c.entry().sourceId()).containsExactly("vessel");
        assertThat(screen("Vladimir Putin", Schema.PERSON)).extracting(c -> c.entry().sourceId()).doesNotContain("vessel");
        assertThat(screen("Putin Star", null)).extracting(c -> c.entry().sourceId()).contains("vessel");
    }

    @Test
    void asOfScreeningSeesTheListsAsTheyWere() {
        ScreeningQuery zte2016 = new ScreeningQuery("ZTE Corporation", Schema.COMPANY, List.of(), null, LocalDate.of(2016, 6, 1));
        ScreeningQuery zte2017 = new ScreeningQuery("ZTE Corporation", Schema.COMPANY, List.of(), null, LocalDate.of(2017, 6, 1));
        ScreeningQuery onDelisting = new ScreeningQuery("ZTE Corporation", Schema.COMPANY, List.of(), null, LocalDate.of(2017, 3, 29));
        ScreeningQuery huaweiBefore = new ScreeningQuery("Huawei Technologies", Schema.COMPANY, List.of(), null, LocalDate.of(2019, 4, 10));
        ScreeningQuery huaweiAfter = new ScreeningQuery("Huawei Technologies", Schema.COMPANY, List.of(), null, LocalDate.of(2019, 5, 16));
        assertThat(index.screen(zte2016, 5, 0.8)).extracting(c -> c.entry().sourceId()).containsExactly("zte");
        assertThat(index.screen(zte2017, 5, 0.8)).isEmpty();
        assertThat(index.screen(onDelisting, 5, 0.8)).as("delisted on the date").isEmpty();
        assertThat(index.screen(huaweiBefore, 5, 0.8)).isEmpty();
        assertThat(index.screen(huaweiAfter, 5, 0.8)).extracting(c -> c.entry().sourceId()).containsExactly("huawei");
    }

    @Test
    void countryAndBirthDateMoveTheScoreAndSaySo() {
        Candidate plain = index.screen(new ScreeningQuery("Abdulhai Salek", Schema.PERSON, List.of(), null, null), 1, 0).get(0);
        Candidate agrees = index.screen(new ScreeningQuery("Abdulhai Salek", Schema.PERSON, List.of("AF"), "1965", null), 1, 0).get(0);
        Candidate differs = index.screen(new ScreeningQuery("Abdulhai Salik", Schema.PERSON, List.of("US"), "1990-01-01", null), 1, 0).get(0);
        assertThat(agrees.score()).isEqualTo(1.0);
        assertThat(agrees.adjustments()).anyMatch(a -> a.startsWith("country agrees (AF)")).anyMatch(a -> a.startsWith("birth year agrees (1965)"));
        assertThat(differs.score()).isLessThan(differs.nameScore());
        assertThat(differs.adjustments()).anyMatch(a -> a.startsWith("countries differ")).anyMatch(a -> a.startsWith("birth dates differ"));
        assertThat(plain.adjustments()).isEmpty();
        assertThat(differs.explain()).contains("salik~salek").contains("countries differ");
    }

    @Test
    void rankedBestFirstAndLimited() {
        List<ListEntry> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(ListEntry.builder("x", "e" + i).name("Trading Company Number " + i + " Zorbex").schema(Schema.COMPANY).build());
        }
        ScreeningIndex big = ScreeningIndex.build(many);
        List<Candidate> c = big.screen(ScreeningQuery.of("Zorbex Trading", Schema.COMPANY), 3, 0);
        assertThat(c).hasSize(3);
        assertThat(c).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void hugeQueriesStayBounded() {
        String huge = "Huawei ".repeat(5_000);
        assertThat(screen(huge, Schema.COMPANY)).isNotNull();
    }

    @Test
    void aSmallIndexBuiltWithALargerIndexsWeightsScoresAsTheLargerOne() {
        ScreeningIndex whole = ScreeningIndex.build(ENTRIES);
        List<ListEntry> change = ENTRIES.stream().filter(e -> e.sourceId().equals("huawei") || e.sourceId().equals("buaa")).toList();
        ScreeningIndex delta = ScreeningIndex.build(change, whole.weights());
        ScreeningIndex alone = ScreeningIndex.build(change);
        for (String q : List.of("Huawei Technologies", "Beihang University", "Beijing University Technologies")) {
            ScreeningQuery query = ScreeningQuery.of(q, Schema.ORGANIZATION);
            List<Candidate> fromWhole = whole.screen(query, 10, 0.5).stream()
                    .filter(c -> change.contains(c.entry())).toList();
            List<Candidate> fromDelta = delta.screen(query, 10, 0.5);
            assertThat(fromDelta).extracting(c -> c.entry().sourceId())
                    .containsExactlyElementsOf(fromWhole.stream().map(c -> c.entry().sourceId()).toList());
            for (int i = 0; i < fromDelta.size(); i++) {
                assertThat(fromDelta.get(i).score()).isEqualTo(fromWhole.get(i).score());
            }
        }
        // without the larger index's weights, common words weigh differently and so do the scores
        assertThat(alone.weights()).isNotSameAs(whole.weights());
    }

    @Test
    void candidatesTiedOnScoreAndSourceIdComeInTheOrderOfTheirLists() {
        // one entry number on two lists, as OFAC's SDN and consolidated lists share theirs: placed 1st and 16th of
        // 17, where a hash map of entries (16 buckets) would give the 16th first
        String[] fillers = {"Aurora Shipping", "Baltic Timber", "Cobalt Mining", "Delta Pharma", "Eagle Optics", "Fjord Fisheries",
                "Granite Quarries", "Harbour Cranes", "Iris Textiles", "Jade Ceramics", "Kestrel Drones", "Lagoon Resorts",
                "Maple Bakeries", "Nimbus Software", "Orchid Florists"};
        List<ListEntry> entries = new ArrayList<>();
        entries.add(ListEntry.builder("c_list", "filler").name("Quartz Logistics").schema(Schema.COMPANY).build());
        entries.add(ListEntry.builder("a_list", "1234").name("Rosoboronexport").schema(Schema.COMPANY).build());
        for (String f : fillers) {
            entries.add(ListEntry.builder("c_list", f).name(f).schema(Schema.COMPANY).build());
        }
        entries.add(16, ListEntry.builder("b_list", "1234").name("Rosoboronexport").schema(Schema.COMPANY).build());
        ScreeningIndex tied = ScreeningIndex.build(entries);
        List<Candidate> found = tied.screen(new ScreeningQuery("Rosoboronexport", Schema.COMPANY, List.of(), null, null), 5, 0.5);
        assertThat(found).extracting(c -> c.entry().list()).containsExactly("a_list", "b_list");
    }
}
