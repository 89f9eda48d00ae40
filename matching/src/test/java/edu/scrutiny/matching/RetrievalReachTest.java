package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval must reach every listed word the comparer would match: a typo (a letter deleted,
 * replaced, swapped or added) that the comparer forgives is of no use if the index never puts the
 * name in front of it. Each listed name here is one word, in Latin letters and in other scripts, of
 * three to eight letters; every single-letter slip of it that the comparer scores above zero must
 * bring the entry back from the index.
 */
class RetrievalReachTest {
    private static final List<String> WORDS = List.of(
            // Latin, short and long (three- and four-letter words are where the fuzzy look-ups start)
            "ZORB", "KVAL", "MIRO", "BEXT", "TANK", "ORLOV", "KESTREL", "VOLNAR", "DRAXIM", "PELKO", "ZUV", "KAR", "TOLBAR",
            // other scripts, kept in their own letters by the normaliser's native form
            "Зорбин", "Кельво", "Дракс", "زربان", "كيلفو", "ゾルバン", "조르반", "זורבן", "Ζορμπάν");

    @Test
    void everySlipTheComparerForgivesIsRetrieved() {
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < WORDS.size(); i++) {
            entries.add(ListEntry.builder("t", "w" + i).name(WORDS.get(i)).schema(Schema.ORGANIZATION).build());
        }
        ScreeningIndex index = ScreeningIndex.build(entries);
        NameNormalizer normalizer = new NameNormalizer();
        List<String> missed = new ArrayList<>();
        int checked = 0;
        for (int i = 0; i < WORDS.size(); i++) {
            String word = WORDS.get(i);
            NormalizedName listed = normalizer.normalize(word, Schema.ORGANIZATION);
            for (String slip : slips(word)) {
                NormalizedName query = normalizer.normalize(slip, Schema.ORGANIZATION);
                double direct = index.comparer().compare(query, listed).score();
                if (direct <= 0) {
                    continue; // the comparer does not forgive this one: not retrieval's business
                }
                checked++;
                String id = "w" + i;
                boolean found = index.screen(ScreeningQuery.of(slip, Schema.ORGANIZATION), WORDS.size(), 0).stream()
                        .anyMatch(c -> c.entry().sourceId().equals(id));
                if (!found) {
                    missed.add(slip + " (for " + word + ", comparer " + String.format(java.util.Locale.ROOT, "%.2f", direct) + ")");
                }
            }
        }
        assertThat(checked).as("slips the comparer forgives").isGreaterThan(100);
        assertThat(missed).as("slips the comparer forgives but retrieval never reaches").isEmpty();
    }

    /** Every word one letter away: each letter deleted, replaced by a letter of the word's own script, adjacent letters swapped, a letter added. */
    private static Set<String> slips(String word) {
        Set<String> out = new LinkedHashSet<>();
        int[] cps = word.codePoints().toArray();
        int replacement = Character.isLetter(cps[0]) && cps[0] < 0x80 ? 'Q' : cps[cps.length - 1];
        for (int i = 0; i < cps.length; i++) {
            out.add(string(cps, i, -1, 0));
            if (cps[i] != replacement) {
                out.add(string(cps, i, replacement, 0));
            }
            if (i + 1 < cps.length && cps[i] != cps[i + 1]) {
                int[] swapped = cps.clone();
                swapped[i] = cps[i + 1];
                swapped[i + 1] = cps[i];
                out.add(new String(swapped, 0, swapped.length));
            }
            out.add(string(cps, i, -2, replacement));
        }
        out.remove(word);
        out.removeIf(s -> s.codePointCount(0, s.length()) < 2);
        return out;
    }

    /** The code points with the i-th deleted (with -1), replaced (with a code point), or preceded by {@code added} (with -2). */
    private static String string(int[] cps, int i, int with, int added) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cps.length; k++) {
            if (k == i) {
                if (with == -2) {
                    sb.appendCodePoint(added).appendCodePoint(cps[k]);
                } else if (with >= 0) {
                    sb.appendCodePoint(with);
                }
            } else {
                sb.appendCodePoint(cps[k]);
            }
        }
        return sb.toString();
    }
}
