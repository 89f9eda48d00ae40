package edu.scrutiny.app.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.text.Collator;
import java.text.Normalizer;

/**
 * The countries as people name them, for the pages' country fields: every ISO 3166-1 alpha-2 code
 * the JDK knows (the codes the API accepts) with its English name, sorted by name. The intake form
 * offers them as a searchable list and the API keeps the codes; a name typed in full where a code is
 * expected ("Germany", "germany") is read as its code, so a person never needs to know the codes.
 */
public final class CountryNames {
    static final CountryNames INSTANCE = new CountryNames();

    /** A country: its ISO code and its English name. */
    public record Country(String code, String name) {
    }

    private final List<Country> countries;
    private final Map<String, String> codeByName = new HashMap<>();
    private final Map<String, String> nameByCode = new HashMap<>();

    private CountryNames() {
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        this.countries = java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
                .sorted(Comparator.comparing(Country::name, collator)).toList();
        for (Country c : countries) {
            codeByName.put(fold(c.name()), c.code());
            nameByCode.put(c.code(), c.name());
        }
    }

    /** Every country, by name. */
    public List<Country> all() {
        return countries;
    }

    /**
     * The ISO code of what a person typed in a country field: a code stays as it is (upper-cased), a
     * country's name in full becomes its code, anything else is returned trimmed, for the checks of
     * the engagement to name as a country it does not know.
     */
    public String code(String typed) {
        if (typed == null) {
            return null;
        }
        String t = typed.strip();
        if (t.length() == 2) {
            return t.toUpperCase(Locale.ROOT);
        }
        return codeByName.getOrDefault(fold(t), t);
    }

    /** The name of a country's code, for a form pre-filled from stored codes (null and unknown codes as they are). */
    public String name(String code) {
        if (code == null) {
            return null;
        }
        return nameByCode.getOrDefault(code.strip().toUpperCase(Locale.ROOT), code);
    }

    /**
     * Several countries as typed: names or codes separated by commas or semicolons ("Germany, United
     * Kingdom" or "DE, GB"), or codes separated by spaces ("DE GB"), each as its code.
     */
    public List<String> codes(String typed) {
        List<String> out = new java.util.ArrayList<>();
        if (typed == null) {
            return out;
        }
        for (String piece : typed.split("[,;]")) {
            String s = piece.strip();
            if (s.isEmpty()) {
                continue;
            }
            String code = code(s);
            if (code.length() == 2 || !s.matches("[A-Za-z]{2}(\\s+[A-Za-z]{2})+")) {
                out.add(code);
            } else {
                for (String c : s.split("\\s+")) {
                    out.add(code(c));
                }
            }
        }
        return out;
    }

    /** Names compared without case, diacritics or doubled spaces: "Türkiye" as "turkiye". */
    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
