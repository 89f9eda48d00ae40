package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a synthetic list of any size from a {@link NamePool}: persons and organisations in the
 * proportions of the real lists, the real share of non-Latin names, recombined from real parts.
 * Deterministic for a seed, so that runs compare.
 */
final class SyntheticList {
    private final NamePool pool;
    private final double personShare;
    private final double nonLatinShare;

    SyntheticList(NamePool pool) {
        this.pool = pool;
        this.personShare = (double) pool.persons / (pool.persons + pool.organisations);
        // never below 5%: the product screens names in every script
        this.nonLatinShare = Math.max(0.05, (double) pool.nonLatinNames / pool.allNames);
    }

    double personShare() {
        return personShare;
    }

    double nonLatinShare() {
        return nonLatinShare;
    }

    /** Streams n entries of the list {@code listKey} to the sink. */
    void generate(String listKey, long n, long seed, Consumer<ListEntry> sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (long i = 0; i < n; i++) {
            boolean person = rnd.nextDouble() < personShare;
            boolean nonLatin = rnd.nextDouble() < nonLatinShare;
            ListEntry.Builder b = ListEntry.builder(listKey, "syn-" + i)
                    .schema(person ? Schema.PERSON : (rnd.nextInt(3) == 0 ? Schema.ORGANIZATION : Schema.COMPANY))
                    .name(person ? personName(rnd, nonLatin) : orgName(rnd, nonLatin));
            if (rnd.nextInt(3) == 0) {
                b.alias(person ? personName(rnd, false) : orgName(rnd, false));
            }
            if (!pool.countries.isEmpty()) {
                b.country(pick(rnd, pool.countries));
            }
            if (person && rnd.nextBoolean()) {
                b.birthDate(String.format("%04d-%02d-%02d", 1940 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            }
            sink.accept(b.build());
        }
    }

    String personName(SplittableRandom rnd, boolean nonLatin) {
        if (nonLatin && !pool.nonLatinPersonParts.isEmpty()) {
            return pick(rnd, pool.nonLatinPersonParts) + " " + pick(rnd, pool.nonLatinPersonParts);
        }
        StringBuilder sb = new StringBuilder(pick(rnd, pool.givenNames));
        if (rnd.nextInt(3) == 0) {
            sb.append(' ').append(pick(rnd, pool.givenNames));
        }
        return sb.append(' ').append(pick(rnd, pool.familyNames)).toString();
    }

    String orgName(SplittableRandom rnd, boolean nonLatin) {
        if (nonLatin && !pool.nonLatinOrgWords.isEmpty()) {
            return pick(rnd, pool.nonLatinOrgWords) + pick(rnd, pool.nonLatinOrgWords);
        }
        int words = 1 + rnd.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            sb.append(w == 0 ? "" : " ").append(pick(rnd, pool.orgWords));
        }
        if (!pool.orgSuffixes.isEmpty() && rnd.nextInt(4) != 0) {
            sb.append(' ').append(pick(rnd, pool.orgSuffixes));
        }
        return sb.toString();
    }

    static String pick(SplittableRandom rnd, List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
