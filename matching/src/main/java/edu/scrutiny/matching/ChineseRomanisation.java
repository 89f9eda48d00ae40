package edu.scrutiny.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chinese written in the two romanisations found on lists: Hanyu Pinyin (Xi Jinping, Zhang) and
 * Wade-Giles, as Taiwan, older lists and many people's own passports write it (Hsi Chin-p'ing, Chang),
 * where the apostrophe that marks aspiration is almost always dropped. Two words are the same Chinese
 * when they split into syllables whose Wade-Giles spellings, apostrophes dropped, agree: "hsi" and
 * "xi" are both hsi, "chinping" and "jinping" both chin-ping, "zhang" and "chang" both chang.
 *
 * <p>The pinyin syllables are the 409 readings that ICU's Han-Latin transliterator gives for the CJK
 * Unified Ideographs (its data is Unihan's kMandarin), and the Wade-Giles spelling of each is made by
 * the rules of the standard conversion tables (Library of Congress, <i>Pinyin Conversion Project</i>,
 * the Wade-Giles to pinyin table): initials b/p→p, d/t→t, g/k→k, j/q/zh/ch→ch, x→hs, r→j, z/c→ts;
 * finals -ong→-ung, -ian→-ien, -ie→-ieh, -ue→-ueh, -uo→-o; ge/ke/he→ko/ko/ho; zi/ci→tzu, si→ssu;
 * zhi/chi→chih, shi→shih, ri→jih; er→erh, yi→i, you→yu, yan→yen, ye→yeh, yong→yung. The tables are
 * built when the class loads.
 *
 * <p>Wade-Giles without apostrophes cannot tell b from p or zh from ch, so two words that are different
 * pinyin and agree only that way ("zhang"/"chang") score lower than a word that is plainly Wade-Giles
 * ("hsi") against its pinyin.
 */
final class ChineseRomanisation {
    private static final String PINYIN = "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca "
            + "cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang "
            + "chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia dian diao die ding diu dong "
            + "dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen "
            + "geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan "
            + "huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken "
            + "keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin "
            + "ling liu long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo "
            + "mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue nun nuo "
            + "o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing "
            + "qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se "
            + "sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si "
            + "song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa "
            + "wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao "
            + "ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe "
            + "zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo";
    /** A syllable as written (pinyin or Wade-Giles) → its Wade-Giles spellings without apostrophes. */
    /** The similarity of a Wade-Giles word and its pinyin. */
    static final double WADE_GILES = 0.9;
    /** The similarity of two pinyin words that Wade-Giles without apostrophes writes alike. */
    static final double ASPIRATION_ONLY = 0.8;
    private static final Map<String, Set<String>> KEYS = new HashMap<>();
    private static final Set<String> PINYIN_SYLLABLES = new HashSet<>();
    private static final int LONGEST_SYLLABLE = 6;
    private static final int LONGEST_WORD = 18;

    /** The syllables of {@link #KEYS}, as base-27 codes, for the allocation-free check {@link #segmentable}. */
    private static final IntSet SYLLABLE_CODES = new IntSet();

    static {
        for (String p : PINYIN.split(" ")) {
            PINYIN_SYLLABLES.add(p);
            String wg = wadeGiles(p);
            KEYS.computeIfAbsent(p, k -> new HashSet<>()).add(wg);
            KEYS.computeIfAbsent(wg, k -> new HashSet<>()).add(wg);
        }
        KEYS.computeIfAbsent("szu", k -> new HashSet<>()).add("ssu");
        for (String syllable : KEYS.keySet()) {
            int code = 0;
            for (int i = 0; i < syllable.length(); i++) {
                code = code * 27 + (syllable.charAt(i) - 'a' + 1);
            }
            SYLLABLE_CODES.add(code);
        }
    }

    /** A set of ints by open addressing (no boxing); codes are positive. */
    private static final class IntSet {
        private final int[] slots = new int[4096];

        void add(int v) {
            int i = Integer.hashCode(v * 0x9E3779B9) & (slots.length - 1);
            while (slots[i] != 0 && slots[i] != v) {
                i = (i + 1) & (slots.length - 1);
            }
            slots[i] = v;
        }

        boolean contains(int v) {
            int i = Integer.hashCode(v * 0x9E3779B9) & (slots.length - 1);
            while (slots[i] != 0) {
                if (slots[i] == v) {
                    return true;
                }
                i = (i + 1) & (slots.length - 1);
            }
            return false;
        }
    }

    private ChineseRomanisation() {
    }

    /** The Wade-Giles spelling, without apostrophes or diaeresis, of a pinyin syllable. */
    static String wadeGiles(String p) {
        switch (p) {
            case "zi", "ci" -> { return "tzu"; }
            case "si" -> { return "ssu"; }
            case "zhi", "chi" -> { return "chih"; }
            case "shi" -> { return "shih"; }
            case "ri" -> { return "jih"; }
            case "er" -> { return "erh"; }
            case "e" -> { return "o"; }
            case "yi" -> { return "i"; }
            case "you" -> { return "yu"; }
            case "yan" -> { return "yen"; }
            case "ye" -> { return "yeh"; }
            case "yong" -> { return "yung"; }
            case "yue" -> { return "yueh"; }
            default -> { }
        }
        String initial;
        if (p.startsWith("zh") || p.startsWith("ch") || p.startsWith("sh")) {
            initial = p.substring(0, 2);
        } else if ("bpmfdtnlgkhjqxrzcsyw".indexOf(p.charAt(0)) >= 0) {
            initial = p.substring(0, 1);
        } else {
            initial = "";
        }
        String fin = p.substring(initial.length());
        String wgInitial = switch (initial) {
            case "b" -> "p";
            case "d" -> "t";
            case "g" -> "k";
            case "j", "q", "zh" -> "ch";
            case "x" -> "hs";
            case "r" -> "j";
            case "z", "c" -> "ts";
            default -> initial;
        };
        String wgFinal;
        if (fin.equals("e") && (initial.equals("g") || initial.equals("k") || initial.equals("h"))) {
            wgFinal = "o";
        } else if (fin.equals("uo") && !(initial.equals("g") || initial.equals("k") || initial.equals("h") || initial.equals("sh"))) {
            wgFinal = "o";
        } else if (fin.endsWith("iong")) {
            wgFinal = fin.substring(0, fin.length() - 4) + "iung";
        } else if (fin.endsWith("ong")) {
            wgFinal = fin.substring(0, fin.length() - 3) + "ung";
        } else if (fin.equals("ian")) {
            wgFinal = "ien";
        } else if (fin.equals("ie") || fin.equals("ue")) {
            wgFinal = fin + "h";
        } else {
            wgFinal = fin;
        }
        return wgInitial + wgFinal;
    }

    /**
     * A cheap necessary condition for {@link #similarity}: lengths close and first letters that the two
     * systems can write for one initial (b/p, d/t, g/k, j/q/zh/ch/z/c/r, x/hs, e/o, yi/i).
     */
    static boolean couldAgree(String x, String y) {
        return couldAgree(x.length(), x.charAt(0), y.length(), y.charAt(0));
    }

    /** {@link #couldAgree(String, String)} from the words' lengths and first letters (a word not written out). */
    static boolean couldAgree(int lengthX, char firstX, int lengthY, char firstY) {
        int shorter = Math.min(lengthX, lengthY);
        int longer = Math.max(lengthX, lengthY);
        return shorter >= 2 && longer - shorter <= 4 && longer <= 2 * shorter + 2 && longer <= LONGEST_WORD
                && initialGroup(firstX) == initialGroup(firstY);
    }

    private static char initialGroup(char c) {
        return switch (c) {
            case 'b' -> 'p';
            case 'd' -> 't';
            case 'g' -> 'k';
            case 'j', 'q', 'z', 'r' -> 'c';
            case 'x' -> 'h';
            case 'e' -> 'o';
            case 'y' -> 'i';
            default -> c;
        };
    }

    /**
     * How alike two words are as romanisations of the same Chinese: 0.9 when one is Wade-Giles that is
     * no pinyin ("hsi"/"xi", "chinping"/"jinping"), 0.8 when both are pinyin that only Wade-Giles
     * without apostrophes writes alike ("zhang"/"chang"), 0 otherwise.
     */
    static double similarity(String x, String y) {
        if (x.equals(y) || x.length() > LONGEST_WORD || y.length() > LONGEST_WORD || !startsSyllable(x) || !startsSyllable(y)) {
            return 0;
        }
        if (!segmentable(x) || !segmentable(y)) {
            return 0;
        }
        List<List<String>> sx = segmentations(x);
        if (sx.isEmpty()) {
            return 0;
        }
        List<List<String>> sy = segmentations(y);
        if (sy.isEmpty()) {
            return 0;
        }
        Set<String> kx = keys(sx);
        for (String k : keys(sy)) {
            if (kx.contains(k)) {
                return allPinyin(sx) && allPinyin(sy) ? ASPIRATION_ONLY : WADE_GILES;
            }
        }
        return 0;
    }

    /** Whether {@link #similarity} can find the word like any other: short enough, starting and splitting into syllables. */
    static boolean romanisable(String w) {
        return w.length() <= LONGEST_WORD && startsSyllable(w) && segmentable(w);
    }

    /** Whether the word splits into known syllables at all: checked without allocating, since most words do not. */
    private static boolean segmentable(String w) {
        int n = w.length();
        if (n > LONGEST_WORD) {
            return false;
        }
        int reachable = 1;
        for (int from = 0; from < n; from++) {
            if ((reachable & (1 << from)) == 0) {
                continue;
            }
            int code = 0;
            for (int len = 1; len <= LONGEST_SYLLABLE && from + len <= n; len++) {
                char c = w.charAt(from + len - 1);
                if (c < 'a' || c > 'z') {
                    break;
                }
                code = code * 27 + (c - 'a' + 1);
                if (SYLLABLE_CODES.contains(code)) {
                    reachable |= 1 << (from + len);
                }
            }
        }
        return (reachable & (1 << n)) != 0;
    }

    private static boolean startsSyllable(String w) {
        for (int len = 1; len <= Math.min(LONGEST_SYLLABLE, w.length()); len++) {
            if (KEYS.containsKey(w.substring(0, len))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allPinyin(List<List<String>> segmentations) {
        for (List<String> s : segmentations) {
            if (PINYIN_SYLLABLES.containsAll(s)) {
                return true;
            }
        }
        return false;
    }

    /** Every way to split the word into known syllables, at most 4 syllables and 8 ways. */
    private static List<List<String>> segmentations(String w) {
        List<List<String>> out = new ArrayList<>();
        split(w, 0, new ArrayList<>(), out);
        return out;
    }

    private static void split(String w, int from, List<String> current, List<List<String>> out) {
        if (out.size() >= 8) {
            return;
        }
        if (from == w.length()) {
            out.add(List.copyOf(current));
            return;
        }
        if (current.size() == 4) {
            return;
        }
        for (int len = Math.min(LONGEST_SYLLABLE, w.length() - from); len >= 1; len--) {
            String s = w.substring(from, from + len);
            if (KEYS.containsKey(s)) {
                current.add(s);
                split(w, from + len, current, out);
                current.remove(current.size() - 1);
            }
        }
    }

    private static Set<String> keys(List<List<String>> segmentations) {
        Set<String> keys = new HashSet<>();
        for (List<String> s : segmentations) {
            List<String> partial = List.of("");
            for (String syllable : s) {
                List<String> next = new ArrayList<>();
                for (String prefix : partial) {
                    for (String k : KEYS.get(syllable)) {
                        next.add(prefix + k);
                    }
                }
                partial = next;
            }
            keys.addAll(partial);
        }
        return keys;
    }
}
