package edu.scrutiny.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Foreign names written in Han characters by their sound, as Chinese writes every non-Chinese name:
 * 奥巴马 is "Obama", 马杜罗 "Maduro", 拉夫罗夫 "Lavrov". Their pinyin ("aobama", "maduluo", "lafuluofu")
 * is far from the name; read instead each character as the sound it transcribes, a consonant alone
 * where the character stands for one (夫 v/f, 斯 s, 克 k, 特 t, 德 d, 尔 r/l), and the name comes back
 * near enough for the spelling rules ("obama", "maduro", "lavrov").
 *
 * <p>The characters and their sounds are those of the transcription tables of the Xinhua News Agency
 * (《英语姓名译名手册》 and 《俄语姓名译名手册》, the English and Russian tables of 辛华, Commercial Press),
 * reversed: for each character, the Latin syllable or consonant it is most used for. A name is read so
 * only when it has three or more characters and every one of them is in the table. 尔 stands for both r
 * and l, so a name with it has two readings. The table is built once, when the class loads.
 */
final class TranscribedNames {
    private static final Map<Character, String> SOUND = new HashMap<>();

    static {
        // consonants alone (the tables' column for a consonant without a vowel)
        sound("b", "布"); sound("p", "普"); sound("d", "德"); sound("t", "特"); sound("g", "格"); sound("k", "克");
        sound("v", "夫"); sound("s", "斯"); sound("z", "兹"); sound("ts", "茨"); sound("sh", "什"); sound("kh", "赫");
        sound("m", "姆"); sound("r", "尔"); sound("f", "弗"); sound("mer", "默");
        // consonant + vowel
        sound("a", "阿"); sound("ba", "巴"); sound("da", "达"); sound("ga", "加"); sound("ka", "卡"); sound("la", "拉");
        sound("ma", "马"); sound("na", "纳娜"); sound("pa", "帕"); sound("sa", "萨"); sound("ta", "塔"); sound("va", "瓦");
        sound("ya", "亚娅"); sound("za", "扎"); sound("ha", "哈"); sound("fa", "法"); sound("sha", "沙莎"); sound("cha", "查恰");
        sound("be", "贝"); sound("le", "莱"); sound("me", "梅"); sound("ne", "内"); sound("pe", "佩"); sound("se", "塞");
        sound("te", "泰"); sound("ve", "韦"); sound("ye", "耶叶"); sound("ze", "泽"); sound("fe", "费"); sound("re", "雷");
        sound("je", "杰"); sound("she", "舍谢"); sound("che", "切");
        sound("i", "伊"); sound("bi", "比"); sound("di", "迪"); sound("ji", "吉"); sound("ki", "基"); sound("li", "利里丽");
        sound("mi", "米"); sound("ni", "尼"); sound("pi", "皮"); sound("si", "西"); sound("ti", "蒂季"); sound("vi", "维");
        sound("zi", "齐"); sound("hi", "希"); sound("fi", "菲"); sound("chi", "奇契");
        sound("o", "奥"); sound("bo", "博"); sound("do", "多"); sound("go", "戈"); sound("ko", "科"); sound("lo", "洛");
        sound("mo", "莫"); sound("no", "诺"); sound("po", "波"); sound("so", "索"); sound("to", "托"); sound("vo", "沃");
        sound("yo", "约"); sound("zo", "佐"); sound("ho", "霍"); sound("fo", "福"); sound("ro", "罗"); sound("sho", "肖");
        sound("u", "乌"); sound("du", "杜"); sound("gu", "古"); sound("ku", "库"); sound("lu", "卢"); sound("mu", "穆");
        sound("nu", "努"); sound("su", "苏"); sound("tu", "图"); sound("yu", "尤"); sound("zu", "祖"); sound("hu", "胡");
        sound("fu", "富"); sound("ru", "鲁"); sound("shu", "舒"); sound("chu", "丘");
        sound("an", "安"); sound("ban", "班"); sound("dan", "丹"); sound("gan", "甘"); sound("kan", "坎"); sound("lan", "兰");
        sound("man", "曼"); sound("nan", "南"); sound("pan", "潘"); sound("san", "桑"); sound("tan", "坦"); sound("van", "万");
        sound("zan", "赞"); sound("han", "汉"); sound("ran", "朗");
        sound("en", "恩"); sound("ben", "本"); sound("den", "登"); sound("gen", "根"); sound("ken", "肯"); sound("len", "连");
        sound("men", "门"); sound("pen", "彭"); sound("sen", "森"); sound("ten", "滕"); sound("ven", "文"); sound("zen", "曾");
        sound("in", "因"); sound("bin", "宾"); sound("din", "丁"); sound("lin", "林琳"); sound("min", "明"); sound("nin", "宁");
        sound("pin", "平"); sound("sin", "辛"); sound("tin", "廷"); sound("kin", "金"); sound("hin", "欣"); sound("fin", "芬");
        sound("on", "翁"); sound("bon", "邦"); sound("don", "东"); sound("gon", "贡"); sound("kon", "孔"); sound("ron", "龙隆");
        sound("mon", "蒙"); sound("non", "农"); sound("son", "松"); sound("ton", "通"); sound("von", "冯"); sound("hon", "洪");
        sound("dun", "敦"); sound("kun", "昆"); sound("lun", "伦"); sound("sun", "孙"); sound("yun", "云"); sound("zun", "尊");
    }

    private TranscribedNames() {
    }

    private static void sound(String latin, String characters) {
        for (char c : characters.toCharArray()) {
            SOUND.putIfAbsent(c, latin);
        }
    }

    /** A reading of a name transcribed into Han characters, and how it was made. */
    record Reading(String text, String how) {
    }

    /** The readings of a name written in Han characters by sound; none when it is not such a name. */
    static List<Reading> read(String text) {
        List<String> words = new ArrayList<>();
        int characters = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String s = SOUND.get(c);
            if (s != null) {
                word.append(s);
                characters++;
            } else if (Character.isLetterOrDigit(c)) {
                return List.of();
            } else if (!word.isEmpty()) {
                // a separator: the middle dot between given and family name (弗拉基米尔·普京), a space
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        if (characters < 3) {
            return List.of();
        }
        String r = String.join(" ", words);
        List<Reading> out = new ArrayList<>(2);
        out.add(new Reading(r, "transcription of a foreign name (Xinhua tables: " + text.strip() + "→" + r + ")"));
        if (r.indexOf('r') >= 0 && text.indexOf('尔') >= 0) {
            // 尔 stands for l as often as r (默克尔 Merkel, 弗拉基米尔 Vladimir)
            String l = lForR(text, words);
            out.add(new Reading(l, "transcription of a foreign name (Xinhua tables, 尔 as l: " + text.strip() + "→" + l + ")"));
        }
        return out;
    }

    private static String lForR(String text, List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String s = SOUND.get(c);
            if (s != null) {
                sb.append(c == '尔' ? "l" : s);
            } else if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
        }
        return sb.toString().strip();
    }
}
