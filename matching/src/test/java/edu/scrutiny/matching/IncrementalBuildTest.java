package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index built from the previous one ({@link ScreeningIndex#build(java.util.Collection, ScreeningIndex)}: the
 * entries a version did not change are the previous index's objects, and keep their normalised names) screens
 * exactly as one built from nothing: the same candidates, scores, matched names and explanations, query for query.
 * The entries have aliases of several lengths, so a name kept at the wrong place (an alias for another, one entry's
 * names for its neighbour's) changes what is found; and the new list removes, changes, adds and reorders entries.
 */
class IncrementalBuildTest {
    private static final String[] WORDS = {"corvid", "trading", "beihang", "aeronautics", "nordic", "petrov", "ivanov",
            "sergei", "dmitry", "mohamed", "hassan", "zhong", "xing", "telecom", "pacific", "marine", "holding", "beih",
            "aero", "petrova", "sergey", "dmitrij", "mohammed", "hasan", "nord", "logistics", "systems", "vladimir",
            "Сергей Петров", "北京航空航天大学", "محمد حسن"};

    @Test
    void anIndexBuiltFromThePreviousOneScreensAsOneBuiltFromNothing() {
        SplittableRandom rnd = new SplittableRandom(29);
        List<ListEntry> before = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            before.add(entry("e-" + i, rnd, i));
        }
        ScreeningIndex previous = ScreeningIndex.build(before);

        // a new version: a tenth removed, a tenth changed (new objects, other names), new entries, the rest the very
        // same objects, in another order
        List<ListEntry> after = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < before.size(); i++) {
            if (i % 10 == 3) {
                continue;
            }
            if (i % 10 == 7) {
                after.add(entry("e-" + i, rnd, i + 1));
            } else {
                after.add(before.get(i));
                kept++;
            }
        }
        for (int i = 0; i < 200; i++) {
            after.add(entry("n-" + i, rnd, i));
        }
        java.util.Collections.shuffle(after, new java.util.Random(3));
        ScreeningIndex incremental = ScreeningIndex.build(after, previous);
        ScreeningIndex fresh = ScreeningIndex.build(after);
        assertThat(kept).isGreaterThan(1_000);
        assertThat(incremental.names()).isEqualTo(fresh.names());

        int found = 0;
        for (ListEntry e : after.subList(0, 400)) {
            String n = e.name();
            String[] parts = n.split(" ");
            for (String q : List.of(n, n.length() > 6 ? n.substring(0, 3) + n.substring(4) : n,
                    parts[parts.length - 1] + " " + parts[0])) {
                for (Schema schema : List.of(Schema.PERSON, Schema.ORGANIZATION)) {
                    ScreeningQuery query = ScreeningQuery.of(q, schema);
                    List<String> got = describe(incremental.screen(query, 25, 0.5));
                    assertThat(got).as("%s as %s", q, schema).isEqualTo(describe(fresh.screen(query, 25, 0.5)));
                    found += got.size();
                }
            }
        }
        assertThat(found).as("the queries find candidates").isGreaterThan(2_000);
    }

    /**
     * A word the previous index held only as written in Latin letters comes, in the new list, from an Arabic name too:
     * its vocabulary token is then an abjad one (a Latin query meets it by its consonants), so the previous index's
     * token for the word cannot be kept. Screened as by an index built from nothing.
     */
    @Test
    void aWordThatNowAlsoComesFromAnAbjadIsMarkedSo() {
        String arabic = "محمد حسن";
        List<String> transliterated = new NameNormalizer().normalize(arabic, Schema.PERSON).primary().identifying().stream()
                .map(NameToken::text).toList();
        List<ListEntry> before = new ArrayList<>();
        before.add(ListEntry.builder("wl", "latin").schema(Schema.PERSON).name(String.join(" ", transliterated)).build());
        before.add(ListEntry.builder("wl", "other").schema(Schema.PERSON).name("Sergei Petrov").build());
        ScreeningIndex previous = ScreeningIndex.build(before);
        List<ListEntry> after = new ArrayList<>(before);
        after.add(ListEntry.builder("wl", "arabic").schema(Schema.PERSON).name(arabic).build());
        ScreeningIndex incremental = ScreeningIndex.build(after, previous);
        ScreeningIndex fresh = ScreeningIndex.build(after);
        int found = 0;
        for (String q : List.of("Mohamed Hassan", "Muhammad Hasan", "Mohammed Husan", String.join(" ", transliterated), arabic)) {
            ScreeningQuery query = ScreeningQuery.of(q, Schema.PERSON);
            List<String> got = describe(incremental.screen(query, 25, 0.5));
            assertThat(got).as(q).isEqualTo(describe(fresh.screen(query, 25, 0.5)));
            found += got.size();
        }
        assertThat(found).as("the queries find candidates").isGreaterThan(5);
    }

    private static ListEntry entry(String id, SplittableRandom rnd, int i) {
        StringBuilder name = new StringBuilder();
        int words = 2 + rnd.nextInt(3);
        for (int w = 0; w < words; w++) {
            name.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        ListEntry.Builder b = ListEntry.builder("wl", id).name(name.toString())
                .schema(i % 3 == 0 ? Schema.PERSON : i % 3 == 1 ? Schema.COMPANY : Schema.LEGAL_ENTITY);
        for (int a = 0; a < i % 4; a++) {
            b.alias(WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)] + (a == 1 ? " Ltd" : ""));
        }
        return b.build();
    }

    private static List<String> describe(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.entry().sourceId() + " " + c.score() + " " + c.matchedName() + " " + c.explain()).toList();
    }
}
