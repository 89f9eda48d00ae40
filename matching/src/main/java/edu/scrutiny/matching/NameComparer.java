package edu.scrutiny.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Compares two normalised names, regardless of word order.
 *
 * <p>Every token of one name is compared with every token of the other ({@link TokenSimilarity});
 * adjacent short tokens may also be joined ("van der bilt" / "vanderbilt", "hua wei" / "huawei").
 * Pairs are then chosen greedily, best first, each token used once. The score blends how much of
 * each name's weight was matched (weights from {@link TokenWeights}: distinctive words count, common
 * ones barely): a query covered completely by a longer listed name ("Vladimir Putin" against
 * "PUTIN, Vladimir Vladimirovich") scores high, one sharing only a surname with it low.
 *
 * <p>Rules then apply: numbers must agree; a match resting only on common words is capped below
 * any sensible threshold; legal forms that differ lower the score a little, and are otherwise not
 * words of the name at all.
 */
public final class NameComparer {
    /** The score of a match resting only on common words never exceeds this. */
    static final double COMMON_ONLY_CAP = 0.5;
    /** A match is "only common words" when its most distinctive matched token weighs less than this. */
    static final double DISTINCTIVE = 0.5;
    /** Weight of the smaller coverage in the blend; the rest goes to the larger. */
    static final double MIN_SHARE = 0.6;
    /**
     * For persons the smaller coverage counts less: listed persons carry middle names and patronymics
     * that a query often omits, while an organisation with extra words is often another organisation
     * (Banco Santander, Banco Santander México).
     */
    static final double PERSON_MIN_SHARE = 0.3;
    /** Share of the smaller coverage when one of the names is a single word. */
    static final double SINGLE_WORD_SHARE = 0.6;
    /**
     * Each name having a word the other lacks ("... BEN MOHAMED BEN ..." against "... BEN ALI BEN ...")
     * is evidence of two different parties, not merely a shorter spelling of one: a fixed penalty plus
     * one in proportion to the weight left unmatched.
     */
    static final double CONFLICT_BASE = 0.1;
    static final double CONFLICT = 0.5;

    /** Where the rules' words go when the comparison is not to be explained: nowhere. */
    private static final List<String> UNWRITTEN = new java.util.AbstractList<>() {
        @Override
        public boolean add(String rule) {
            return true;
        }

        @Override
        public String get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    };

    /** Alphabets whose transliteration to Latin keeps every distinction: names in them compare in Latin. */
    private static final java.util.Set<String> TRANSLITERATES_WELL = java.util.Set.of("CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN");

    private final TokenWeights weights;

    public NameComparer(TokenWeights weights) {
        this.weights = weights;
    }

    /** Compares every form of the query with every form of the listed name and keeps the best. */
    public NameComparison compare(NormalizedName query, NormalizedName listed) {
        return compare(query, listed, null);
    }

    /**
     * Remembers token comparisons across the candidates of one query: the same listed tokens recur
     * in many candidate names, and comparing two tokens is most of the cost of scoring. Not thread-safe;
     * one per query.
     */
    public static final class Memo {
        private final java.util.Map<NameToken, Row> rows = new java.util.HashMap<>();
        /**
         * Joined runs ("hua wei" → "huawei") against single tokens: the query's runs meet the same listed
         * tokens in candidate after candidate, and these comparisons were a quarter of a query's cost.
         * Keyed by the run's tokens, so that the run is written out only the first time it is met.
         */
        private final java.util.Map<Run, Row> runs = new java.util.HashMap<>();

        /**
         * {@link #bound}'s best contribution of each token, zeroed for each bound: made anew for each, they were a
         * tenth of what a delta's change screening allocated. Only the first {@code n} places are read.
         */
        private double[] bestQ = new double[8];
        private double[] bestL = new double[8];

        double[] bestQ(int n) {
            return bestQ = zeroed(bestQ, n);
        }

        double[] bestL(int n) {
            return bestL = zeroed(bestL, n);
        }

        /** {@code a} with its first {@code n} places zeroed, or a new array where it has fewer. */
        private static double[] zeroed(double[] a, int n) {
            if (a.length < n) {
                return new double[n];
            }
            java.util.Arrays.fill(a, 0, n, 0);
            return a;
        }

        private record Run(NameToken first, NameToken second, NameToken third) {
            // written out: a record's own equals and hashCode go through method handles, and a delta re-screening looks
            // runs up hundreds of thousands of times (about a twentieth of its change screening's CPU time, JFR)
            @Override
            public boolean equals(Object o) {
                return o instanceof Run r && first.equals(r.first) && second.equals(r.second)
                        && (third == null ? r.third == null : third.equals(r.third));
            }

