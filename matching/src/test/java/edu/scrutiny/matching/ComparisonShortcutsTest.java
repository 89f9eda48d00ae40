package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.internal.JaroWinkler;
import edu.scrutiny.matching.internal.Phonetics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short cuts on the comparing path (scoring without writing the explanation, the memo's tables,
 * the keys a word keeps, the necessary conditions checked before the dear measures) give exactly what
 * the plain comparison gives.
 */
class ComparisonShortcutsTest {
    private static final NameNormalizer NORMALIZER = new NameNormalizer();

    /** Persons and organisations in several scripts, with spellings, typos, joined and split words, acronyms. */
    private static final List<String> NAMES = List.of(
            "Vladimir Vladimirovich PUTIN", "Putin, Vladimir", "Wladimir Poutine", "Владимир Путин",
            "Mohammed bin Salman Al Saud", "Muhammad ibn Salman", "محمد بن سلمان", "Mohamed Ali", "Ali Mohamed",
            "Abdullah", "Abd Allah", "عبد الله", "David Cohen", "דוד כהן", "Dawid Kohen",
            "Kim Jong Un", "김정은", "Kim Jong-un", "Xi Jinping", "习近平", "Hsi Chin-ping",
            "Huawei Technologies Co., Ltd.", "Hua Wei Technologies", "華為技術有限公司", "Huawie Technologies Ltd",
            "Beijing University of Aeronautics and Astronautics", "BUAA", "Beihang University",
            "National University of Defense Technology", "NUDT", "Harbin Institute of Technology",
            "Al Qaida", "Al-Qaeda", "alqaida", "Van der Bilt Trading", "Vanderbilt Trading LLC",
            "U S Steel", "United States Steel Corporation", "Rosneft Oil Company", "ОАО НК Роснефть",
            "アエロスキャン株式会社", "Aeroscan K.K.", "Sberbank of Russia", "Sber Bank", "Zhang Wei", "Chang Wei");

    @Test
    void scoringWithoutTheExplanationGivesTheExplainedScoreToTheLastBit() {
        NameComparer comparer = new NameComparer(TokenWeights.defaults());
        int compared = 0;
        for (Schema schema : List.of(Schema.PERSON, Schema.ORGANIZATION)) {
            List<NormalizedName> names = new ArrayList<>();
            for (String n : NAMES) {
                names.add(NORMALIZER.normalize(n, schema));
            }
            for (NormalizedName q : names) {
                // one memo per query, shared by its candidates, as screening keeps it
                NameComparer.Memo memo = new NameComparer.Memo();
                for (NormalizedName l : names) {
                    double explained = comparer.compare(q, l).score();
                    assertThat(comparer.score(q, l, memo, Double.NEGATIVE_INFINITY)).as("%s / %s", q, l).isEqualTo(explained);
                    assertThat(comparer.compare(q, l, memo).score()).as("%s / %s through the memo", q, l).isEqualTo(explained);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(2 * NAMES.size() * NAMES.size());
    }

    @Test
    void aMemoKeptForManyQueriesGivesEveryScoreTheComparisonGives() {
        // one memo for every query, as an exhaustive batch keeps one for thousands of names: a common word's row meets
        // hundreds of tokens and grows many times, and runs of words meet them too. Words of few letters, so that
        // most pairs are not ruled out before the memo (it keeps only those)
        SplittableRandom rnd = new SplittableRandom(17);
        String alphabet = "aeinrst";
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            words.add(word(rnd, alphabet));
        }
        List<NormalizedName> names = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            StringBuilder n = new StringBuilder(i % 2 == 0 ? "sentar" : "hua");
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                String w = words.get(rnd.nextInt(words.size()));
                n.append(' ').append(rnd.nextInt(4) == 0 ? mutate(word(rnd, alphabet), w, rnd) : w);
            }
            names.add(NORMALIZER.normalize(n.toString(), Schema.ORGANIZATION));
        }
        NameComparer comparer = new NameComparer(TokenWeights.defaults());
        NameComparer.Memo memo = new NameComparer.Memo();
        int positive = 0;
        for (NormalizedName q : names) {
            for (NormalizedName l : names) {
                double plain = comparer.compare(q, l).score();
                assertThat(comparer.score(q, l, memo, Double.NEGATIVE_INFINITY)).as("%s / %s", q, l).isEqualTo(plain);
                positive += plain > 0 ? 1 : 0;
            }
        }
        assertThat(memo.row(names.getFirst().primary().tokens().getFirst()).size()).as("the common word's row")
                .isGreaterThan(100);
        assertThat(positive).isGreaterThan(names.size());
    }

