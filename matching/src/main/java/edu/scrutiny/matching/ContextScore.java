package edu.scrutiny.matching;

import edu.scrutiny.lists.ListEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What else than the name moves a score: countries and dates of birth, when both the query and
 * the entry give them. Agreement raises the score a little, disagreement lowers it more: an
 * entry's countries and dates are incomplete far more often than they are wrong.
 */
final class ContextScore {
    static final double COUNTRY_AGREES = 0.03;
    static final double COUNTRY_DIFFERS = -0.08;
    /**
     * Institutions of one name in two countries are two institutions (the National Defense University
     * of the United States and of China; National Sun Yat-sen University in Taiwan and Sun Yat-sen
     * University): a name alone must not make them one.
     */
    static final double INSTITUTION_COUNTRY_DIFFERS = -0.25;
    static final double BIRTH_DATE_AGREES = 0.05;
    static final double BIRTH_YEAR_AGREES = 0.02;
    /** The most the context adds to a name's score: its country and its birth date agree. */
    static final double MOST_ADDED = COUNTRY_AGREES + BIRTH_DATE_AGREES;
    static final double BIRTH_YEAR_CLOSE = -0.03;
    static final double BIRTH_DATE_DIFFERS = -0.15;

    private ContextScore() {
    }

    record Adjusted(double score, List<String> adjustments) {
    }

    static Adjusted adjust(ScreeningQuery query, ListEntry entry, double nameScore) {
        return adjust(query, entry, nameScore, false);
    }

    /**
     * @param institution whether the names compared are institutions' (universities, institutes...),
     *                    for which differing countries weigh more
     */
    static Adjusted adjust(ScreeningQuery query, ListEntry entry, double nameScore, boolean institution) {
        List<String> notes = new ArrayList<>(2);
        double score = apply(query, entry, nameScore, institution, notes);
        return new Adjusted(score, notes);
    }

    /** The score {@link #adjust(ScreeningQuery, ListEntry, double, boolean)} gives, without writing its notes. */
    static double adjustedScore(ScreeningQuery query, ListEntry entry, double nameScore, boolean institution) {
        return apply(query, entry, nameScore, institution, null);
    }

    /**
     * The least name score that the context of this query and entry can bring to {@code minScore} (less a
     * margin for the sums' rounding): a name scoring under it does not reach {@code minScore}, whatever it
     * is compared against. Where the countries differ, the context takes away, and the name must score more
     * than {@code minScore} itself. Exhaustive screenings compare a name only as far as this shows it cannot
     * reach {@code minScore}: against the entries of another country, most names of a list version's change
     * stop at the comparer's bound.
     *
     * <p>Whether the countries agree ({@link #countries}) is worked out by the caller: {@link ScreeningIndex} keeps
     * each entry's countries as small numbers, since an exhaustive screening needs them for every name it meets, and
     * reading them from each entry's list of strings fetched a few more objects from memory per name (3-5% of a change
     * screening, 2026-12-05).
     */
    static double nameScoreNeeded(ScreeningQuery query, ListEntry entry, Countries countries, double minScore, boolean institution) {
        return minScore - (countryAdjustment(countries, institution) + birthAdjustment(query, entry, null)) - 1e-9;
    }

    /** How a query's countries and an entry's compare. */
    enum Countries {
        /** The query or the entry gives none: the countries add nothing. */
        UNKNOWN,
        /** The entry's hold one of the query's. */
        AGREE,
        /** Both give some, and none is shared. */
        DIFFER
    }

    static Countries countries(ScreeningQuery query, ListEntry entry) {
        if (query.countries().isEmpty() || entry.countries().isEmpty()) {
            return Countries.UNKNOWN;
        }
        return sharesCountry(query.countries(), entry.countries()) ? Countries.AGREE : Countries.DIFFER;
    }

