package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval stops finding new names once the postings left to walk cannot add up to the floor a name
 * needs to be compared in full (a share of the query's weight; when screening is not exhaustive, also a
 * share of the best-collecting name's). That may only leave out names that could never reach the floor: every
 * name at or above it collects exactly (to the bit) what it collects when every posting is walked.
 * Words are drawn with Zipf-like frequencies, so that queries mix rare words with words in hundreds of
 * names, in both kinds of query, misspelt too (a near word expands to several vocabulary words).
 */
class RetrievalBoundTest {

    @Test
    void stoppingEarlyLeavesOutOnlyNamesThatCannotReachTheFloor() {
        SplittableRandom rnd = new SplittableRandom(23);
        String[] words = new String[400];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(rnd);
        }
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            entries.add(ListEntry.builder("wl", "e-" + i).name(name(rnd, words))
                    .schema(i % 3 == 0 ? Schema.PERSON : Schema.COMPANY).build());
        }
        ScreeningIndex index = ScreeningIndex.build(entries);
        int leftOut = 0;
        int kept = 0;
        for (int q = 0; q < 400; q++) {
            String query = name(rnd, words);
            if (q % 4 == 0) {
                query = query.substring(0, 2) + query.substring(3); // a letter dropped
            }
            Schema schema = q % 2 == 0 ? Schema.PERSON : Schema.ORGANIZATION;
            boolean exhaustive = q % 3 == 0;
            float[] all = index.collected(query, schema, 0f, false);
            float pruneFloor = index.pruneFloor(query, schema) * (1 - ScreeningIndex.FLOAT_SLACK);
            float[] bounded = index.collected(query, schema, pruneFloor, !exhaustive);
            // the shortlist's floor, as screening sets it: exhaustive, the share of the query's weight; else at least
            // that share of the best-collecting name
            float best = 0f;
            for (float a : all) {
                best = Math.max(best, a);
            }
            float floor = pruneFloor;
            if (!exhaustive) {
                floor = Math.max(floor, (float) (ScreeningIndex.SHARE_OF_BEST * best));
            }
            for (int name = 0; name < all.length; name++) {
                if (all[name] >= floor) {
                    assertThat(bounded[name]).as("'%s' (%s), name %d", query, schema, name).isEqualTo(all[name]);
                    kept++;
                } else if (bounded[name] == 0 && all[name] != 0) {
                    leftOut++;
                } else {
                    assertThat(bounded[name]).as("'%s' (%s), name %d below the floor", query, schema, name).isEqualTo(all[name]);
                }
            }
        }
        assertThat(kept).as("names at or above the floor").isGreaterThan(1_000);
        // and it must leave names out, or it is gone
        assertThat(leftOut).as("names left out").isGreaterThan(10_000);
    }

    private static String name(SplittableRandom rnd, String[] words) {
        StringBuilder b = new StringBuilder();
        int n = 2 + rnd.nextInt(3);
        for (int w = 0; w < n; w++) {
            // Zipf-like: the first words are in hundreds of names, the last in a few
            int i = (int) Math.min(words.length - 1, Math.floor(Math.pow(words.length, rnd.nextDouble())) - 1);
            b.append(w == 0 ? "" : " ").append(words[i]);
        }
        return b.toString();
    }

    private static String word(SplittableRandom rnd) {
        String consonants = "bcdfghklmnprstvz";
        String vowels = "aeiou";
        StringBuilder b = new StringBuilder();
        int syllables = 2 + rnd.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            b.append(consonants.charAt(rnd.nextInt(consonants.length()))).append(vowels.charAt(rnd.nextInt(vowels.length())));
        }
        return b.toString();
    }
}
