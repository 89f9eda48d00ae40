package edu.scrutiny.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers and ordinals written as words or with ordinal suffixes, read as digits: "Forty-Four" and
 * "Forty 4" are 44, "First" and "1st" are 1, "Twenty-first" is 21, and in organisations' names the
 * Roman numerals II to XX ("Fund III") are 2 to 20. The digits then become number tokens, which the
 * comparer requires to agree: "Brigade Forty-Four" matches "Brigade 44", and "Brigade 45" does not.
 *
 * <p>The words are English cardinals and ordinals as any English grammar gives them (0 to 99); the
 * ordinal suffixes are English (st, nd, rd, th). Hundreds and thousands written as words are not read.
 */
final class NumberWords {
    private static final Map<String, Integer> UNITS = new HashMap<>();
    private static final Map<String, Integer> TENS = new HashMap<>();
    private static final Map<String, Integer> ORDINAL_UNITS = new HashMap<>();
    private static final Map<String, Integer> ORDINAL_TENS = new HashMap<>();
    private static final Map<String, Integer> ROMAN = new HashMap<>();
    /** "xi" is also a common Chinese name and syllable, "vi" and "iv" stay ambiguous enough: only II and up, without XI. */
    private static final Set<String> ROMAN_TOO_AMBIGUOUS = Set.of("xi");

    static {
        String[] units = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] ordinalUnits = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                "eighteenth", "nineteenth"};
        for (int i = 0; i < units.length; i++) {
            UNITS.put(units[i], i);
            ORDINAL_UNITS.put(ordinalUnits[i], i);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        String[] ordinalTens = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"};
        for (int i = 0; i < tens.length; i++) {
            TENS.put(tens[i], 20 + 10 * i);
            ORDINAL_TENS.put(ordinalTens[i], 20 + 10 * i);
        }
        String[] roman = {"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
                "xvi", "xvii", "xviii", "xix", "xx"};
        for (int i = 0; i < roman.length; i++) {
            // single letters are initials, not numbers
            if (roman[i].length() > 1 && !ROMAN_TOO_AMBIGUOUS.contains(roman[i])) {
                ROMAN.put(roman[i], i + 2);
            }
        }
    }

    private NumberWords() {
    }

    /**
     * The words with numbers written as words replaced by their digits; a note for each.
     *
     * @param roman whether Roman numerals are read too (organisations' names: in a person's name "II"
     *              is a generation, and a short word such as "vi" may be a name)
     */
    static List<String> asDigits(List<String> words, boolean roman, List<String> notes) {
        List<String> out = null;
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            int value = -1;
            int used = 1;
            Integer tens = TENS.get(w);
            if (tens != null) {
                value = tens;
                if (i + 1 < words.size()) {
                    String next = words.get(i + 1);
                    Integer unit = UNITS.containsKey(next) ? UNITS.get(next) : ORDINAL_UNITS.get(next);
                    if (unit == null && next.length() == 1 && Character.isDigit(next.charAt(0))) {
                        unit = next.charAt(0) - '0';
                    }
                    if (unit != null && unit >= 1 && unit <= 9) {
                        value += unit;
                        used = 2;
                    }
                }
            } else if (UNITS.containsKey(w)) {
                value = UNITS.get(w);
            } else if (ORDINAL_UNITS.containsKey(w)) {
                value = ORDINAL_UNITS.get(w);
            } else if (ORDINAL_TENS.containsKey(w)) {
                value = ORDINAL_TENS.get(w);
            } else if (roman && ROMAN.containsKey(w)) {
                value = ROMAN.get(w);
            } else {
                value = suffixedOrdinal(w);
            }
            if (value < 0) {
                if (out != null) {
                    out.add(w);
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(words.subList(0, i));
            }
            String digits = Integer.toString(value);
            out.add(digits);
            notes.add("number as digits (" + String.join(" ", words.subList(i, i + used)) + "→" + digits + ")");
            i += used;
        }
        return out == null ? words : out;
    }

    /** "1st", "22nd", "3rd", "44th" → the number; -1 for anything else. */
    private static int suffixedOrdinal(String w) {
        int n = w.length();
        if (n < 3 || n > 6) {
            return -1;
        }
        String suffix = w.substring(n - 2);
        if (!suffix.equals("st") && !suffix.equals("nd") && !suffix.equals("rd") && !suffix.equals("th")) {
            return -1;
        }
        for (int i = 0; i < n - 2; i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(w.substring(0, n - 2));
    }
}
