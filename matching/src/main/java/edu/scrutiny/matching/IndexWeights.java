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

    private final Map<String, Integer> documentFrequency;
    private final double names;
    private final double reference;
    private final double alpha;

    IndexWeights(Map<String, Integer> documentFrequency, int names) {
        this.documentFrequency = documentFrequency;
        this.names = Math.max(1, names);
        this.reference = Math.log1p(this.names / Math.max(1.0, this.names * 0.001));
        this.alpha = this.names / (this.names + HALF_WEIGHT_NAMES);
    }

    @Override
    public double weight(NameToken token) {
        double prior = CommonWords.INSTANCE.weight(token);
        if (token.kind() != TokenKind.WORD) {
            return prior;
        }
        Integer df = documentFrequency.get(token.text());
        double idf = df == null ? 1.0 : Math.min(1.3, Math.max(0.15, Math.log1p(names / df) / reference));
        return alpha * Math.min(idf, prior + 0.3) + (1 - alpha) * prior;
    }
}
