package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound the exhaustive screenings stop a comparison at (monitoring's delta compares every listed name
 * above the floor, and most of them cannot reach the threshold): a comparison cut short never hides a
 * score at or above the cutoff, and what it returns instead is at least the score; the cheap test on
 * joined runs never rules out a run the comparer would find like a word; a name the context lifts
 * over the threshold is still found; and each entry's own context (countries, birth dates) sets where its
 * comparisons stop, finding exactly what comparing every name in full finds.
 */
class ComparisonBoundTest {
    private static final NameNormalizer NORMALIZER = new NameNormalizer();
    private static final double[] CUTOFFS = {0.3, 0.5, 0.72, 0.8, 0.9};

    /** Syllables and particles that make joined and split words ("hua wei" / "huawei", "abd allah" / "abdallah"). */
    private static final List<String> SYLLABLES = List.of("hua", "wei", "jin", "ping", "xi", "zhang", "chang", "li", "ming",
            "abd", "al", "allah", "bin", "van", "der", "bilt", "kim", "jong", "un", "tech", "sino", "ban", "co", "de", "la",
            "ibn", "abu", "el", "din", "nur", "ud", "mo", "ham", "med", "ser", "gei", "ros", "neft", "gaz", "prom");
    private static final List<String> WORDS = List.of("Technologies", "Trading", "University", "Institute", "Petroleum",
            "Vladimir", "Mohammed", "Hassan", "Ahmed", "Chen", "Cheng", "Wang", "Smith", "Ivanov", "Petrov", "Bank",
            "International", "Holding", "Group", "Aerospace", "Science", "Steel", "Oil", "Company", "Limited", "LLC");

    @Test
    void aComparisonCutShortNeverHidesAScoreThatReachesTheCutoff() {
        NameComparer comparer = new NameComparer(TokenWeights.defaults());
        SplittableRandom rnd = new SplittableRandom(17);
        int cut = 0;
        int reached = 0;
        int pairs = 0;
        for (int n = 0; n < 400; n++) {
            Schema schema = rnd.nextBoolean() ? Schema.PERSON : Schema.ORGANIZATION;
            List<String> words = randomName(rnd);
            List<NormalizedName> listed = new ArrayList<>();
            for (int v = 0; v < 12; v++) {
                listed.add(NORMALIZER.normalize(String.join(" ", variant(words, rnd)), schema));
            }
            NormalizedName query = NORMALIZER.normalize(String.join(" ", words), schema);
            // one memo for the query's candidates, as screening keeps it, and one for the exact scores
            NameComparer.Memo memo = new NameComparer.Memo();
            for (NormalizedName l : listed) {
                double exact = comparer.compare(query, l).score();
                for (double cutoff : CUTOFFS) {
                    double bounded = comparer.score(query, l, memo, cutoff);
                    pairs++;
                    if (exact >= cutoff) {
                        reached++;
                        assertThat(bounded).as("%s / %s at %.2f", query, l, cutoff).isEqualTo(exact);
                    } else {
                        assertThat(bounded).as("%s / %s at %.2f", query, l, cutoff).isLessThan(cutoff).isGreaterThanOrEqualTo(exact);
                        if (bounded != exact) {
                            cut++;
                        }
                    }
                }
            }
        }
        assertThat(pairs).isEqualTo(400 * 12 * CUTOFFS.length);
        // the test means something only if both sides of the cutoff are met, and comparisons are cut short
        assertThat(reached).as("pairs at or above the cutoff").isGreaterThan(pairs / 10);
        assertThat(cut).as("comparisons cut short").isGreaterThan(pairs / 20);
    }

