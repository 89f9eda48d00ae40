package edu.scrutiny.lists.formats;

import edu.scrutiny.lists.ListEntry;
import edu.scrutiny.lists.internal.Countries;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts OFAC's legacy CSV keeps only in its Remarks column, as "; "-separated items:
 * {@code DOB 12 Jan 1958}, {@code nationality Iran}, {@code citizen Russia},
 * {@code Passport A123 (Iran)}, and the weak a.k.a.s, written in single quotes
 * ({@code a.k.a. 'BNC'}), which OFAC's XML marks {@code category weak}. The remarks themselves
 * are kept whole; "Linked To:" names an associate, not an owner, so it stays there only.
 */
final class OfacRemarks {
    /** A quoted name may itself end in a quote (a.k.a. 'ABU AL-WAFA''), so it runs to the quote before "; " or the end. */
    private static final Pattern WEAK_ALIAS =
            Pattern.compile("(?:^|;)\\s*[afn]\\.k\\.a\\.\\s+'(.+?)'\\s*(?=;|\\.?\\s*$)");
    private static final Pattern BIRTH = Pattern.compile("^(?:alt\\.\\s+)?DOB\\s+(.+)$");
    /** "nationality possibly Palestinian" is a guess, and a demonym such as "Eritrean" is no country name; neither matches. */
    private static final Pattern COUNTRY = Pattern.compile("^(?:alt\\.\\s+)?(?:nationality|citizen)\\s+(.+?)\\.?$");
    private static final List<String> LABELS_LONGEST_FIRST = Ofac.IDENTIFIER_TYPES.stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    /** An identifier's value, then an optional "(Country)", then optional issue and expiry dates. */
    private static final Pattern ID_VALUE =
            Pattern.compile("^(.+?)(?:\\s+\\(([^()]+)\\))?(?:\\s+(?:issued|expires)\\s.*)?\\.?$");

    private OfacRemarks() {
    }

    /** Adds to the entry what the remarks reliably say. */
    static void apply(String remarks, ListEntry.Builder entry) {
        if (remarks == null) {
            return;
        }
        Matcher weak = WEAK_ALIAS.matcher(remarks);
        while (weak.find()) {
            entry.alias(weak.group(1), true);
        }
        for (String raw : remarks.split(";")) {
            String item = raw.strip();
            Matcher birth = BIRTH.matcher(item);
            if (birth.matches()) {
                Ofac.birthDates(birth.group(1)).forEach(entry::birthDate);
                continue;
            }
            Matcher country = COUNTRY.matcher(item);
            if (country.matches()) {
                entry.country(Countries.code(country.group(1)));
                continue;
            }
            identifier(item, entry);
        }
    }

    private static void identifier(String item, ListEntry.Builder entry) {
        String s = item.startsWith("alt. ") ? item.substring(5) : item;
        for (String label : LABELS_LONGEST_FIRST) {
            if (s.length() > label.length() + 1 && s.startsWith(label) && s.charAt(label.length()) == ' ') {
                Matcher m = ID_VALUE.matcher(s.substring(label.length() + 1).strip());
                if (!m.matches() || m.group(1).chars().noneMatch(Character::isDigit)) {
                    return;
                }
                String value = m.group(1);
                String country = Countries.code(m.group(2));
                if (m.group(2) != null && country == null) {
                    // a parenthesis that names no country is part of the number, e.g. "HRB 59494 (Berlin)"
                    value = value + " (" + m.group(2) + ")";
                }
                entry.identifier(label, value, country);
                return;
            }
        }
    }
}
