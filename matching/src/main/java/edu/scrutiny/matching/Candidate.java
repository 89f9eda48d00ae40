package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;

import java.util.List;
import java.util.Locale;

/**
 * A list entry found for a query, with its score and how it was reached.
 *
 * @param entry       the list entry
 * @param score       from 0 to 1, after country and birth-date adjustments
 * @param nameScore   the score of the names alone
 * @param matchedName the entry's name or alias that matched best
 * @param comparison  how the names compared: parts paired, their scores, rules applied
 * @param adjustments what else moved the score (country, birth date), in words
 */
public record Candidate(ListEntry entry, double score, double nameScore, String matchedName,
                        NameComparison comparison, List<String> adjustments) {
    public Candidate {
        adjustments = List.copyOf(adjustments);
    }

    /** The explanation in one line: names compared, parts paired, rules and adjustments. */
    public String explain() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "name %.2f: %s", nameScore, comparison.explain()));
        for (String a : adjustments) {
            sb.append("; ").append(a);
        }
        return sb.toString();
    }
}