    @Test
    void aPairTheFirstTestsRuleOutIsOneTheComparisonFindsNothingIn() {
        // words of every kind the rules single out: given names with equivalents, Korean and Chinese romanisations,
        // starts of words (abbreviations, endings), abjad words, initials and numbers, beside random ones
        List<NameToken> tokens = new ArrayList<>();
        for (String n : NAMES) {
            for (Schema schema : List.of(Schema.PERSON, Schema.ORGANIZATION)) {
                NormalizedName name = NORMALIZER.normalize(n, schema);
                for (NameForm f : name.forms()) {
                    tokens.addAll(f.identifying());
                }
            }
        }
        for (String w : List.of("william", "bill", "willy", "robert", "bob", "john", "ivan", "yahya", "margaret", "peggy",
                "elizabeth", "betty", "fyodor", "ted", "jong", "jung", "joung", "hsi", "xi", "chang",
                "zhang", "univ", "university", "putin", "putinas", "natl", "national", "tech", "technology", "li", "lee")) {
            tokens.add(new NameToken(w, TokenKind.WORD, false));
        }
        SplittableRandom rnd = new SplittableRandom(23);
        for (int i = 0; i < 300; i++) {
            String w = word(rnd, "abcdeghiklmnorstuwyz");
            tokens.add(new NameToken(w, TokenKind.WORD, rnd.nextInt(8) == 0));
            tokens.add(new NameToken(mutate(word(rnd, "abcdeghiklmnorstuwyz"), w, rnd), TokenKind.WORD, false));
        }
        int ruledOut = 0;
        int pairs = 0;
        for (NameToken a : tokens) {
            for (NameToken b : tokens) {
                for (boolean person : new boolean[] {true, false}) {
                    pairs++;
                    if (TokenSimilarity.ruledOut(a, b, person)) {
                        ruledOut++;
                        assertThat(TokenSimilarity.compare(a, b, person)).as("%s / %s, person %s", a, b, person)
                                .isEqualTo(TokenSimilarity.Result.NONE);
                    }
                }
            }
        }
        // the test means something only if the first tests rule out most pairs, as they do the pairs the comparer meets
        assertThat(ruledOut).isGreaterThan(pairs / 2);
    }

    @Test
    void theLetterBoundNeverRejectsSkeletonsAlikeEnough() {
        SplittableRandom rnd = new SplittableRandom(11);
        String alphabet = "bdfhklmnrst";
        int alike = 0;
        for (int i = 0; i < 300_000; i++) {
            String x = word(rnd, alphabet);
            String y = rnd.nextInt(3) == 0 ? x : mutate(word(rnd, alphabet), x, rnd);
            double jw = JaroWinkler.similarity(x, y);
            boolean reach = TokenSimilarity.couldReach(x, new Word(x).letters(), y, new Word(y).letters(), (0.88 - 0.4) / 0.6);
            if (jw >= 0.88) {
                alike++;
                assertThat(reach).as("%s / %s (Jaro-Winkler %.4f)", x, y, jw).isTrue();
            }
        }
        assertThat(alike).as("pairs alike enough to test the bound on").isGreaterThan(10_000);
    }

    @Test
    void theLetterSetCheckAgreesWithTheLetterCount() {
        SplittableRandom rnd = new SplittableRandom(13);
        String alphabet = "aeiokmnrstxé";
        for (int i = 0; i < 300_000; i++) {
            String x = word(rnd, alphabet);
            String y = mutate(word(rnd, alphabet), x, rnd);
            int shorter = Math.min(x.length(), y.length());
            assertThat(TokenSimilarity.couldBeAlike(new Word(x), new Word(y), shorter)).as("%s / %s", x, y)
                    .isEqualTo(byCountOnly(x, y, shorter));
        }
    }

