package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch ({@link ScreeningIndex#batch()}, the path of {@code scrutiny screen} and the Spark job)
 * remembers each query word's expansion through the vocabulary; it must return, query for query, what
 * {@link ScreeningIndex#screen} returns, explanations included. The queries share words on purpose, in
 * both kinds of query (a word expands differently for a person and for an organisation: abbreviation
 * prefixes are organisations'), misspelt and cut short, in an order in which remembered words are reused,
 * from two threads at once, and through a batch that may remember only a few words and so forgets them
 * again and again.
 */
class ScreeningBatchTest {
    private static final String[] WORDS = {"corvid", "trading", "beihang", "aeronautics", "nordic", "petrov", "ivanov",
            "sergei", "dmitry", "mohamed", "hassan", "zhong", "xing", "telecom", "pacific", "marine", "holding", "beih",
            "aero", "petrova", "sergey", "dmitrij", "mohammed", "hasan", "nord", "logistics", "systems", "vladimir",
            "hua", "wei", "huawei", "university", "national", "defense"};

    @Test
    void aBatchReturnsWhatEachQueryAloneReturnsWhateverItRemembersOrForgets() throws Exception {
        SplittableRandom rnd = new SplittableRandom(23);
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            StringBuilder name = new StringBuilder();
            int words = 2 + rnd.nextInt(3);
            for (int w = 0; w < words; w++) {
                name.append(w == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
            }
            ListEntry.Builder b = ListEntry.builder("wl", "e-" + i).name(name.toString())
                    .schema(i % 3 == 0 ? Schema.PERSON : i % 3 == 1 ? Schema.COMPANY : Schema.LEGAL_ENTITY);
            if (i % 4 == 0) {
                b.alias(WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)] + " Ltd");
            }
            entries.add(b.build());
        }
        ScreeningIndex index = ScreeningIndex.build(entries);

        List<ScreeningQuery> queries = new ArrayList<>();
        for (ListEntry e : entries.subList(0, 150)) {
            String n = e.name();
            String[] parts = n.split(" ");
            for (String q : List.of(n, n.length() > 6 ? n.substring(0, 3) + n.substring(4) : n,
                    parts[parts.length - 1] + " " + parts[0],
                    parts[0].substring(0, Math.min(4, parts[0].length())) + " " + parts[parts.length - 1])) {
                queries.add(ScreeningQuery.of(q, Schema.PERSON));
                queries.add(ScreeningQuery.of(q, Schema.ORGANIZATION));
            }
        }
        List<List<String>> alone = new ArrayList<>();
        int found = 0;
        for (ScreeningQuery q : queries) {
            alone.add(describe(index.screen(q, 25, 0)));
            found += alone.getLast().size();
        }
        assertThat(found).as("the queries find candidates").isGreaterThan(2_000);

        for (int words : new int[] {ScreeningIndex.REMEMBERED_WORDS, 5}) {
            ScreeningIndex.Batch batch = index.batch(words);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < queries.size(); i++) {
                    assertThat(describe(batch.screen(queries.get(i), 25, 0)))
                            .as("%s (%s), pass %d, batch of %d words", queries.get(i).name(), queries.get(i).schema(), pass, words)
                            .isEqualTo(alone.get(i));
                }
            }
        }

        ScreeningIndex.Batch shared = index.batch();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<List<List<String>>>> halves = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int from = t;
                halves.add(pool.submit(() -> {
                    List<List<String>> out = new ArrayList<>();
                    for (int i = from; i < queries.size(); i += 2) {
                        out.add(describe(shared.screen(queries.get(i), 25, 0)));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 2; t++) {
                List<List<String>> out = halves.get(t).get();
                for (int k = 0; k < out.size(); k++) {
                    assertThat(out.get(k)).as("query %d from thread %d", t + 2 * k, t).isEqualTo(alone.get(t + 2 * k));
                }
            }
        }
    }

    private static List<String> describe(List<Candidate> candidates) {
        return candidates.stream()
                .map(c -> c.entry().sourceId() + " " + c.score() + " " + c.matchedName() + " " + c.explain())
                .toList();
    }
}
