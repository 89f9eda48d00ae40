package edu.scrutiny.matching;

import java.util.List;
import java.util.Locale;

/**
 * The comparison of two names, with its reasons: which parts were paired, how each pair scored,
 * and which rules applied.
 *
 * @param score    from 0 (nothing alike) to 1 (the same name)
 * @param pairs    the token pairs, best first; tokens left unpaired are listed in {@code unmatched}
 * @param unmatched tokens of either name that found no partner, as {@code query:word} or {@code list:word}
 * @param rules    rules that raised or lowered the score, in words
 * @param queryCoverage share of the query name's weight that was matched
 * @param listCoverage  share of the listed name's weight that was matched
 */
public record NameComparison(double score, List<Pair> pairs, List<String> unmatched, List<String> rules,
                             double queryCoverage, double listCoverage) {

    public static final NameComparison NONE = new NameComparison(0, List.of(), List.of(), List.of("no comparable words"), 0, 0);

    public NameComparison {
        pairs = List.copyOf(pairs);
        unmatched = List.copyOf(unmatched);
        rules = List.copyOf(rules);
    }

    /**
     * Parts of the two names paired with each other.
     *
     * @param query  the query's part (one token, or adjacent tokens joined)
     * @param listed the listed name's part
     * @param score  how alike they are
     * @param rule   why: exact, typo, spelling variant, same consonants, initial, abbreviation, joined...
     */
    public record Pair(String query, String listed, double score, String rule) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s~%s %.2f %s", query, listed, score, rule);
        }
    }

    /** One line for people: pairs, unmatched parts and rules. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        for (Pair p : pairs) {
            sb.append(sb.isEmpty() ? "" : "; ").append(p);
        }
        if (!unmatched.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "; ").append("unmatched ").append(String.join(" ", unmatched));
        }
        for (String r : rules) {
            sb.append(sb.isEmpty() ? "" : "; ").append(r);
        }
        return sb.toString();
    }
}