    private static double countryAdjustment(Countries countries, boolean institution) {
        return switch (countries) {
            case UNKNOWN -> 0;
            case AGREE -> COUNTRY_AGREES;
            case DIFFER -> institution ? INSTITUTION_COUNTRY_DIFFERS : COUNTRY_DIFFERS;
        };
    }

    /** The adjusted score; what moved it is written to {@code notes} unless that is null. */
    private static double apply(ScreeningQuery query, ListEntry entry, double nameScore, boolean institution, List<String> notes) {
        double score = nameScore;
        // each adjustment is 0 where it does not apply: adding it leaves the score as it was, to the last bit
        score += countryAdjustment(query, entry, institution, notes);
        score += birthAdjustment(query, entry, notes);
        return Math.max(0, Math.min(1, score));
    }

    /** What the countries add (0 unless both the query and the entry give some); written to {@code notes} unless null. */
    private static double countryAdjustment(ScreeningQuery query, ListEntry entry, boolean institution, List<String> notes) {
        Countries countries = countries(query, entry);
        double adjustment = countryAdjustment(countries, institution);
        if (notes == null || countries == Countries.UNKNOWN) {
            return adjustment;
        }
        if (countries == Countries.AGREE) {
            List<String> shared = query.countries().stream()
                    .map(c -> c.toUpperCase(Locale.ROOT)).filter(entry.countries()::contains).toList();
            notes.add(String.format(Locale.ROOT, "country agrees (%s): +%.2f", String.join(",", shared), COUNTRY_AGREES));
        } else if (institution) {
            notes.add(String.format(Locale.ROOT, "countries differ (query %s, list %s): an institution of the same name"
                            + " in another country is another institution, so a match needs much more evidence: %.2f",
                    String.join(",", query.countries()), String.join(",", entry.countries()), INSTITUTION_COUNTRY_DIFFERS));
        } else {
            notes.add(String.format(Locale.ROOT, "countries differ (query %s, list %s): %.2f",
                    String.join(",", query.countries()), String.join(",", entry.countries()), COUNTRY_DIFFERS));
        }
        return adjustment;
    }

    /** What the birth dates add (0 unless both the query and the entry give some); written to {@code notes} unless null. */
    private static double birthAdjustment(ScreeningQuery query, ListEntry entry, List<String> notes) {
        String dob = query.birthDate();
        if (dob == null || dob.isBlank() || entry.birthDates().isEmpty()) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        String why = null;
        // the reason is written only for the notes: exhaustive screenings work the adjustment out for every name they meet
        boolean explain = notes != null;
        for (String listed : entry.birthDates()) {
            double d;
            String w;
            if (listed.equals(dob) && dob.length() == 10) {
                d = BIRTH_DATE_AGREES;
                w = explain ? "birth date agrees (" + dob + ")" : null;
            } else if (year(listed) == year(dob) && year(dob) > 0) {
                d = BIRTH_YEAR_AGREES;
                w = explain ? "birth year agrees (" + year(dob) + ")" : null;
            } else if (year(listed) > 0 && year(dob) > 0 && Math.abs(year(listed) - year(dob)) == 1) {
                d = BIRTH_YEAR_CLOSE;
                w = explain ? "birth years one apart (query " + year(dob) + ", list " + year(listed) + ")" : null;
            } else {
                d = BIRTH_DATE_DIFFERS;
                w = explain ? "birth dates differ (query " + dob + ", list " + listed + ")" : null;
            }
            if (d > best) {
                best = d;
                why = w;
            }
        }
        if (notes != null) {
            notes.add(String.format(Locale.ROOT, "%s: %+.2f", why, best));
        }
        return best;
    }

    /** Whether an entry's countries hold one of a query's (written in any case). */
    private static boolean sharesCountry(List<String> query, List<String> entry) {
        for (int i = 0; i < query.size(); i++) {
            if (entry.contains(query.get(i).toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static int year(String isoDate) {
        if (isoDate.length() < 4) {
            return -1;
        }
        try {
            return Integer.parseInt(isoDate.substring(0, 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
