package edu.scrutiny.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Spellings of one Korean syllable in the romanisations in use: the Revised Romanisation that ICU
 * produces from Hangul (박 → "bak", 김 → "gim", 이 → "i"), McCune-Reischauer (used by North Korea and
 * in most sanctions listings: "Pak", "Kim", "Ri") and the spellings people choose for themselves
 * ("Park", "Lee", "Choi"). Edit distance cannot pair "i" with "Lee" or "bag" with "Park".
 */
final class KoreanSyllables {
    private static final Map<String, Integer> GROUP = new HashMap<>();

    static {
        String[][] groups = {
                {"bak", "bag", "park", "pak", "bark"}, {"gim", "kim"}, {"i", "lee", "yi", "rhee", "ri", "rhie", "rie"},
                {"choe", "choi", "chwe"}, {"jeong", "jung", "chung", "jong", "cheong", "chong"}, {"gang", "kang"},
                {"jo", "cho", "joh"}, {"yun", "yoon"}, {"jang", "chang"}, {"im", "lim", "rim", "lym"}, {"o", "oh"},
                {"seo", "suh", "so", "seoh"}, {"sin", "shin"}, {"gwon", "kwon"}, {"an", "ahn"}, {"ryu", "yoo", "yu", "ryoo"},
                {"jeon", "jun", "chun", "chon", "jon"}, {"go", "ko", "koh"}, {"mun", "moon"}, {"son", "sohn"},
                {"bae", "pae"}, {"baek", "paek", "baik", "paik"}, {"heo", "hur", "huh", "ho"}, {"sim", "shim"},
                {"no", "roh", "noh"}, {"gwak", "kwak"}, {"seong", "sung", "song"}, {"ju", "joo", "chu"},
                {"u", "woo", "wu"}, {"gu", "koo", "ku"}, {"eun", "un"}, {"hyeon", "hyun", "hyon"},
                {"yeong", "young", "yong"}, {"seok", "suk", "sok"}, {"cheol", "chul", "chol"}, {"jun", "joon", "chun"},
                {"su", "soo"}, {"jin", "chin"}, {"hui", "hee", "hi"}, {"gyeong", "kyung", "kyong"},
                {"dong", "tong"}, {"gi", "ki"}, {"jae", "chae"}, {"yeol", "yul", "yol"}, {"sun", "soon"},
                {"geun", "keun", "kun"}, {"gyu", "kyu"}, {"hyeok", "hyuk", "hyok"}, {"myeong", "myung", "myong"},
                {"beom", "bum", "pom"}, {"deok", "duk", "tok"}, {"jeol", "jul", "chol"}, {"geum", "keum", "kum"},
        };
        for (int g = 0; g < groups.length; g++) {
            for (String s : groups[g]) {
                GROUP.putIfAbsent(s, g);
            }
        }
    }

    private KoreanSyllables() {
    }

    /** The group of romanisations of one syllable the word is, or -1 ({@link Word#koreanGroup()} keeps it). */
    static int group(String w) {
        Integer g = GROUP.get(w);
        return g == null ? -1 : g;
    }
}
