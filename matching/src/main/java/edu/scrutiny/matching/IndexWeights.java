package edu.scrutiny.matching;

import edu.scrutiny.matching.internal.StringIds;

/**
 * Token weights from document frequency over the names an index holds: a word in one name in a
 * thousand weighs about 1, rarer ones up to 1.3, and a word in one name in ten about 0.35. For
 * small lists, where frequencies say little, the built-in {@link CommonWords} weigh in: the
 * blend moves from them to the index's own frequencies as the index grows.
 */
final class IndexWeights implements TokenWeights {
    /** Names at which the index's own frequencies and the built-in ones count equally. */
    private static final double HALF_WEIGHT_NAMES = 20_000;

    /** The index's vocabulary: the words' numbers in {@link #weights}. */
    private final StringIds vocabulary;
    /**
     * Weights of the words the index holds, computed once, by their numbers in the vocabulary (NaN for a key
     * that is no word of a name: a joined run, initials); words it does not hold weigh as rare ones.
     */
    private final double[] weights;
    private final double alpha;

    /**
     * @param vocabulary        the index's keys
     * @param documentFrequency how many names hold each key as a word (0 for a key that is no word)
     */
    IndexWeights(StringIds vocabulary, int[] documentFrequency, int names) {
        double n = Math.max(1, names);
        double reference = Math.log1p(n / Math.max(1.0, n * 0.001));
        this.vocabulary = vocabulary;
        this.alpha = n / (n + HALF_WEIGHT_NAMES);
        this.weights = new double[documentFrequency.length];
        for (int id = 0; id < weights.length; id++) {
            int df = documentFrequency[id];
            if (df == 0) {
                weights[id] = Double.NaN;
                continue;
            }
            double idf = Math.min(1.3, Math.max(0.15, Math.log1p(n / df) / reference));
            double prior = CommonWords.INSTANCE.weight(new NameToken(vocabulary.text(id), TokenKind.WORD, false));
            weights[id] = alpha * Math.min(idf, prior + 0.3) + (1 - alpha) * prior;
        }
    }

    /**
     * The token remembers the weight last given it and by which weights: an index's tokens are one
     * object each and are weighed again in every comparison they take part in, a query's in every
     * candidate compared; the look-up in the map below was a twentieth of a query's cost.
     */
    @Override
    public double weight(NameToken token) {
        Word.WeightSeen seen = token.weightSeen();
        if (seen != null && seen.by() == this) {
            return seen.weight();
        }
        double w = lookUp(token);
        token.weightSeen(new Word.WeightSeen(this, w));
        return w;
    }

    private double lookUp(NameToken token) {
        if (token.kind() != TokenKind.WORD) {
            return CommonWords.INSTANCE.weight(token);
        }
        int id = vocabulary.get(token.text());
        if (id >= 0 && !Double.isNaN(weights[id])) {
            return weights[id];
        }
        double prior = CommonWords.INSTANCE.weight(token);
        return alpha * Math.min(1.0, prior + 0.3) + (1 - alpha) * prior;
    }
}
