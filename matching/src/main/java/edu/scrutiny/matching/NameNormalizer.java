package edu.scrutiny.matching;

import edu.scrutiny.lists.Schema;
import edu.scrutiny.matching.internal.Latinizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a name as written into tokens that can be compared: Unicode-normalised, transliterated to
 * Latin, case, diacritics and punctuation folded, legal forms recognised as such, titles set
 * apart, numbers and initials marked.
 *
 * <p>Input is bounded: only the first {@value #MAX_CHARS} characters and {@value #MAX_TOKENS} tokens
 * of a name are used, so no input makes the matcher's cost unbounded.
 */
public final class NameNormalizer {
    public static final int MAX_CHARS = 1_000;
    public static final int MAX_TOKENS = 40;

    /**
     * Titles and honorifics: never evidence of who someone is. English forms of address and military
     * ranks with their usual abbreviations; the courtesy titles of the lists' other languages (Herr,
     * Monsieur, Señor, Gospodin); the Islamic religious and honorific titles that precede names in
     * the lists (Sheikh, Hajji, Mullah, Mawlawi, Mufti, Imam, Qari); and "president" as the EU's
     * terminology database IATE gives it in each of the EU's official languages, folded.
     */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mister", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
            "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "lieutenant", "lt", "admiral",
            "adm", "minister", "senator", "sen", "rep", "hon", "honorable", "his", "her", "excellency", "he",
            "sheikh", "shaykh", "sheik", "hajji", "haji", "hadji", "mullah", "maulana", "mawlawi", "maulvi", "mufti",
            "imam", "qari", "engineer", "eng", "herr", "frau", "monsieur", "madame", "senor", "senora", "gospodin",
            // president (IATE): bg, cs/sk, da/de, el, es/it/pt, en/et/fr/mt/nl/sv, fi, ga, hr, hu, lt, lv, pl, ro, sl
            "predsedatel", "prezident", "praesident", "prasident", "proedros", "presidente", "president",
            "presidentti", "uachtaran", "predsjednik", "elnok", "prezidentas", "prezidents", "prezydent",
            "presedinte", "predsednik");

    /** Normalises a name whose schema is not known. */
    public NormalizedName normalize(String name) {
        return normalize(name, null);
    }

    /**
     * Normalises a name.
     *
     * @param schema what the name belongs to, or null when unknown; person names never have legal forms
     */
    public NormalizedName normalize(String name, Schema schema) {
        String raw = name == null ? "" : name;
        String s = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        Latinizer.Scripts scripts = Latinizer.scripts(s);
        String latin = Latinizer.toLatin(s, scripts);
        String how = scripts.nonLatin() ? describe(scripts) : "latin";
        List<NameForm> forms = new ArrayList<>(2);
        boolean syllabic = scripts.han() || scripts.hangul();
        forms.add(form(latin, schema, scripts.abjad(), syllabic, how));
        String japanese = Latinizer.japaneseReading(s, scripts);
        if (japanese != null && !japanese.equals(latin)) {
            forms.add(form(japanese, schema, false, false, "han→japanese reading"));
        }
        // "Al-Qa'ida/Islamic Army": publishers write alternative names in one field, separated by slashes
        if (latin.indexOf('/') > 0) {
            for (String part : latin.split("\\s*/\\s*")) {
                if (!part.isBlank() && !part.equals(latin)) {
                    NameForm f = form(part, schema, scripts.abjad(), syllabic, how + ", one of the names separated by /");
                    if (!f.identifying().isEmpty()) {
                        forms.add(f);
                    }
                }
            }
        }
        if (schema != Schema.PERSON) {
            // "Sharif University of Technology, Kish Campus": also compared as the institution's own name
            String bare = InstitutionWords.withoutQualifiers(latin);
            if (bare != null) {
                forms.add(form(bare, schema, scripts.abjad(), syllabic, InstitutionWords.describe(latin, bare)));
            }
        }
        DerivedForms.add(s, latin, scripts, schema, forms);
        String script = scripts.nonLatin() ? Latinizer.dominantScript(s) : null;
        NameForm nativeForm = script == null ? null : form(s, schema, false, false, "original script (" + script.toLowerCase(java.util.Locale.ROOT) + ")");
        return new NormalizedName(raw, forms, nativeForm, script);
    }

    private static String describe(Latinizer.Scripts scripts) {
        if (scripts.han()) {
            return "han→pinyin";
        }
        if (scripts.hangul()) {
            return "hangul→latin by syllable";
        }
        if (scripts.kana()) {
            return "kana→latin";
        }
        if (scripts.abjad()) {
            return "abjad→latin (consonants)";
        }
        return "transliterated to latin";
    }

    /** The tokens of a text already in Latin letters; {@link DerivedForms} builds its forms with it too. */
    static NameForm form(String text, Schema schema, boolean abjad, boolean syllabic, String how) {
        List<String> words = Latinizer.words(text);
        if (words.size() > MAX_TOKENS) {
            words = words.subList(0, MAX_TOKENS);
        }
        boolean person = schema == Schema.PERSON;
        if (!person && InstitutionWords.hasHonorific(words)) {
            how = how + ", " + InstitutionWords.HONORIFIC_SET_ASIDE;
        }
        List<String> marked = person ? words : LegalForms.mark(InstitutionWords.canonical(words));
        // titles only in person names: "General" in "General Motors" is part of the name
        long identifying = marked.stream().filter(w -> !w.startsWith("\0") && !TITLES.contains(w)).count();
        List<NameToken> tokens = new ArrayList<>(marked.size());
        for (String w : marked) {
            if (w.startsWith("\0")) {
                tokens.add(new NameToken(w.substring(1), TokenKind.LEGAL_FORM, false));
            } else if (person && TITLES.contains(w) && identifying > 0) {
                tokens.add(new NameToken(w, TokenKind.TITLE, false));
            } else if (isDigits(w)) {
                tokens.add(new NameToken(stripZeros(w), TokenKind.NUMBER, false));
            } else if (w.codePointCount(0, w.length()) == 1 && Character.isLetter(w.codePointAt(0))) {
                tokens.add(new NameToken(w, TokenKind.INITIAL, abjad));
            } else {
                tokens.add(new NameToken(w, TokenKind.WORD, abjad, syllabic));
            }
        }
        return new NameForm(tokens, how, person);
    }

    private static boolean isDigits(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return !w.isEmpty();
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