    @Test
    void theTestOnJoinedRunsNeverRulesOutARunTheComparerFindsLikeAWord() {
        SplittableRandom rnd = new SplittableRandom(19);
        int alike = 0;
        for (int i = 0; i < 200_000; i++) {
            int len = 2 + rnd.nextInt(2);
            List<NameToken> run = new ArrayList<>();
            StringBuilder joined = new StringBuilder();
            int letters = 0;
            boolean abjad = rnd.nextInt(10) == 0;
            for (int k = 0; k < len; k++) {
                String s = SYLLABLES.get(rnd.nextInt(SYLLABLES.size()));
                NameToken t = new NameToken(s, TokenKind.WORD, abjad);
                run.add(t);
                joined.append(s);
                letters |= t.letters();
            }
            String other = switch (rnd.nextInt(4)) {
                case 0 -> joined.toString();
                case 1 -> typo(joined.toString(), rnd);
                case 2 -> typo(typo(joined.toString(), rnd), rnd);
                default -> SYLLABLES.get(rnd.nextInt(SYLLABLES.size())) + SYLLABLES.get(rnd.nextInt(SYLLABLES.size()));
            };
            NameToken b = new NameToken(other, TokenKind.WORD, false);
            TokenSimilarity.Result r = TokenSimilarity.compare(new Word(joined.toString()), b, abjad);
            if (r.score() > 0) {
                alike++;
                assertThat(TokenSimilarity.joinedCouldMatch(run, 0, len, joined.length(), letters, abjad, b))
                        .as("%s / %s (%s %.2f)", run, other, r.rule(), r.score()).isTrue();
            }
        }
        assertThat(alike).as("runs found like the word").isGreaterThan(50_000);
    }

    @Test
    void aNameTheContextLiftsOverTheThresholdIsStillFound() {
        // names whose own score is under the threshold but within what an agreeing country and birth date add
        NameComparer comparer = new NameComparer(TokenWeights.defaults());
        SplittableRandom rnd = new SplittableRandom(23);
        int lifted = 0;
        for (int n = 0; n < 3000 && lifted < 20; n++) {
            List<String> words = randomName(rnd);
            String listedName = String.join(" ", variant(words, rnd));
            String queryName = String.join(" ", words);
            ListEntry entry = ListEntry.builder("test", "e" + n).schema(Schema.PERSON).name(listedName)
                    .country("RU").birthDate("1952-10-07").build();
            ScreeningIndex index = ScreeningIndex.build(List.of(entry), TokenWeights.defaults());
            double own = comparer.compare(NORMALIZER.normalize(queryName, Schema.PERSON), NORMALIZER.normalize(listedName, Schema.PERSON)).score();
            if (own >= Thresholds.PERSON || own < Thresholds.PERSON - ContextScore.MOST_ADDED) {
                continue;
            }
            ScreeningQuery query = new ScreeningQuery(queryName, Schema.PERSON, List.of("RU"), "1952-10-07", null);
            double adjusted = ContextScore.adjustedScore(query, entry, own, false);
            if (index.screenExhaustively(query, 0.5).isEmpty()) {
                // the name collects too little of the query's weight to be compared at all: no test of the bound
                continue;
            }
            List<Candidate> found = index.screenExhaustively(query, Thresholds.PERSON);
            if (adjusted >= Thresholds.PERSON) {
                lifted++;
                assertThat(found).as("%s / %s (own score %.3f, with its context %.3f)", queryName, listedName, own, adjusted)
                        .extracting(Candidate::score).containsExactly(adjusted);
            } else {
                assertThat(found).isEmpty();
            }
        }
        assertThat(lifted).as("names lifted over the threshold by their context").isGreaterThanOrEqualTo(5);
    }

