package edu.scrutiny.benchmarks;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a synthetic list of any size from a {@link NamePool}: persons and organisations in the
 * proportions of the real lists, as many aliases per entry as they have, names in other scripts at
 * their share, each name recombined from real parts. Deterministic for a seed, so that runs compare.
 *
 * <p>Names keep the shapes of real ones: persons have as many given names as listed persons have,
 * written "FAMILY, Given" as often as lists write them so, and a name of one word is a real one; an organisation name is a real one with
 * its distinctive words exchanged for others and its generic words ("of", "trading", "LLC") kept in
 * place; a name in another script is a real one of that script with some of its words exchanged for
 * words of the same script. Like real ones, an entry's names are all in Latin letters but for one
 * alias in another script, and half its aliases share a name part with its primary name.
 */
final class SyntheticList {
    /** Never below this share of names in other scripts: the product screens names in every script. */
    static final double MIN_NON_LATIN_SHARE = 0.05;
    /** A word written this many times or more in real organisation names is a generic word, kept where it stands. */
    private static final int GENERIC_WORD_NAMES = 30;

    private final NamePool pool;
    private final double personShare;
    private final double nonLatinShare;
    private final double nonLatinEntryShare;
    private final double commaShare;
    private final List<Schema> organisationSchemas = new ArrayList<>();
    private final List<String> distinctiveOrgWords = new ArrayList<>();
    private final Map<String, Integer> orgWordCounts = new HashMap<>();

    SyntheticList(NamePool pool) {
        this.pool = pool;
        this.personShare = (double) pool.persons() / (pool.persons() + pool.organisations());
        boolean anyNonLatin = !pool.nonLatinPersonNames.isEmpty() && !pool.nonLatinOrgNames.isEmpty();
        this.nonLatinShare = anyNonLatin ? Math.max(MIN_NON_LATIN_SHARE, realNonLatinShare()) : 0;
        // each entry in another script has one such name among its others
        double namesPerEntry = 1 + pool.aliasCounts.stream().mapToInt(Integer::intValue).average().orElse(0);
        this.nonLatinEntryShare = Math.min(1, nonLatinShare * namesPerEntry / (1 - nonLatinShare));
        this.commaShare = (double) pool.personNamesWithComma / Math.max(1, pool.personNames);
        pool.schemas.forEach((schema, count) -> {
            if (schema != Schema.PERSON) {
                for (long i = 0; i < count; i++) {
                    organisationSchemas.add(schema);
                }
            }
        });
        for (String w : pool.orgWords) {
            orgWordCounts.merge(w.toUpperCase(Locale.ROOT), 1, Integer::sum);
        }
        for (String w : pool.orgWords) {
            if (!generic(w)) {
                distinctiveOrgWords.add(w);
            }
        }
    }

    double personShare() {
        return personShare;
    }

    /** The share of names in other scripts generated. */
    double nonLatinShare() {
        return nonLatinShare;
    }

    /** The share of names in other scripts in the real lists. */
    double realNonLatinShare() {
        return (double) pool.nonLatinNames / pool.allNames;
    }

    /** Streams n entries of the list {@code listKey} to the sink. */
    void generate(String listKey, long n, long seed, Consumer<ListEntry> sink) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (long i = 0; i < n; i++) {
            Schema schema = schema(rnd);
            boolean person = schema == Schema.PERSON;
            ListEntry.Builder b = ListEntry.builder(listKey, "syn-" + i).schema(schema);
            String lead;
            if (person) {
                lead = pick(rnd, pool.familyNames);
                b.name(personName(rnd, lead));
            } else {
                lead = pick(rnd, distinctiveOrgWords);
                b.name(orgName(rnd, lead));
            }
            int aliases = pick(rnd, pool.aliasCounts);
            for (int a = 0; a < aliases; a++) {
                String shared = rnd.nextBoolean() ? lead : null;
                b.alias(person ? personName(rnd, shared) : orgName(rnd, shared));
            }
            if (rnd.nextDouble() < nonLatinEntryShare) {
                b.alias(nonLatinName(rnd, person));
            }
            if (!pool.countries.isEmpty()) {
                b.country(pick(rnd, pool.countries));
            }
            if (person && rnd.nextBoolean()) {
                b.birthDate(String.format(Locale.ROOT, "%04d-%02d-%02d", 1940 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)));
            }
            sink.accept(b.build());
        }
    }

    /** A schema, persons and each kind of organisation in their real proportions. */
    Schema schema(SplittableRandom rnd) {
        return rnd.nextDouble() < personShare ? Schema.PERSON : pick(rnd, organisationSchemas);
    }

    /** A name for a party of the schema, in another script at the generated share. */
    String name(SplittableRandom rnd, Schema schema) {
        boolean person = schema == Schema.PERSON;
        if (rnd.nextDouble() < nonLatinShare) {
            return nonLatinName(rnd, person);
        }
        return person ? personName(rnd, null) : orgName(rnd, null);
    }

    /** A person's name in Latin letters, with the given family name or a random one. */
    private String personName(SplittableRandom rnd, String family) {
        int givenCount = pick(rnd, pool.givenCounts);
        if (givenCount == 0 && !pool.singleNames.isEmpty()) {
            return pick(rnd, pool.singleNames);
        }
        String surname = family != null ? family : pick(rnd, pool.familyNames);
        if (givenCount == 0) {
            return surname;
        }
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < givenCount; i++) {
            given.append(i == 0 ? "" : " ").append(pick(rnd, pool.givenNames));
        }
        return rnd.nextDouble() < commaShare ? surname + ", " + given : given + " " + surname;
    }

    /** An organisation's name in Latin letters, its first distinctive word the given one or a random one. */
    private String orgName(SplittableRandom rnd, String lead) {
        String[] template = pick(rnd, pool.orgNames);
        StringBuilder sb = new StringBuilder();
        boolean leadPlaced = false;
        for (String w : template) {
            String word;
            if (NamePool.isSuffix(w)) {
                word = rnd.nextInt(4) == 0 ? pick(rnd, pool.orgSuffixes) : w;
            } else if (generic(w)) {
                word = w;
            } else if (!leadPlaced) {
                word = lead != null ? lead : pick(rnd, distinctiveOrgWords);
                leadPlaced = true;
            } else {
                word = pick(rnd, distinctiveOrgWords);
            }
            sb.append(sb.isEmpty() ? "" : " ").append(word);
        }
        if (!leadPlaced) {
            // a name of generic words only ("THE TRADING COMPANY") gets a distinctive one in front
            sb.insert(0, (lead != null ? lead : pick(rnd, distinctiveOrgWords)) + " ");
        }
        return sb.toString();
    }

    /** A name in another script: a real one of that script, half its words exchanged for words of the same script. */
    private String nonLatinName(SplittableRandom rnd, boolean person) {
        NamePool.Written template = pick(rnd, person ? pool.nonLatinPersonNames : pool.nonLatinOrgNames);
        List<String> words = (person ? pool.nonLatinPersonWords : pool.nonLatinOrgWords).get(template.script());
        StringBuilder sb = new StringBuilder();
        for (String w : template.words()) {
            sb.append(sb.isEmpty() ? "" : " ").append(rnd.nextBoolean() ? pick(rnd, words) : w);
        }
        return sb.toString();
    }

    private boolean generic(String orgWord) {
        return orgWordCounts.getOrDefault(orgWord.toUpperCase(Locale.ROOT), 0) >= GENERIC_WORD_NAMES;
    }

    static <T> T pick(SplittableRandom rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
