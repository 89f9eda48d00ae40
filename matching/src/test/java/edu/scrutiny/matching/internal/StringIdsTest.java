package edu.scrutiny.matching.internal;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The vocabulary's numbering: ids in the order strings were added, found again after the table grows and is trimmed. */
class StringIdsTest {
    @Test
    void numbersStringsInTheOrderAddedAndFindsThemAgain() {
        StringIds ids = new StringIds(4);
        Map<String, Integer> expected = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            // short strings, many sharing their hash's low bits ("aa", "ab"...), and repeats
            String s = Integer.toString(rnd.nextInt(15_000), 36);
            if (ids.get(s) < 0) {
                assertThat(ids.add(s)).isEqualTo(expected.size());
                expected.put(s, expected.size());
            }
        }
        ids.trimmed();
        assertThat(ids.size()).isEqualTo(expected.size());
        expected.forEach((s, id) -> {
            assertThat(ids.get(s)).as(s).isEqualTo(id);
            assertThat(ids.text(id)).isEqualTo(s);
        });
        assertThat(ids.get("not held")).isEqualTo(-1);
        assertThat(ids.get("")).isEqualTo(-1);
        int next = ids.add("");
        assertThat(ids.get("")).isEqualTo(next).isEqualTo(expected.size());
    }

    @Test
    void keepsTheVeryObjectGiven() {
        StringIds ids = new StringIds(16);
        String held = new String("beihang");
        int id = ids.add(held);
        assertThat(ids.text(id)).isSameAs(held);
        assertThat(ids.get(new String("beihang"))).isEqualTo(id);
    }
}
