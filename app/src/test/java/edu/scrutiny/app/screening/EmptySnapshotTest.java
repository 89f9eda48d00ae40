package edu.scrutiny.app.screening;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.ScreeningQuery;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before any list is imported the snapshot has no index: screening a name, alone or in a batch (the
 * desk's batches, watched batches), finds nothing rather than failing.
 */
class EmptySnapshotTest {
    @Test
    void aSnapshotWithoutListsFindsNothingAloneOrInABatch() {
        ScreeningSnapshot empty = new ScreeningSnapshot(null, SnapshotEntries.none(), Set.of(), List.of(), "none", ScreeningObserver.NONE);
        ScreeningQuery query = ScreeningQuery.of("Huawei Technologies", Schema.ORGANIZATION);
        LocalDate today = LocalDate.parse("2026-12-04");

        assertThat(empty.screen(query, today, null, 25, 0.5)).isEmpty();
        assertThat(empty.screen(query, today, Set.of("us_bis_entity_list"), 25, 0.5)).isEmpty();
        ScreeningSnapshot.Batch batch = empty.batch();
        assertThat(batch.screen(query, today, null, 25, 0.5)).isEmpty();
        assertThat(batch.screen(query, today, Set.of("us_bis_entity_list"), 25, 0.5)).isEmpty();
    }
}
