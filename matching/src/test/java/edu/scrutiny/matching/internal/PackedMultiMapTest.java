package edu.scrutiny.matching.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackedMultiMapTest {

    @Test
    void deletionHashesAreTheHashesOfTheWordWithOneCharDeleted() {
        for (String w : List.of("a", "ab", "putin", "mohammed", "محمد", "김정은", "x".repeat(40), "Ünïcödé-wörd")) {
            int[] hashes = PackedMultiMap.deletionHashes(w);
            assertThat(hashes).hasSize(w.length());
            for (int i = 0; i < w.length(); i++) {
                assertThat(hashes[i]).as("%s without char %d", w, i)
                        .isEqualTo((w.substring(0, i) + w.substring(i + 1)).hashCode());
            }
        }
    }

    @Test
    void aWordPutByItsDeletionsIsFoundByAnyOfThem() {
        PackedMultiMap.Builder b = new PackedMultiMap.Builder();
        b.putDeletions("putin", 7);
        b.put("other", 8);
        PackedMultiMap map = b.build();
        List<Integer> found = new ArrayList<>();
        map.forEach("ptin", found::add);
        map.forEachHash("putn".hashCode(), found::add);
        map.forEach("putin", found::add);
        assertThat(found).containsExactly(7, 7);
    }
}
