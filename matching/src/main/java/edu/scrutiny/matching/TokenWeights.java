package edu.scrutiny.matching;

/**
 * How much a token says about identity. Distinctive words weigh much ("Huawei"), common ones little
 * ("university", "technology", "Mohammed"), initials little. An index derives the weights from
 * document frequency over the lists it holds; without an index, {@link #defaults()} knows the
 * words that are common in listed names.
 */
public interface TokenWeights {

    /** The weight of a word, about 1 for an ordinary distinctive word, down to 0.15 for the most common. */
    double weight(NameToken token);

    /** Built-in weights for comparing names without an index. */
    static TokenWeights defaults() {
        return CommonWords.INSTANCE;
    }
}
