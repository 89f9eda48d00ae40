package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.ScreeningQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Queries against a synthetic list whose answer is known: half are variants of a listed name
 * ({@link NameVariants}), whose answer is the entry they came from; half are names recombined like
 * the listed ones but written by no entry, whose answer is "no match". Queries say whether the party
 * is a person or a company, as a customer record does.
 */
final class LabelledQueries {
    /**
     * A query and its answer.
     *
     * @param truth     the index of the entry the query was made from, or {@link #UNLISTED}
     * @param variation how the listed name was varied; null for an unlisted name
     */
    record LabelledQuery(ScreeningQuery query, int truth, NameVariants.Variation variation) {
        static final int UNLISTED = -1;

        boolean listed() {
            return truth != UNLISTED;
        }

        /** What the query is: how it was varied, or which kind of unlisted name it is. */
        String kind() {
            if (listed()) {
                return variation.description;
            }
            return (query.schema() == Schema.PERSON ? "person" : "company") + ", "
                    + (NamePool.isLatin(query.name()) ? "Latin letters" : "other script");
        }
    }

    private final List<ListEntry> entries;
    private final SyntheticList synthetic;
    private final Set<String> listedNames = new HashSet<>();

    /** Remembers every listed name (primary and aliases), to keep unlisted names off the list. */
    LabelledQueries(List<ListEntry> entries, SyntheticList synthetic) {
        this.entries = entries;
        this.synthetic = synthetic;
        for (ListEntry e : entries) {
            for (String name : e.allNames()) {
                listedNames.add(key(name));
            }
        }
    }

    /** Count queries, variants and unlisted names alternating. */
    List<LabelledQuery> generate(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<LabelledQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(i % 2 == 0 ? variant(rnd) : unlisted(rnd));
        }
        return queries;
    }

    private LabelledQuery variant(SplittableRandom rnd) {
        while (true) {
            int e = rnd.nextInt(entries.size());
            ListEntry entry = entries.get(e);
            List<String> names = entry.allNames();
            NameVariants.Variant v = NameVariants.vary(names.get(rnd.nextInt(names.size())), entry.schema(), rnd);
            if (v != null) {
                return new LabelledQuery(ScreeningQuery.of(v.name(), customerSchema(entry.schema())), e, v.variation());
            }
        }
    }

    private LabelledQuery unlisted(SplittableRandom rnd) {
        while (true) {
            Schema schema = synthetic.schema(rnd);
            String name = synthetic.name(rnd, schema);
            if (!listedNames.contains(key(name))) {
                return new LabelledQuery(ScreeningQuery.of(name, customerSchema(schema)), LabelledQuery.UNLISTED, null);
            }
        }
    }

    /** What a customer record says the party is: a person or a company. */
    private static Schema customerSchema(Schema listed) {
        return listed == Schema.PERSON ? Schema.PERSON : Schema.COMPANY;
    }

    /** A name's words, lower-cased and sorted: two names with the same key are the same name written otherwise. */
    static String key(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Arrays.sort(words);
        return String.join(" ", words).trim();
    }
}
