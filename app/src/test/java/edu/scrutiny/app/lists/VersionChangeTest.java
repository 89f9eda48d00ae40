package edu.scrutiny.app.lists;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which names of a changed entry delta re-screening must look for among the engagements. */
class VersionChangeTest {
    private static ListEntry.Builder huawei() {
        return ListEntry.builder("us_bis_entity_list", "el-huawei").schema(Schema.COMPANY).name("Huawei Technologies Co., Ltd.")
                .alias("Huawei").country("CN").listedOn(LocalDate.parse("2019-05-16")).remarks("Added by 84 FR 22961");
    }

    private static List<String> names(ListEntry before, ListEntry now) {
        VersionChange change = new VersionChange(2, List.of(), List.of(new StoredEntry(2, now, "sha")), List.of(),
                before == null ? Map.of() : Map.of(before.sourceId(), before));
        return change.namesToScreen(change.changed().getFirst());
    }

    @Test
    void onlyTheNamesAnEntryGainedWhenOnlyNamesOrWhatScreeningDoesNotReadChanged() {
        ListEntry before = huawei().build();
        assertThat(names(before, huawei().alias("Huawei Technologies").remarks("revised by 84 FR 43493").build()))
                .containsExactly("Huawei Technologies");
        assertThat(names(before, huawei().remarks("revised").address("Shenzhen").program("EAR").build())).isEmpty();
    }

    @Test
    void everyNameWhenWhatScreeningReadsChangedOrThePreviousContentIsUnknown() {
        ListEntry before = huawei().build();
        List<String> all = List.of("Huawei Technologies Co., Ltd.", "Huawei");
        assertThat(names(before, huawei().country("HK").build())).containsExactlyElementsOf(all);
        assertThat(names(before, huawei().delistedOn(LocalDate.parse("2020-01-01")).build())).containsExactlyElementsOf(all);
        assertThat(names(before, huawei().owner("Huawei Investment & Holding Co., Ltd.", null).build())).containsExactlyElementsOf(all);
        assertThat(names(before, huawei().schema(Schema.ORGANIZATION).build())).containsExactlyElementsOf(all);
        assertThat(names(null, huawei().build())).containsExactlyElementsOf(all);
    }
}