            @Override
            public int hashCode() {
                return (first.hashCode() * 31 + second.hashCode()) * 31 + (third == null ? 0 : third.hashCode());
            }
        }

        /**
         * The rows last looked up, by identity: a query asks for the rows of its own few tokens once per name it
         * compares (the change screening of a delta, about 400,000 times a pass), always the same objects.
         */
        private final NameToken[] recentTokens = new NameToken[RECENT];
        private final Row[] recentRows = new Row[RECENT];
        private int nextRecent;
        private static final int RECENT = 4;

        /** The comparisons of one query token (looked up once per candidate name, not once per pair). */
        Row row(NameToken a) {
            for (int k = 0; k < RECENT; k++) {
                if (recentTokens[k] == a) {
                    return recentRows[k];
                }
            }
            Row r = rows.get(a);
            if (r == null) {
                r = new Row(a);
                rows.put(a, r);
            }
            recentTokens[nextRecent] = a;
            recentRows[nextRecent] = r;
            nextRecent = (nextRecent + 1) % RECENT;
            return r;
        }

        /** The comparisons of the run of {@code len} tokens of {@code tokens} from {@code from}, joined. */
        Row run(List<NameToken> tokens, int from, int len) {
            Run key = new Run(tokens.get(from), tokens.get(from + 1), len == 3 ? tokens.get(from + 2) : null);
            Row r = runs.get(key);
            if (r == null) {
                r = new Row(new Word(joinedText(tokens, from, len)));
                runs.put(key, r);
            }
            return r;
        }
    }

    /**
     * One word's comparisons with the tokens it met, in an open-addressing table: equal tokens of an index are
     * one object, so a look-up is mostly one reference comparison. Each token sits beside its comparison in one
     * array, so that a look-up reads one place in memory, not one in each of two arrays: a memo kept for a whole
     * delta re-screening grows rows of thousands of tokens, and reading them was a quarter of its change
     * screening's CPU time (JFR, 2026-12-05).
     */
    static final class Row {
        /** The query token (or the joined run) of the row. */
        final Word word;
        private final NameToken token;
        /**
         * Tokens at even places, each one's comparison at the next. Small at first: most rows, a joined run's above
         * all, meet a few tokens (a delta re-screening makes tens of thousands of them, and rows of 64 were an eighth
         * of what it allocated, JFR 2026-12-04); a query word's row grows as it meets more.
         */
        private Object[] table = new Object[16];
        private int size;

        Row(Word word) {
            this.word = word;
            this.token = word instanceof NameToken t ? t : null;
        }

        /** The token of this row against {@code t}, as {@link TokenSimilarity#compare(NameToken, NameToken, boolean)}. */
        TokenSimilarity.Result compare(NameToken t, boolean person) {
            if (TokenSimilarity.ruledOut(token, t, person)) {
                // told from the two tokens' own fields: neither looked up nor kept
                return TokenSimilarity.Result.NONE;
            }
            Object[] tab = table;
            int at = slot(tab, t);
            TokenSimilarity.Result r = (TokenSimilarity.Result) tab[at + 1];
            if (r == null) {
                r = TokenSimilarity.compare(token, t, person);
                put(at, t, r);
            }
            return r;
        }

        /** This row's run against {@code t}, as {@link TokenSimilarity#compare(Word, Word, boolean)}. */
        TokenSimilarity.Result compareJoined(NameToken t, boolean abjad) {
            Object[] tab = table;
            int at = slot(tab, t);
            TokenSimilarity.Result r = (TokenSimilarity.Result) tab[at + 1];
            if (r == null) {
                r = TokenSimilarity.compare(word, t, abjad || t.abjad());
                put(at, t, r);
            }
            return r;
        }

        /** How many tokens the row has met. */
        int size() {
            return size;
        }

        /**
         * The place of {@code t} in {@code tab}, or of the empty place it would take. Tokens are told apart by identity:
         * an index's equal tokens are one object (made so as it is built), and a place another token took is passed
         * without reading that token (comparing it by value read it, a miss in the cache per place passed: 6% of a
         * change screening's CPU, JFR of {@code ChangeScreeningBenchmark}). A token equal to one in the row but another
         * object takes a place of its own, and is compared again, to the same result.
         */
        private static int slot(Object[] tab, NameToken t) {
            int mask = (tab.length >>> 1) - 1;
            int h = (t.hashCode() * 0x9E3779B9) >>> 11 & mask;
            for (Object k = tab[h << 1]; k != null; k = tab[h << 1]) {
                if (k == t) {
                    return h << 1;
                }
                h = (h + 1) & mask;
            }
            return h << 1;
        }

