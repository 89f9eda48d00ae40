package edu.scrutiny.matching;

import java.util.List;
import java.util.Set;

/**
 * Arabic, Berber and Malay names chain a person to the father and grandfather with a connecting word:
 * "Ahmed bin Salman" is Ahmed, son of Salman. The order of such a chain carries meaning, so "Salman
 * bin Ahmed" (Salman, son of Ahmed) is another person though the words are the same, and the comparer,
 * which otherwise pairs words regardless of order, must see it. Reordering the rest of the name
 * (a family name put first) changes nothing here: only a child and parent found the other way round
 * on the other side count.
 *
 * <p>The connecting words are those of the naming customs (Schimmel, <i>Islamic Names</i>; the UN
 * list's own transliterations): bin, ibn, ben, bint, binti, binte, ould, wuld, walad.
 */
final class PatronymicChains {
    /** Subtracted when a chain is found reversed: enough to part two names that agree word for word. */
    static final double REVERSED = 0.3;
    private static final Set<String> CONNECTORS = Set.of("bin", "ibn", "ben", "bint", "binti", "binte", "ould", "wuld", "walad");

    private PatronymicChains() {
    }

    /**
     * The score, lowered when a child and parent of one name's chain are parent and child in the other's.
     *
     * @param partnerQ for each query token, the listed token it was paired with alone, or -1
     */
    static double order(List<NameToken> q, List<NameToken> l, int[] partnerQ, double score, List<String> rules) {
        if (!hasConnector(q) || !hasConnector(l)) {
            return score;
        }
        for (int c = 1; c + 1 < q.size(); c++) {
            if (!CONNECTORS.contains(q.get(c).text())) {
                continue;
            }
            int child = partnerQ[c - 1];
            int parent = partnerQ[c + 1];
            if (child >= 0 && parent >= 0 && isChildOf(l, parent, child)) {
                rules.add(String.format(java.util.Locale.ROOT, "patronymic chain reversed (%s %s %s / %s %s %s): -%.2f",
                        q.get(c - 1).text(), q.get(c).text(), q.get(c + 1).text(),
                        l.get(parent).text(), l.get(parent + 1).text(), l.get(child).text(), REVERSED));
                return score - REVERSED;
            }
        }
        return score;
    }

    /** Whether the listed name says "tokens[child'] connector tokens[parent']" with child' = a and parent' = b. */
    private static boolean isChildOf(List<NameToken> tokens, int a, int b) {
        return b == a + 2 && CONNECTORS.contains(tokens.get(a + 1).text());
    }

    private static boolean hasConnector(List<NameToken> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (CONNECTORS.contains(tokens.get(i).text())) {
                return true;
            }
        }
        return false;
    }
}