    /**
     * An exhaustive screening stops each comparison at the cutoff of its own entry's context: the threshold
     * less what the countries and birth dates of that query and entry add, or more where they take away
     * (another country; for an institution, much more). It must find exactly what comparing every name in
     * full finds: the candidates of a screening at 0.5 that reach the threshold, with the same scores.
     */
    @Test
    void eachEntryCutsItsComparisonsShortAtItsOwnContextAndFindsWhatComparingInFullFinds() {
        SplittableRandom rnd = new SplittableRandom(29);
        String[] countries = {"RU", "CN", "US", null};
        String[] births = {"1952-10-07", "1952-01-01", "1953-05-05", "1970-01-01", null};
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean person = i % 2 == 0;
            List<String> words = randomName(rnd);
            if (!person && i % 3 == 0) {
                words.add(rnd.nextBoolean() ? "University" : "Institute"); // institutions, which another country sets apart
            }
            ListEntry.Builder b = ListEntry.builder("test", "e" + i).schema(person ? Schema.PERSON : Schema.ORGANIZATION)
                    .name(String.join(" ", words));
            String country = countries[rnd.nextInt(countries.length)];
            if (country != null) {
                b.country(country);
            }
            String born = births[rnd.nextInt(births.length)];
            if (person && born != null) {
                b.birthDate(born);
            }
            entries.add(b.build());
        }
        ScreeningIndex index = ScreeningIndex.build(entries);
        int found = 0;
        int heldUnder = 0;
        int lifted = 0;
        for (int n = 0; n < 1500; n++) {
            ListEntry target = entries.get(rnd.nextInt(entries.size()));
            String name = String.join(" ", variant(List.of(target.name().split(" ")), rnd));
            Schema schema = target.schema() == Schema.PERSON ? Schema.PERSON : Schema.ORGANIZATION;
            String country = countries[rnd.nextInt(countries.length)];
            if (country != null && n % 2 == 1) {
                country = country.toLowerCase(java.util.Locale.ROOT); // a query's countries come in any case, the lists' in capitals
            }
            String born = schema == Schema.PERSON ? births[rnd.nextInt(births.length)] : null;
            ScreeningQuery query = new ScreeningQuery(name, schema, country == null ? List.of() : List.of(country), born, null);
            double threshold = Thresholds.defaultFor(schema);
            List<Candidate> inFull = index.screenExhaustively(query, 0.5).stream().filter(c -> c.score() >= threshold).toList();
            List<Candidate> cut = index.screenExhaustively(query, threshold);
            assertThat(CandidateLines.of(cut)).as("%s (%s, %s, born %s)", name, schema, country, born).isEqualTo(CandidateLines.of(inFull));
            found += cut.size();
            for (Candidate c : index.screenExhaustively(query, 0.5)) {
                if (c.nameScore() >= threshold && c.score() < threshold) {
                    heldUnder++;
                } else if (c.nameScore() < threshold && c.score() >= threshold) {
                    lifted++;
                }
            }
        }
        assertThat(found).as("candidates at the threshold").isGreaterThan(500);
        assertThat(heldUnder).as("names at the threshold that their context takes under it").isGreaterThan(50);
        assertThat(lifted).as("names under the threshold that their context lifts over it").isGreaterThan(5);
    }

    private static List<String> randomName(SplittableRandom rnd) {
        List<String> words = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            words.add(rnd.nextBoolean() ? WORDS.get(rnd.nextInt(WORDS.size())) : SYLLABLES.get(rnd.nextInt(SYLLABLES.size())));
        }
        return words;
    }

    /** The words joined, split, misspelt, dropped, reordered or replaced. */
    private static List<String> variant(List<String> words, SplittableRandom rnd) {
        List<String> out = new ArrayList<>(words);
        int changes = rnd.nextInt(3);
        for (int c = 0; c < changes && !out.isEmpty(); c++) {
            int i = rnd.nextInt(out.size());
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    if (i + 1 < out.size()) {
                        out.set(i, out.get(i) + out.remove(i + 1).toLowerCase());
                    }
                }
                case 1 -> {
                    String w = out.get(i);
                    if (w.length() >= 4) {
                        int at = 2 + rnd.nextInt(w.length() - 3);
                        out.set(i, w.substring(0, at));
                        out.add(i + 1, w.substring(at));
                    }
                }
                case 2 -> out.set(i, typo(out.get(i), rnd));
                case 3 -> {
                    if (out.size() > 1) {
                        out.remove(i);
                    }
                }
                case 4 -> out.add(out.remove(i));
                default -> out.set(i, WORDS.get(rnd.nextInt(WORDS.size())));
            }
        }
        return out;
    }

    private static String typo(String w, SplittableRandom rnd) {
        if (w.isEmpty()) {
            return w;
        }
        int at = rnd.nextInt(w.length());
        char c = (char) ('a' + rnd.nextInt(26));
        return switch (rnd.nextInt(3)) {
            case 0 -> w.substring(0, at) + c + w.substring(at + 1);
            case 1 -> w.substring(0, at) + c + w.substring(at);
            default -> w.length() > 1 ? w.substring(0, at) + w.substring(at + 1) : w;
        };
    }
}
