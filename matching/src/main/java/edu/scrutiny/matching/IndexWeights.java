package edu.scrutiny.matching;

import java.util.Map;

/**
 * Token weights from document frequency over the names an index holds: a word in one name in a
 * thousand weighs about 1, rarer ones up to 1.3, and a word in one name in ten about 0.35. For
 * small lists, where frequencies say little, the built-in {@link CommonWords} weigh in: the
 * blend moves from them to the index's own frequencies as the index grows.
 */
final class IndexWeights implements TokenWeights {
    /** Names at which the index's own frequencies and the built-in ones count equally. */
    private static final double HALF_WEIGHT_NAMES = 20_000;

    /** Weights of the words the index holds, computed once; words it does not hold weigh as rare ones. */
    private final Map<String, Double> weights;
    private final double alpha;

    IndexWeights(Map<String, Integer> documentFrequency, int names) {
        double n = Math.max(1, names);
        double reference = Math.log1p(n / Math.max(1.0, n * 0.001));
        this.alpha = n / (n + HALF_WEIGHT_NAMES);
        this.weights = new java.util.HashMap<>(documentFrequency.size() * 2);
        documentFrequency.forEach((word, df) -> {
            double idf = Math.min(1.3, Math.max(0.15, Math.log1p(n / df) / reference));
            double prior = CommonWords.INSTANCE.weight(new NameToken(word, TokenKind.WORD, false));
            weights.put(word, alpha * Math.min(idf, prior + 0.3) + (1 - alpha) * prior);
        });
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
        Double w = weights.get(token.text());
        if (w != null) {
            return w;
        }
        double prior = CommonWords.INSTANCE.weight(token);
        return alpha * Math.min(1.0, prior + 0.3) + (1 - alpha) * prior;
    }
}
