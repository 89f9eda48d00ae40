package edu.scrutiny.matching.internal;

/**
 * Spelling-variant keys for transliterated names. Different romanisations of one name differ in
 * predictable ways (Dmitrij/Dmitry, Khaled/Haled, Poutine/Putin, Jong/Jeong, Mohamed/Muhammad);
 * these keys erase those differences so that Jaro-Winkler sees what is left.
 */
public final class Phonetics {
    private Phonetics() {
    }

    /**
     * A key in which common romanisation variants coincide: ph→f, kh→h, ck/c/q→k, x→ks, w→v,
     * y/j between letters→i, ou/oo→u, ee→i, eo/eu→o/u (Korean), doubled letters once, and a final e dropped.
     */
    public static String variantKey(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            switch (c) {
                case 'p' -> {
                    if (next == 'h') {
                        sb.append('f');
                        i++;
                    } else {
                        sb.append('p');
                    }
                }
                case 'k' -> {
                    if (next == 'h') {
                        sb.append('h');
                        i++;
                    } else {
                        sb.append('k');
                    }
                }
                case 'c' -> {
                    if (next == 'h') {
                        sb.append("ch");
                        i++;
                    } else if (next == 'k') {
                        sb.append('k');
                        i++;
                    } else {
                        sb.append('k');
                    }
                }
                case 'q' -> sb.append('k');
                case 'x' -> sb.append("ks");
                case 'w' -> sb.append('v');
                case 'y', 'j' -> sb.append(i == 0 && c == 'j' ? 'j' : 'i');
                case 'o' -> {
                    if (next == 'u' || next == 'o' || (next == 'e' && i > 0)) {
                        sb.append('u');
                        i++;
                    } else {
                        sb.append('o');
                    }
                }
                case 'e' -> {
                    if (next == 'e') {
                        sb.append('i');
                        i++;
                    } else if (next == 'o') {
                        sb.append('o');
                        i++;
                    } else if (next == 'u') {
                        sb.append('u');
                        i++;
                    } else if (i == n - 1 && n > 3) {
                        // final e: Poutine/Putin, Mahmoude/Mahmoud
                    } else {
                        sb.append('e');
                    }
                }
                case 'z' -> sb.append('s');
                default -> sb.append(c);
            }
        }
        // doubled letters once: Hassan/Hasan, Muhammad/Muhamad
        StringBuilder out = new StringBuilder(sb.length());
        for (int i = 0; i < sb.length(); i++) {
            if (i == 0 || sb.charAt(i) != sb.charAt(i - 1)) {
                out.append(sb.charAt(i));
            }
        }
        return out.toString();
    }

    /** The skeleton with w read as the consonant v (folded to f, as v is): Hebrew דוד "dwd" → "dfd", as David. */
    public static String skeletonWithV(String s) {
        return skeleton(s.replace('w', 'v'));
    }

    /** Consonants only, as written (vowels, w and y dropped, doubled letters once), with no letters folded. */
    public static String strictSkeleton(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) {
                continue;
            }
            if (c != last) {
                sb.append(c);
            }
            last = c;
        }
        return sb.toString();
    }

    /**
     * The consonant skeleton, for names transliterated from scripts that write no short vowels
     * (Arabic محمد → "mhmd" against Mohamed → "mhmd"): vowels and the semivowels w and y
     * (written for long vowels) dropped; the letters Arabic lacks folded to the ones it writes for
     * them (p→b, v→f, z→s, g→j) and digraphs to one letter (th→t, dh→d, ph→f); q→k; doubled letters once.
     */
    public static String skeleton(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        char last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (next == 'h' && (c == 't' || c == 'd' || c == 'p')) {
                i++;
            }
            switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> {
                    continue;
                }
                case 'q' -> c = 'k';
                case 'p' -> c = next == 'h' ? 'f' : 'b';
                case 'v' -> c = 'f';
                case 'z' -> c = 's';
                case 'g' -> c = 'j';
                default -> {
                }
            }
            if (c != last) {
                sb.append(c);
            }
            last = c;
        }
        return sb.toString();
    }
}