    @Test
    void aWordsKeptLetterCountsRuleOutWhatCountingItsTextRulesOut() {
        // the counts a word keeps, for words too long to keep them (past a byte), and for runs of two and three words
        // joined against one word: the same answers as counting the letters of the texts
        SplittableRandom rnd = new SplittableRandom(29);
        String alphabet = "bdfhklmnrstaé";
        int ruledOut = 0;
        for (int i = 0; i < 200_000; i++) {
            String x = i % 50 == 0 ? "k".repeat(120 + rnd.nextInt(20)) + word(rnd, alphabet) : word(rnd, alphabet);
            String y = mutate(word(rnd, alphabet), x, rnd);
            int shorter = Math.min(x.length(), y.length());
            boolean alike = TokenSimilarity.couldBeAlike(new Word(x), new Word(y), shorter);
            assertThat(alike).as("%s / %s", x, y).isEqualTo(byCountOnly(x, y, shorter));

            int len = 2 + rnd.nextInt(2);
            List<NameToken> run = new ArrayList<>();
            StringBuilder joined = new StringBuilder();
            int letters = 0;
            for (int k = 0; k < len; k++) {
                String w = k == 0 && i % 50 == 1 ? "k".repeat(130) : word(rnd, alphabet);
                NameToken t = new NameToken(w, TokenKind.WORD, false);
                run.add(t);
                joined.append(w);
                letters |= t.letters();
            }
            NameToken b = new NameToken(mutate(word(rnd, alphabet), joined.toString(), rnd), TokenKind.WORD, false);
            String y2 = b.text();
            boolean expected = b.romanisable() && ChineseRomanisation.couldAgree(joined.length(), joined.charAt(0), y2.length(), y2.charAt(0))
                    || TokenSimilarity.lengthsAndLettersAllow(joined.length(), letters, y2.length(), b.letters())
                    && byCountOnly(joined.toString(), y2, Math.min(joined.length(), y2.length()));
            boolean could = TokenSimilarity.joinedCouldMatch(run, 0, len, joined.length(), letters, false, b);
            assertThat(could).as("%s / %s", run, y2).isEqualTo(expected);
            ruledOut += could ? 0 : 1;
        }
        assertThat(ruledOut).as("runs ruled out").isGreaterThan(10_000);
    }

    @Test
    void aWordKeepsTheKeysItsTextGives() {
        for (String n : List.of("khaled", "dwd", "mohammadi", "poutine", "zhang", "x")) {
            Word w = new Word(n);
            for (int round = 0; round < 2; round++) {
                assertThat(w.variantKey()).isEqualTo(Phonetics.variantKey(n));
                assertThat(w.skeleton()).isEqualTo(Phonetics.skeleton(n));
                assertThat(w.skeletonWithV()).isEqualTo(Phonetics.skeletonWithV(n));
                assertThat(w.strictSkeleton()).isEqualTo(Phonetics.strictSkeleton(n));
                assertThat(w.deletionHashes()).containsExactly(edu.scrutiny.matching.internal.PackedMultiMap.deletionHashes(n));
            }
        }
        NameToken a = new NameToken("putin", TokenKind.WORD, false);
        NameToken b = new NameToken("putin", TokenKind.WORD, false);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new NameToken("putin", TokenKind.WORD, true))
                .isNotEqualTo(new NameToken("putin", TokenKind.WORD, false, true))
                .isNotEqualTo(new NameToken("putin", TokenKind.INITIAL, false));
    }

    /** {@link TokenSimilarity#couldBeAlike} as it was before the letter sets: lengths, then the letter count. */
    private static boolean byCountOnly(String x, String y, int shorter) {
        int allowed = shorter <= 5 ? 4 : shorter <= 8 ? 6 : 8;
        if (Math.abs(x.length() - y.length()) > allowed / 2 + 1) {
            return false;
        }
        int[] counts = new int[27];
        for (int i = 0; i < x.length(); i++) {
            counts[TokenSimilarity.slot(x.charAt(i))]++;
        }
        for (int i = 0; i < y.length(); i++) {
            counts[TokenSimilarity.slot(y.charAt(i))]--;
        }
        int difference = 0;
        for (int c : counts) {
            difference += Math.abs(c);
        }
        return difference <= allowed;
    }

    private static String word(SplittableRandom rnd, String alphabet) {
        int n = 3 + rnd.nextInt(7);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Either a fresh word, or {@code base} with one to three letters changed, added or dropped. */
    private static String mutate(String fresh, String base, SplittableRandom rnd) {
        if (rnd.nextBoolean()) {
            return fresh;
        }
        StringBuilder sb = new StringBuilder(base);
        for (int k = 1 + rnd.nextInt(3); k > 0 && sb.length() > 1; k--) {
            int i = rnd.nextInt(sb.length());
            switch (rnd.nextInt(3)) {
                case 0 -> sb.setCharAt(i, fresh.charAt(rnd.nextInt(fresh.length())));
                case 1 -> sb.insert(i, fresh.charAt(0));
                default -> sb.deleteCharAt(i);
            }
        }
        return sb.toString();
    }
}
