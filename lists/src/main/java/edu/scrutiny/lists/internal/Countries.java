package edu.scrutiny.lists.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Country names and codes as list publishers write them, to ISO 3166-1 alpha-2. The JDK knows
 * the ISO names; publishers add their own ("Korea, North", "Burma", "Iran (Islamic Republic of)",
 * "Russian Federation"), which are listed here.
 */
public final class Countries {
    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale l = Locale.of("", code);
            BY_NAME.put(key(l.getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] extra = {
                {"burma", "MM"}, {"myanmar", "MM"}, {"myanmar burma", "MM"},
                {"korea north", "KP"}, {"north korea", "KP"}, {"democratic peoples republic of korea", "KP"},
                {"korea democratic peoples republic of", "KP"}, {"dprk", "KP"},
                {"korea south", "KR"}, {"south korea", "KR"}, {"republic of korea", "KR"}, {"korea republic of", "KR"},
                {"russia", "RU"}, {"russian federation", "RU"}, {"the russian federation", "RU"},
                {"iran", "IR"}, {"iran islamic republic of", "IR"}, {"islamic republic of iran", "IR"},
                {"syria", "SY"}, {"syrian arab republic", "SY"},
                {"china", "CN"}, {"peoples republic of china", "CN"}, {"china peoples republic of", "CN"}, {"prc", "CN"},
                {"hong kong", "HK"}, {"hong kong sar", "HK"}, {"china hong kong special administrative region", "HK"}, {"hong kong sar china", "HK"}, {"hong kong china", "HK"},
                {"macau", "MO"}, {"macao", "MO"}, {"china macao special administrative region", "MO"}, {"macao sar china", "MO"},
                {"taiwan", "TW"}, {"taiwan province of china", "TW"}, {"chinese taipei", "TW"},
                {"venezuela", "VE"}, {"venezuela bolivarian republic of", "VE"},
                {"bolivia", "BO"}, {"bolivia plurinational state of", "BO"},
                {"tanzania", "TZ"}, {"united republic of tanzania", "TZ"},
                {"vietnam", "VN"}, {"viet nam", "VN"},
                {"laos", "LA"}, {"lao peoples democratic republic", "LA"},
                {"moldova", "MD"}, {"republic of moldova", "MD"},
                {"congo democratic republic of the", "CD"}, {"democratic republic of the congo", "CD"},
                {"congo kinshasa", "CD"}, {"drc", "CD"},
                {"congo republic of the", "CG"}, {"republic of the congo", "CG"}, {"congo brazzaville", "CG"}, {"congo", "CG"},
                {"cote divoire", "CI"}, {"ivory coast", "CI"},
                {"united states", "US"}, {"united states of america", "US"}, {"usa", "US"},
                {"united kingdom", "GB"}, {"uk", "GB"}, {"great britain", "GB"},
                {"united kingdom of great britain and northern ireland", "GB"},
                {"the united kingdom of great britain and northern ireland", "GB"},
                {"uae", "AE"}, {"united arab emirates", "AE"},
                {"west bank", "PS"}, {"gaza", "PS"}, {"palestinian territories", "PS"}, {"palestine", "PS"},
                {"state of palestine", "PS"}, {"occupied palestinian territory", "PS"},
                {"kosovo", "XK"}, {"czech republic", "CZ"}, {"czechia", "CZ"},
                {"turkey", "TR"}, {"turkiye", "TR"}, {"netherlands", "NL"}, {"the netherlands", "NL"},
                {"macedonia", "MK"}, {"north macedonia", "MK"}, {"the former yugoslav republic of macedonia", "MK"},
                {"bosnia and herzegovina", "BA"}, {"bosnia herzegovina", "BA"},
                {"gambia", "GM"}, {"the gambia", "GM"}, {"bahamas", "BS"}, {"the bahamas", "BS"},
                {"cape verde", "CV"}, {"cabo verde", "CV"}, {"eswatini", "SZ"}, {"swaziland", "SZ"},
                {"brunei", "BN"}, {"brunei darussalam", "BN"}, {"micronesia", "FM"},
                {"micronesia federated states of", "FM"}, {"st kitts and nevis", "KN"}, {"saint kitts and nevis", "KN"},
                {"st lucia", "LC"}, {"st vincent and the grenadines", "VC"}, {"vatican", "VA"}, {"holy see", "VA"},
                {"sudan south", "SS"}, {"south sudan", "SS"}, {"timor leste", "TL"}, {"east timor", "TL"},
                {"curacao", "CW"}, {"sint maarten", "SX"}, {"region crimea", "UA"}, {"crimea", "UA"},
                {"yemen republic of", "YE"}, {"germany federal republic of", "DE"}, {"soviet union", "SU"},
                // OFAC's spellings
                {"palestinian", "PS"}, {"region gaza", "PS"}, {"region northern mali", "ML"}, {"cote d ivoire", "CI"},
                {"man isle of", "IM"}, {"isle of man", "IM"}, {"bahamas the", "BS"}, {"gambia the", "GM"},
                {"virgin islands british", "VG"}, {"saint vincent and the grenadines", "VC"},
        };
        for (String[] e : extra) {
            BY_NAME.put(key(e[0]), e[1]);
        }
    }

    private Countries() {
    }

    /**
     * The alpha-2 code for a country written as a code (alpha-2, upper or lower case) or an
     * English name as publishers write it; null when it is neither.
     */
    public static String code(String nameOrCode) {
        if (nameOrCode == null) {
            return null;
        }
        String s = nameOrCode.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() == 2) {
            String up = s.toUpperCase(Locale.ROOT);
            if (CODES.contains(up) || up.equals("XK")) {
                return up;
            }
        }
        return BY_NAME.get(key(s));
    }

    /** Whether the value is an ISO 3166-1 alpha-2 code (or XK, Kosovo's user-assigned code). */
    public static boolean isCode(String value) {
        return value != null && value.length() == 2
                && (CODES.contains(value.toUpperCase(Locale.ROOT)) || value.equalsIgnoreCase("XK"));
    }

    private static String key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        // the JDK writes "Trinidad & Tobago", publishers "Trinidad and Tobago"
        n = n.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "").replace("&", " and ");
        n = n.replaceAll("[^a-z0-9]+", " ").strip();
        return n;
    }
}