        private void put(int at, NameToken t, TokenSimilarity.Result r) {
            table[at] = t;
            table[at + 1] = r;
            if (++size * 4 > table.length) {
                // more than half the places taken: twice as many
                Object[] old = table;
                Object[] grown = new Object[old.length * 2];
                for (int i = 0; i < old.length; i += 2) {
                    if (old[i] != null) {
                        int s = slot(grown, (NameToken) old[i]);
                        grown[s] = old[i];
                        grown[s + 1] = old[i + 1];
                    }
                }
                table = grown;
            }
        }
    }

    private static String joinedText(List<NameToken> tokens, int from, int len) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < from + len; k++) {
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }

    /** As {@link #compare(NormalizedName, NormalizedName)}, remembering token comparisons in the memo (may be null). */
    public NameComparison compare(NormalizedName query, NormalizedName listed, Memo memo) {
        if (asWritten(query, listed)) {
            // two names in the same script compare as written: transliteration would blur what differs
            // (김종은 and 김정은 are two people; both come out as "Kim Jong Un" in some romanisations)
            return compare(query.nativeForm(), listed.nativeForm(), memo);
        }
        NameComparison best = null;
        NameForm bestQ = null;
        NameForm bestL = null;
        for (NameForm q : query.forms()) {
            for (NameForm l : listed.forms()) {
                NameComparison c = compare(q, l, memo);
                if (best == null || c.score() > best.score()) {
                    best = c;
                    bestQ = q;
                    bestL = l;
                }
            }
        }
        return DerivedForms.explain(InstitutionWords.explain(best, bestQ, bestL), bestQ, bestL);
    }

    /**
     * The score {@link #compare(NormalizedName, NormalizedName, Memo)} gives, to the last bit, without
     * writing its explanation, where that score is at least {@code cutoff}; where it is below, a value below
     * {@code cutoff} and at least the score. A query compares dozens of names in full and returns a few:
     * writing the pairs, unmatched words and rules of every one was a sizeable share of its cost, and a name
     * whose words could not reach the cutoff even if every run of them that could be joined matched is not
     * compared further ({@link #bound}). A cutoff of {@link Double#NEGATIVE_INFINITY} compares every name in full.
     */
    double score(NormalizedName query, NormalizedName listed, Memo memo, double cutoff) {
        // the best form's score, as compare(query, listed, memo) finds it, kept as a double: the change screening of a
        // delta bounds about 400,000 names a pass, and a comparison object for each bound was a sixth of what it allocated
        if (asWritten(query, listed)) {
            return score(query.nativeForm(), listed.nativeForm(), memo, cutoff);
        }
        List<NameForm> queryForms = query.forms();
        List<NameForm> listedForms = listed.forms();
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < queryForms.size(); i++) {
            for (int j = 0; j < listedForms.size(); j++) {
                best = Math.max(best, score(queryForms.get(i), listedForms.get(j), memo, cutoff));
            }
        }
        return best;
    }

    /** Whether two names are in the same script, one that transliteration would blur, and so compare as written. */
    private static boolean asWritten(NormalizedName query, NormalizedName listed) {
        return query.nativeScript() != null && query.nativeScript().equals(listed.nativeScript())
                && !TRANSLITERATES_WELL.contains(query.nativeScript());
    }

    private record Option(int[] q, int[] l, double score, String rule) {
    }

    /** Options best first; among equals, the one covering more tokens. Made once: it was made, and its key boxed, per comparison. */
    private static final Comparator<Option> BEST_FIRST = Comparator.comparingDouble(Option::score).reversed()
            .thenComparingInt(o -> -(o.q().length + o.l().length));

    public NameComparison compare(NameForm query, NameForm listed) {
        return compare(query, listed, null);
    }

    /** One form against another, explained. */
    private NameComparison compare(NameForm query, NameForm listed, Memo memo) {
        if (query.identifying().isEmpty() || listed.identifying().isEmpty()) {
            return NameComparison.NONE;
        }
        return compare(query, listed, runs(query, listed), memo, true);
    }

    /**
     * The score {@link #compare(NameForm, NameForm, Memo)} gives where it is at least {@code cutoff}; where the
     * {@link #bound} is below the cutoff, that bound (at least the score), without comparing further.
     */
    private double score(NameForm query, NameForm listed, Memo memo, double cutoff) {
        if (query.identifying().isEmpty() || listed.identifying().isEmpty()) {
            return NameComparison.NONE.score();
        }
        List<Option> runs = runs(query, listed);
        if (cutoff > 0) {
            double bound = bound(query, listed, runs, query.person() || listed.person(), memo);
            if (bound < cutoff) {
                return bound;
            }
        }
        return compare(query, listed, runs, memo, false).score();
    }

    /** The options that pair runs of words: initials and, for organisations, acronyms. */
    private static List<Option> runs(NameForm query, NameForm listed) {
        List<NameToken> q = query.identifying();
        List<NameToken> l = listed.identifying();
        List<Option> runs = new ArrayList<>();
        initialsRuns(q, l, runs, false);
        initialsRuns(l, q, runs, true);
        if (!(query.person() || listed.person())) {
            // acronyms are organisations' ("BUAA"); a short person name spelling initials is chance
            Option acronym = acronym(q, l);
            if (acronym != null) {
                runs.add(acronym);
            }
            acronymRuns(q, l, runs, false);
            acronymRuns(l, q, runs, true);
        }
        return runs;
    }

    /**
     * The comparison in full, with the {@link #runs} found.
     *
     * @param explain whether to write the pairs, unmatched words and rules; without, the comparison
     *                holds the score and coverages only (computed the same way)
     */
    private NameComparison compare(NameForm query, NameForm listed, List<Option> runs, Memo memo, boolean explain) {
        List<NameToken> q = query.identifying();
        List<NameToken> l = listed.identifying();
        boolean person = query.person() || listed.person();
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            Row row = memo == null ? null : memo.row(q.get(i));
            for (int j = 0; j < l.size(); j++) {
                TokenSimilarity.Result r = similarity(q, l, i, j, row, person);
                if (r.score() > 0) {
                    options.add(new Option(new int[] {i}, new int[] {j}, r.score(), r.rule()));
                }
            }
        }
        joined(query, listed, options, false, memo);
        joined(listed, query, options, true, memo);
        // in the order they were always added: the sort below is stable, and among equal options the first is paired
        options.addAll(runs);
        // best first; among equals, the one covering more tokens
        options.sort(BEST_FIRST);
        boolean[] usedQ = new boolean[q.size()];
        boolean[] usedL = new boolean[l.size()];
        double[] simQ = new double[q.size()];
        double[] simL = new double[l.size()];
        List<NameComparison.Pair> pairs = new ArrayList<>();
        int[] partnerQ = new int[q.size()];
        java.util.Arrays.fill(partnerQ, -1);
        for (Option o : options) {
            if (anyUsed(usedQ, o.q()) || anyUsed(usedL, o.l())) {
                continue;
            }
            double contribution = contribution(o, q.size() == 1 && l.size() == 1);
            for (int i : o.q()) {
                usedQ[i] = true;
                simQ[i] = contribution;
            }
            for (int j : o.l()) {
                usedL[j] = true;
                simL[j] = contribution;
            }
            if (o.q().length == 1 && o.l().length == 1) {
                partnerQ[o.q()[0]] = o.l()[0];
            }
            if (explain) {
                pairs.add(new NameComparison.Pair(text(q, o.q()), text(l, o.l()), o.score(), o.rule()));
            }
        }
        double totalQ = 0;
        double matchedQ = 0;
        double bestWeight = 0;
        for (int i = 0; i < q.size(); i++) {
            double w = weights.weight(q.get(i));
            totalQ += w;
            matchedQ += w * simQ[i];
            if (simQ[i] > 0) {
                bestWeight = Math.max(bestWeight, w);
            }
        }
        double totalL = 0;
        double matchedL = 0;
        for (int j = 0; j < l.size(); j++) {
            double w = weights.weight(l.get(j));
            totalL += w;
            matchedL += w * simL[j];
            if (simL[j] > 0) {
                bestWeight = Math.max(bestWeight, w);
            }
        }
        double covQ = totalQ == 0 ? 0 : matchedQ / totalQ;
        double covL = totalL == 0 ? 0 : matchedL / totalL;
        // one name contained in the other ("Sergey Lavrov" in "Sergey Viktorovich Lavrov") is a likely match;
        // each name having words the other lacks ("Mohamed" against "Ali") is a conflict, and costs more
        List<String> rules = explain ? new ArrayList<>() : UNWRITTEN;
        double minShare = person ? PERSON_MIN_SHARE : MIN_SHARE;
        double score = minShare * Math.min(covQ, covL) + (1 - minShare) * Math.max(covQ, covL);
        if (conflicting(q, usedQ) && conflicting(l, usedL)) {
            double penalty = CONFLICT_BASE + CONFLICT * Math.min(1 - covQ, 1 - covL);
            score -= penalty;
            rules.add("both names have words the other lacks: -" + twoDecimals(penalty));
        }
        List<String> unmatched = new ArrayList<>();
        if (explain) {
            for (int i = 0; i < q.size(); i++) {
                if (!usedQ[i]) {
                    unmatched.add("query:" + q.get(i).text());
                }
            }
            for (int j = 0; j < l.size(); j++) {
                if (!usedL[j]) {
                    unmatched.add("list:" + l.get(j).text());
                }
            }
        }
        score = numbers(q, l, usedQ, usedL, simQ, simL, score, rules);
        if (unmatchedPatronymic(q, usedQ) && unmatchedPatronymic(l, usedL)) {
            score -= 0.15;
            rules.add("patronymics differ: -0.15");
        }
        score = PatronymicChains.order(q, l, partnerQ, score, rules);
        if (Math.min(q.size(), l.size()) == 1 && Math.max(q.size(), l.size()) >= 2 && !(allUsed(usedQ) && allUsed(usedL))) {
            // a single word ("John", "Adam", "Khattab") found inside a longer name is weak evidence
            double single = SINGLE_WORD_SHARE * Math.min(covQ, covL) + (1 - SINGLE_WORD_SHARE) * Math.max(covQ, covL);
            double factor = Math.max(q.size(), l.size()) >= 3 ? 0.85 : 1.0;
            if (single * factor < score) {
                score = single * factor;
                rules.add("one word against a name of " + Math.max(q.size(), l.size()) + ": weighed as " + twoDecimals(score));
            }
        }
        score = InstitutionRules.apply(q, l, usedQ, usedL, simQ, simL, weights, score, rules);
        if (score > COMMON_ONLY_CAP && bestWeight < DISTINCTIVE && unmatchedWeight(q, usedQ, l, usedL) > 0.2) {
            score = COMMON_ONLY_CAP;
            rules.add("only common words matched: capped at " + twoDecimals(COMMON_ONLY_CAP));
        }
        score = legalForms(query.legalForms(), listed.legalForms(), score, rules);
        score = Math.max(0, Math.min(1, score));
        return new NameComparison(score, pairs, unmatched, rules, covQ, covL);
    }

    /**
     * At least the score {@link #compare(NameForm, NameForm, List, Memo, boolean)} gives, from the options
     * found so far (single words, initials, acronyms) and, for every token that {@link #joined} could pair
     * as part of a joined run, the most such a run adds ({@link #joinable}), without comparing any run. It
     * holds because a token's contribution is at most that of an option covering it, the blend of the two coverages
     * grows with each, and every rule after the blend only lowers the score (penalties, caps, minima, the
     * numbers' factor, which lowers whatever is not negative) before it is clamped to [0, 1].
     */
    private double bound(NameForm query, NameForm listed, List<Option> runs, boolean person, Memo memo) {
        List<NameToken> q = query.identifying();
        List<NameToken> l = listed.identifying();
        double[] bestQ = memo == null ? new double[q.size()] : memo.bestQ(q.size());
        double[] bestL = memo == null ? new double[l.size()] : memo.bestL(l.size());
        boolean single = q.size() == 1 && l.size() == 1;
        // the single words' options, read straight from their similarities: most names compared stop at this bound,
        // and the options (with their arrays) were much of what the delta's change screening allocated
        for (int i = 0; i < q.size(); i++) {
            Row row = memo == null ? null : memo.row(q.get(i));
            for (int j = 0; j < l.size(); j++) {
                TokenSimilarity.Result r = similarity(q, l, i, j, row, person);
                if (r.score() > 0) {
                    double contribution = contribution(r.score(), r.misspelt(), single);
                    bestQ[i] = Math.max(bestQ[i], contribution);
                    bestL[j] = Math.max(bestL[j], contribution);
                }
            }
        }
        raise(runs, bestQ, bestL, single);
        joinable(query, listed, bestQ, bestL);
        joinable(listed, query, bestL, bestQ);
        double covQ = coverage(q, bestQ);
        double covL = coverage(l, bestL);
        double minShare = person ? PERSON_MIN_SHARE : MIN_SHARE;
        double blend = minShare * Math.min(covQ, covL) + (1 - minShare) * Math.max(covQ, covL);
        return Math.max(0, Math.min(1, blend));
    }

    /** The share of the tokens' weight the similarities cover, summed in the order the comparison sums it. */
    private double coverage(List<NameToken> tokens, double[] sims) {
        double total = 0;
        double matched = 0;
        for (int i = 0; i < tokens.size(); i++) {
            double w = weights.weight(tokens.get(i));
            total += w;
            matched += w * sims[i];
        }
        return total == 0 ? 0 : matched / total;
    }

    /** Each token's best option score so far. */
    private static void raise(List<Option> options, double[] bestQ, double[] bestL, boolean single) {
        for (int k = 0; k < options.size(); k++) {
            Option o = options.get(k);
            double contribution = contribution(o, single);
            for (int i : o.q()) {
                bestQ[i] = Math.max(bestQ[i], contribution);
            }
            for (int j : o.l()) {
                bestL[j] = Math.max(bestL[j], contribution);
            }
        }
    }

    /**
     * What an option adds for each token it pairs: a misspelt word beside others that match counts less
     * than its similarity, since that is where different names hide; a name of one word each way
     * ({@code single}) has nothing else to go by.
     */
    private static double contribution(Option o, boolean single) {
        return contribution(o.score(), TokenSimilarity.misspelling(o.rule()), single);
    }

    private static double contribution(double score, boolean misspelt, boolean single) {
        return misspelt && !single ? score * score : score;
    }

    /** The similarity of the query's {@code i}th token and the listed name's {@code j}th, from the query token's memo row if any. */
    private static TokenSimilarity.Result similarity(List<NameToken> q, List<NameToken> l, int i, int j, Row row, boolean person) {
        return row == null ? TokenSimilarity.compare(q.get(i), l.get(j), person) : row.compare(l.get(j), person);
    }

    /** The most a joined run adds for each token it pairs when it is not the very same word as the other. */
    private static final double JOINED_NOT_EXACT = 0.95;

    /**
     * Raises to what a joined run can add (1, or {@link #JOINED_NOT_EXACT}) the best of every token {@link #joined}
     * would compare as part of a run of {@code a} joined and of the single token of {@code b} it would compare
     * it with, for the pairs that the tests of
     * length, letters and first letter every rule of {@link TokenSimilarity#compare(Word, Word, boolean)}
     * makes first do not rule out ({@link TokenSimilarity#joinedCouldMatch}): the run is never written out.
     */
    private static void joinable(NameForm aForm, NameForm bForm, double[] bestA, double[] bestB) {
        List<NameToken> a = aForm.identifying();
        List<NameToken> b = bForm.identifying();
        JoinableRuns runs = aForm.joinableRuns();
        int longest = bForm.joinableRuns().longestWord;
        // forEachRun's walk, written out: a visitor capturing this bound's arrays was made for every bound
        for (int r = 0; r < runs.count; r++) {
            int joinedLength = runs.joinedLength[r];
            if (longest < joinedLength - 2) {
                continue;
            }
            int i = runs.from[r];
            int len = runs.length[r];
            boolean abjad = runs.abjad[r];
            int letters = runs.letters[r];
            double any = 0;
            for (int j = 0; j < b.size(); j++) {
                NameToken t = b.get(j);
                if (t.kind() == TokenKind.WORD && t.text().length() >= joinedLength - 2
                        && TokenSimilarity.joinedCouldMatch(a, i, len, joinedLength, letters, abjad || t.abjad(), t)) {
                    // only the very same word adds 1; every other rule a run can meet adds at most 0.95
                    // (a spelling variant, the same consonants), and the misspellings less
                    double most = joinedLength == t.text().length() && letters == t.letters() ? 1 : JOINED_NOT_EXACT;
                    bestB[j] = Math.max(bestB[j], most);
                    any = Math.max(any, most);
                }
            }
            for (int k = i; k < i + len; k++) {
                bestA[k] = Math.max(bestA[k], any);
            }
        }
    }

    /** A run of adjacent words of one name, as {@link #forEachRun} finds it. */
    @FunctionalInterface
    private interface RunVisitor {
        /**
         * @param letters the run's letters, {@link Word#letters()} of its words together
         * @param abjad   whether a word of it is written in an abjad
         */
        void run(int from, int len, int joinedLength, boolean abjad, int letters);
    }

    /**
     * Every run of two or three adjacent words (or initials) of {@code a} that a word of {@code b} is long
     * enough to be, joined: {@link #joined} compares these, and {@link #joinable} bounds what they add.
     */
    private static void forEachRun(JoinableRuns a, JoinableRuns b, RunVisitor visitor) {
        for (int r = 0; r < a.count; r++) {
            if (b.longestWord >= a.joinedLength[r] - 2) {
                // else no word on the other side is long enough to be the run joined: it is not built
                visitor.run(a.from[r], a.length[r], a.joinedLength[r], a.abjad[r], a.letters[r]);
            }
        }
    }

    /** Adjacent tokens of {@code a} joined, against single tokens of {@code b}: "hua wei" / "huawei". */
    private static void joined(NameForm aForm, NameForm bForm, List<Option> options, boolean swapped, Memo memo) {
        List<NameToken> a = aForm.identifying();
        List<NameToken> b = bForm.identifying();
        forEachRun(aForm.joinableRuns(), bForm.joinableRuns(), (i, len, joinedLength, abjad, letters) -> {
            Row row = memo == null ? null : memo.run(a, i, len);
            Word joined = row != null ? row.word : new Word(joinedText(a, i, len));
            int[] run = null;
            for (int j = 0; j < b.size(); j++) {
                NameToken t = b.get(j);
                if (t.kind() != TokenKind.WORD || t.text().length() < joinedLength - 2) {
                    continue;
                }
                TokenSimilarity.Result r = row == null ? TokenSimilarity.compare(joined, t, abjad || t.abjad())
                        : row.compareJoined(t, abjad);
                if (r.score() >= TokenSimilarity.FLOOR && !r.rule().equals("abbreviation")) {
                    String rule = "joined " + r.rule();
                    if (r.misspelt() && r.score() > 0.85) {
                        // syllables joined and then misspelt: "jia rong" is not "jiadong"
                        r = new TokenSimilarity.Result(0.85, r.rule());
                    }
                    boolean abjadCompound = abjad && joined.skeleton().length() >= 4;
                    if (r.rule().contains("consonants") && !abjadCompound) {
                        // joining Latin words and then dropping their vowels finds far too much; an Arabic
                        // compound written as two words ("عبد الله" / "Abdullah") is the case it is for
                        r = new TokenSimilarity.Result(Math.min(r.score(), 0.85), r.rule());
                        rule = "joined similar consonants";
                    }
                    if (run == null) {
                        run = new int[len];
                        for (int k = 0; k < len; k++) {
                            run[k] = i + k;
                        }
                    }
                    options.add(swapped ? new Option(new int[] {j}, run, r.score(), rule)
                            : new Option(run, new int[] {j}, r.score(), rule));
                }
            }
        });
    }

    /** A single short token that is the initials of the other name's words: "BUAA", "NUDT". */
    private static Option acronym(List<NameToken> q, List<NameToken> l) {
        if (q.size() == 1 && l.size() >= 2) {
            String a = initials(l);
            if (a != null && a.equals(q.get(0).text())) {
                return new Option(new int[] {0}, range(l.size()), 0.9, "acronym");
            }
        }
        if (l.size() == 1 && q.size() >= 2) {
            String a = initials(q);
            if (a != null && a.equals(l.get(0).text())) {
                return new Option(range(q.size()), new int[] {0}, 0.9, "acronym");
            }
        }
        return null;
    }

    /** A short word that spells the first letters of a run of words on the other side: "US" / "United States". */
    private static void acronymRuns(List<NameToken> a, List<NameToken> b, List<Option> options, boolean swapped) {
        for (int i = 0; i < a.size(); i++) {
            NameToken t = a.get(i);
            int len = t.text().length();
            // two letters spell too many things; only those that are no common particle ("us", not "al")
            boolean shortOk = len == 2 && CommonWords.INSTANCE.weight(t) >= 0.5;
            if (t.kind() != TokenKind.WORD || (len < 3 && !shortOk) || len > 6 || len > b.size()) {
                continue;
            }
            for (int j = 0; j + len <= b.size(); j++) {
                boolean all = true;
                for (int k = 0; k < len && all; k++) {
                    NameToken w = b.get(j + k);
                    all = w.kind() == TokenKind.WORD && !w.text().isEmpty() && w.text().charAt(0) == t.text().charAt(k);
                }
                if (all) {
                    int[] rb = new int[len];
                    for (int k = 0; k < len; k++) {
                        rb[k] = j + k;
                    }
                    int[] ra = {i};
                    options.add(swapped ? new Option(rb, ra, 0.9, "acronym") : new Option(ra, rb, 0.9, "acronym"));
                }
            }
        }
    }

    /** A run of initials against a run of words with those first letters: "U S" / "United States". */
    private static void initialsRuns(List<NameToken> a, List<NameToken> b, List<Option> options, boolean swapped) {
        for (int i = 0; i < a.size(); i++) {
            int end = i;
            while (end < a.size() && a.get(end).kind() == TokenKind.INITIAL) {
                end++;
            }
            int len = end - i;
            if (len < 2) {
                continue;
            }
            for (int j = 0; j + len <= b.size(); j++) {
                boolean all = true;
                for (int k = 0; k < len && all; k++) {
                    NameToken w = b.get(j + k);
                    all = w.kind() == TokenKind.WORD && w.text().charAt(0) == a.get(i + k).text().charAt(0);
                }
                if (all) {
                    int[] ra = new int[len];
                    int[] rb = new int[len];
                    for (int k = 0; k < len; k++) {
                        ra[k] = i + k;
                        rb[k] = j + k;
                    }
                    options.add(swapped ? new Option(rb, ra, 0.9, "initials") : new Option(ra, rb, 0.9, "initials"));
                }
            }
            i = end - 1;
        }
    }

    private static String initials(List<NameToken> tokens) {
        StringBuilder sb = new StringBuilder();
        for (NameToken t : tokens) {
            if (t.kind() == TokenKind.NUMBER || t.text().isEmpty()) {
                return null;
            }
            if (CommonWords.INSTANCE.weight(t) > 0.15) {
                sb.append(t.text().charAt(0));
            }
        }
        return sb.length() >= 2 ? sb.toString() : null;
    }

    private static double numbers(List<NameToken> q, List<NameToken> l, boolean[] usedQ, boolean[] usedL,
                                  double[] simQ, double[] simL, double score, List<String> rules) {
        if (!hasNumber(q) || !hasNumber(l)) {
            return score;
        }
        for (int i = 0; i < q.size(); i++) {
            if (q.get(i).kind() == TokenKind.NUMBER && simQ[i] < 1) {
                rules.add("numbers differ: x0.7");
                return score * 0.7;
            }
        }
        for (int j = 0; j < l.size(); j++) {
            if (l.get(j).kind() == TokenKind.NUMBER && simL[j] < 1) {
                rules.add("numbers differ: x0.7");
                return score * 0.7;
            }
        }
        return score;
    }

    private static boolean hasNumber(List<NameToken> tokens) {
        for (NameToken t : tokens) {
            if (t.kind() == TokenKind.NUMBER) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code String.format(Locale.ROOT, "%.2f", x)} for the explanation's figures, without the
     * formatter: every candidate compared in full gets its rules written, and the formatter was a
     * twentieth of a query's cost. Same digits: the shortest decimal of the double, rounded half up.
     */
    static String twoDecimals(double x) {
        if (!Double.isFinite(x) || x < 0 || x > 1e6) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        double hundredths = x * 100;
        double whole = Math.floor(hundredths);
        double fraction = hundredths - whole;
        if (Math.abs(fraction - 0.5) > 1e-6) {
            // far from a tie, the double's own digits and its shortest decimal round the same way
            long v = (long) whole + (fraction > 0.5 ? 1 : 0);
            long cents = v % 100;
            return (v / 100) + (cents < 10 ? ".0" : ".") + cents;
        }
        return new java.math.BigDecimal(Double.toString(x)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static double legalForms(List<NameToken> q, List<NameToken> l, double score, List<String> rules) {
        if (q.isEmpty() || l.isEmpty()) {
            return score;
        }
        for (NameToken a : q) {
            for (NameToken b : l) {
                if (LegalForms.family(a.text()).equals(LegalForms.family(b.text()))) {
                    rules.add("legal forms agree (" + a.text() + "/" + b.text() + ")");
                    return score;
                }
            }
        }
        rules.add("legal forms differ (" + q.get(0).text() + "/" + l.get(0).text() + "): -0.1");
        return score - 0.1;
    }

    /** Whether an unmatched token carries identity (more than a particle such as "al" or "de"). */
    private boolean conflicting(List<NameToken> tokens, boolean[] used) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && weights.weight(tokens.get(i)) >= 0.3) {
                return true;
            }
        }
        return false;
    }

    private static boolean unmatchedPatronymic(List<NameToken> tokens, boolean[] used) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && CommonWords.patronymic(tokens.get(i).text())) {
                return true;
            }
        }
        return false;
    }

    private double unmatchedWeight(List<NameToken> q, boolean[] usedQ, List<NameToken> l, boolean[] usedL) {
        double w = 0;
        for (int i = 0; i < q.size(); i++) {
            if (!usedQ[i]) {
                w += weights.weight(q.get(i));
            }
        }
        for (int j = 0; j < l.size(); j++) {
            if (!usedL[j]) {
                w += weights.weight(l.get(j));
            }
        }
        return w;
    }

    private static boolean allUsed(boolean[] used) {
        for (boolean u : used) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyUsed(boolean[] used, int[] idx) {
        for (int i : idx) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }

    private static String text(List<NameToken> tokens, int[] idx) {
        StringBuilder sb = new StringBuilder();
        for (int i : idx) {
            sb.append(sb.isEmpty() ? "" : " ").append(tokens.get(i).text());
        }
        return sb.toString();
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
