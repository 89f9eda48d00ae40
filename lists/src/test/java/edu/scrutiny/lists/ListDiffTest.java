package edu.scrutiny.lists;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListDiffTest {

    private static ListEntry.Builder entry(String id, String name) {
        return ListEntry.builder("el", id).name(name).schema(Schema.COMPANY);
    }

    @Test
    void addedRemovedChangedAndUnchanged() {
        List<ListEntry> before = List.of(
                entry("1", "ZTE Corporation").listedOn(LocalDate.of(2016, 3, 8)).build(),
                entry("2", "Fujian Jinhua").alias("JHICC").alias("Jinhua").build(),
                entry("3", "Gone Ltd").build());
        List<ListEntry> after = List.of(
                entry("1", "ZTE Corporation").listedOn(LocalDate.of(2016, 3, 8)).delistedOn(LocalDate.of(2017, 3, 29)).build(),
                entry("2", "Fujian Jinhua").alias("Jinhua").alias("JHICC").build(),
                entry("10", "Huawei Technologies Co., Ltd.").country("CN").build());
        ListDiff d = ListDiff.between(before, after);
        assertThat(d.added()).extracting(ListEntry::sourceId).containsExactly("10");
        assertThat(d.removed()).extracting(ListEntry::sourceId).containsExactly("3");
        assertThat(d.changed()).singleElement().satisfies(c -> {
            assertThat(c.after().sourceId()).isEqualTo("1");
            assertThat(c.fields()).containsExactly("delisted_on");
        });
        assertThat(d.unchanged()).as("reordered aliases are no change").isEqualTo(1);
    }

    @Test
    void everyFieldIsCompared() {
        ListEntry base = entry("1", "A").build();
        assertThat(ListDiff.changedFields(base, entry("1", "B").build())).containsExactly("name");
        assertThat(ListDiff.changedFields(base, base.toBuilder().schema(Schema.PERSON).build())).containsExactly("schema");
        assertThat(ListDiff.changedFields(base, base.toBuilder().category(ListCategory.SANCTIONS).build())).containsExactly("category");
        assertThat(ListDiff.changedFields(base, base.toBuilder().alias("X", true).build())).containsExactly("aliases");
        assertThat(ListDiff.changedFields(base, base.toBuilder().country("RU").build())).containsExactly("countries");
        assertThat(ListDiff.changedFields(base, base.toBuilder().address("Moscow").build())).containsExactly("addresses");
        assertThat(ListDiff.changedFields(base, base.toBuilder().identifier("INN", "77", "RU").build())).containsExactly("identifiers");
        assertThat(ListDiff.changedFields(base, base.toBuilder().birthDate("1958").build())).containsExactly("birth_dates");
        assertThat(ListDiff.changedFields(base, base.toBuilder().program("RUSSIA-EO14024").build())).containsExactly("programs");
        assertThat(ListDiff.changedFields(base, base.toBuilder().listedOn(LocalDate.EPOCH).build())).containsExactly("listed_on");
        assertThat(ListDiff.changedFields(base, base.toBuilder().owner("P", 50.0).build())).containsExactly("owners");
        assertThat(ListDiff.changedFields(base, base.toBuilder().remarks("r").build())).containsExactly("remarks");
        assertThat(ListDiff.changedFields(base, base.toBuilder().sourceUrl("https://x").build())).containsExactly("source_url");
        assertThat(ListDiff.changedFields(base, base.toBuilder().build())).isEmpty();
    }

    @Test
    void numericIdsSortNumerically() {
        ListDiff d = ListDiff.between(List.of(), List.of(entry("100", "c").build(), entry("9", "a").build(), entry("20", "b").build()));
        assertThat(d.added()).extracting(ListEntry::sourceId).containsExactly("9", "20", "100");
    }
}
