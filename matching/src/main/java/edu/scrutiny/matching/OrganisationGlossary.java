package edu.scrutiny.matching;

import edu.scrutiny.matching.internal.JapaneseReadings;
import edu.scrutiny.matching.internal.Latinizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words organisation names are made of, in Chinese, Japanese, Korean and Russian, with their
 * English equivalents: a name written in those languages also gets a reading in which these words are
 * translated and the rest, its distinctive part, is transliterated, one word per run ("北京航空航天大学"
 * → "beijing aeronautics astronautics university", "한국과학기술원" → "hanguk institute of science and
 * technology", "Акционерное общество Уральский завод" → "aktsionernoe obshchestvo uralskii plant"). A
 * list that gives the name in English then meets the name in the partner's language, and the reverse.
 *
 * <p>Sources: the Chinese words and their glosses are CC-CEDICT's (simplified and traditional), the
 * Japanese JMdict's, the Korean (Hangul and Hanja) the National Institute of Korean Language's
 * Korean-English Learners' Dictionary, the Russian the Oxford Russian Dictionary's; where a dictionary
 * gives several glosses, the one organisation names use in English comes first and a second is kept
 * as an alternative reading. Nothing here comes from list entries. The tables are built once, when
 * the class loads.
 */
final class OrganisationGlossary {
    /** A reading of the name with its organisation words translated, and how it was made, for explanations. */
    record Reading(String text, String how) {
    }

    /** Word (simplified, traditional, Japanese or Korean spelling) → English, then an alternative. */
    private static final Map<String, String[]> CJK = new HashMap<>();
    private static int longestCjk;

    /** Russian stems (the word without its case ending) → English, then an alternative; longest stems first. */
    private static final Map<String, String[]> RUSSIAN = new LinkedHashMap<>();
    /**
     * Russian legal forms, as the phrases {@link LegalForms} knows in English: ICU writes ц as "c" and щ
     * as "s", so their transliterations would not be recognised. Longest first.
     */
    private static final String[][] RUSSIAN_LEGAL = {
            {"федеральное государственное унитарное предприятие", "federal state unitary enterprise"},
            {"общество с ограниченной ответственностью", "limited liability company"},
            {"публичное акционерное общество", "public joint stock company"},
            {"открытое акционерное общество", "open joint stock company"},
            {"закрытое акционерное общество", "closed joint stock company"},
            {"акционерное общество", "joint stock company"},
            {"автономная некоммерческая организация", "ano"}};
    /** At most this many letters of case ending after a Russian stem. */
    private static final int RUSSIAN_ENDING = 4;

    private static final String NUMERALS = "〇零一二三四五六七八九十";

    static {
        // Chinese (CC-CEDICT), simplified and traditional spellings on one line
        cjk("university", "大学", "大學");
        cjk("college|institute", "学院", "學院");
        cjk("institute", "研究所", "研究機構");
        cjk("institute|academy", "研究院");
        cjk("graduate school", "研究生院", "大学院", "大學院", "대학원");
        cjk("research center", "研究中心");
        cjk("center", "中心", "センター", "센터");
        cjk("academy of sciences", "科学院", "科學院");
        cjk("academy of engineering", "工程院");
        cjk("society", "学会", "學會", "학회");
        cjk("university of science and technology", "科技大学", "科技大學");
        cjk("university of science and technology|institute of technology", "理工大学", "理工大學");
        cjk("university of technology|polytechnical university", "工业大学", "工業大學");
        cjk("institute of technology", "工业大学校", "工業大学", "工科大学");
        cjk("science", "科学", "科學", "과학");
        cjk("science and technology|technology", "科技", "科学技术", "科學技術", "科学技術", "과학기술");
        cjk("technology", "技术", "技術", "기술");
        cjk("industrial|industry", "工业", "工業", "공업");
        cjk("industries|industry", "产业", "產業", "産業", "산업", "实业", "實業");
        cjk("heavy industries", "重工", "重工业", "重工業", "중공업");
        cjk("engineering", "工程", "공학");
        cjk("aeronautics|aviation", "航空", "항공");
        cjk("astronautics|aerospace", "航天");
        cjk("aeronautics and astronautics|aerospace", "航空航天");
        cjk("aerospace", "航空宇宙", "항공우주");
        cjk("space", "空间", "空間", "宇宙", "우주");
        cjk("national defense", "国防", "國防", "국방");
        cjk("defense", "防衛", "防卫");
        cjk("electronic|electronics", "电子", "電子", "전자");
        cjk("microelectronics", "微电子", "微電子");
        cjk("communications", "通信", "通讯", "通訊", "통신");
        cjk("telecommunications", "电信", "電信", "전신");
        cjk("posts and telecommunications", "邮电", "郵電");
        cjk("information", "信息", "資訊", "情報", "정보");
        cjk("group", "集团", "集團", "グループ", "그룹");
        cjk("holdings", "控股", "ホールディングス", "홀딩스");
        cjk("company limited", "有限公司");
        cjk("joint stock company", "股份有限公司", "주식회사");
        cjk("limited liability company", "有限责任公司", "有限責任公司", "유한회사");
        cjk("kabushiki kaisha", "株式会社");
        cjk("company", "公司", "会社", "회사");
        cjk("corporation", "总公司", "總公司", "公社", "공사");
        cjk("electric", "电气", "電氣", "電気", "電機", "电机", "전기");
        cjk("electric power", "电力", "電力", "전력");
        cjk("machinery", "机械", "機械", "기계");
        cjk("precision", "精密", "정밀");
        cjk("manufacturing", "制造", "製造", "제조");
        cjk("works|factory", "製作所", "制作所");
        cjk("factory|plant", "工厂", "工廠", "工場", "공장", "厂", "廠");
        cjk("instruments", "仪器", "儀器", "계측기");
        cjk("optics|optical", "光学", "光學", "광학");
        cjk("optoelectronics", "光电", "光電", "광전자");
        cjk("physics", "物理", "물리");
        cjk("chemical|chemistry", "化学", "化學", "化工", "화학");
        cjk("materials", "材料", "재료");
        cjk("energy", "能源", "에너지");
        cjk("nuclear", "核", "原子力", "원자력");
        cjk("nuclear industry", "核工业", "核工業");
        cjk("petroleum", "石油", "석유");
        cjk("petrochemical", "石化", "석유화학");
        cjk("shipbuilding", "船舶", "造船", "조선소");
        cjk("ordnance", "兵器", "병기");
        cjk("weapons", "武器", "무기");
        cjk("missile", "导弹", "導彈", "미사일");
        cjk("radar", "雷达", "雷達", "레이더");
        cjk("satellite", "卫星", "衛星", "위성");
        cjk("systems|system", "系统", "系統", "システム", "시스템");
        cjk("equipment", "装备", "裝備", "设备", "設備", "装置", "장비");
        cjk("semiconductor", "半导体", "半導體", "반도체");
        cjk("computer", "计算机", "計算機", "电脑", "電腦", "컴퓨터");
        cjk("software", "软件", "軟體", "ソフトウェア", "소프트웨어");
        cjk("network", "网络", "網絡", "網路", "네트워크");
        cjk("automobile|motor", "汽车", "汽車", "自動車", "자동차");
        cjk("aircraft", "飞机", "飛機", "航空機", "항공기");
        cjk("biology|biological", "生物", "생물");
        cjk("medical|medicine", "医学", "醫學", "医科", "醫科", "의학", "의과");
        cjk("pharmaceutical", "医药", "醫藥", "药业", "藥業", "制药", "製藥", "製薬", "제약");
        cjk("hospital", "医院", "醫院", "病院", "병원");
        cjk("agricultural|agriculture", "农业", "農業", "농업");
        cjk("normal", "师范", "師範", "사범");
        cjk("finance and economics", "财经", "財經");
        cjk("economics|economic", "经济", "經濟", "経済", "경제");
        cjk("foreign studies|foreign languages", "外国语", "外國語", "外语", "外語", "외국어");
        cjk("political science and law", "政法");
        cjk("jiaotong|communications", "交通");
        cjk("minzu|nationalities", "民族");
        cjk("construction", "建设", "建設", "建筑", "建築", "건설");
        cjk("railway", "铁路", "鐵路", "鉄道", "철도");
        cjk("mining", "矿业", "礦業", "鉱業", "광업");
        cjk("iron and steel|steel", "钢铁", "鋼鐵", "鉄鋼", "철강");
        cjk("bank", "银行", "銀行", "은행");
        cjk("insurance", "保险", "保險", "保険", "보험");
        cjk("investment", "投资", "投資", "투자");
        cjk("trading|trade", "贸易", "貿易", "商事", "무역");
        cjk("import and export", "进出口", "進出口", "수출입");
        cjk("development", "开发", "開發", "開発", "개발");
        cjk("research", "研究", "연구");
        cjk("research institute", "研究所", "연구소", "연구원");
        cjk("design", "设计", "設計", "설계");
        cjk("international", "国际", "國際", "国際", "국제");
        cjk("national|state", "国家", "國家", "国立", "국가", "국립");
        cjk("china|chinese", "中国", "中國", "中华", "中華");
        cjk("korea", "한국", "韩国", "韓國");
        cjk("republic of korea", "대한민국", "大韩民国", "大韓民國");
        cjk("japan", "日本", "일본");
        cjk("people's", "人民", "인민");
        cjk("people's liberation army", "人民解放军", "人民解放軍");
        cjk("military", "军事", "軍事", "군사");
        cjk("navy|naval", "海军", "海軍", "해군");
        cjk("air force", "空军", "空軍", "공군");
        cjk("army", "陆军", "陸軍", "육군");
        cjk("ministry", "部");
        cjk("bureau", "局");
        cjk("general bureau", "总局", "總局", "총국");
        cjk("commission|committee", "委员会", "委員會", "委員会", "위원회");
        cjk("association", "协会", "協會", "協会", "협회");
        cjk("foundation", "基金会", "基金會", "財団", "재단");
        cjk("laboratory", "实验室", "實驗室", "研究室", "실험실");
        cjk("key laboratory", "重点实验室", "重點實驗室");
        cjk("branch", "分公司", "分校", "支社", "지사");
        cjk("campus", "校区", "校區", "캠퍼스");
        cjk("affiliated", "附属", "附屬", "부속");
        cjk("university", "대학교", "大學校");
        cjk("university|college", "대학");
        cjk("institute of science and technology", "과학기술원", "科學技術院");
        cjk("enterprise", "企业", "企業", "기업");
        cjk("korea|shipbuilding", "조선");

        // Russian (Oxford Russian Dictionary): stems, matched with up to four letters of case ending
        russian("научно-исследовательск", "research");
        russian("научно-производственн", "research and production");
        russian("машиностроительн", "machine building");
        russian("приборостроени", "instrument making");
        russian("приборостроительн", "instrument making");
        russian("судостроительн", "shipbuilding");
        russian("радиотехническ", "radio engineering");
        russian("электротехническ", "electrotechnical");
        russian("конструкторск", "design");
        russian("исследовательск", "research");
        russian("производственн", "production");
        russian("технологическ", "technological");
        russian("металлургическ", "metallurgical");
        russian("экспериментальн", "experimental");
        russian("промышленн", "industrial");
        russian("государственн", "state");
        russian("университет", "university");
        russian("объединени", "association");
        russian("предприяти", "enterprise");
        russian("корпораци", "corporation");
        russian("электроник", "electronics");
        russian("технологи", "technology|technologies");
        russian("федеральн", "federal");
        russian("национальн", "national");
        russian("всероссийск", "all russian");
        russian("российск", "russian");
        russian("техническ", "technical");
        russian("химическ", "chemical");
        russian("авиационн", "aviation");
        russian("космическ", "space");
        russian("оборонн", "defense");
        russian("механическ", "mechanical");
        russian("оптическ", "optical");
        russian("энергетическ", "energy");
        russian("строительн", "construction");
        russian("транспортн", "transport");
        russian("медицинск", "medical");
        russian("специальн", "special");
        russian("министерств", "ministry");
        russian("управлени", "directorate|administration");
        russian("институт", "institute");
        russian("академи", "academy");
        russian("комбинат", "combine|plant");
        russian("компани", "company");
        russian("фабрик", "factory");
        russian("агентств", "agency");
        russian("холдинг", "holding");
        russian("научн", "scientific");
        russian("ракетн", "rocket");
        russian("ядерн", "nuclear");
        russian("атомн", "atomic");
        russian("военн", "military");
        russian("морск", "marine|naval");
        russian("нефтян", "oil");
        russian("торгов", "trading");
        russian("инженерн", "engineering");
        russian("опытн", "experimental");
        russian("завод", "plant|factory");
        russian("центр", "center");
        russian("бюро", "bureau");
        russian("банк", "bank");
        russian("групп", "group");
        russian("систем", "systems");
        russian("связ", "communications");
    }

    private OrganisationGlossary() {
    }

    private static void cjk(String english, String... words) {
        for (String w : words) {
            String[] e = english.split("\\|");
            for (String word : w.split("\\|")) {
                CJK.putIfAbsent(word, e);
                longestCjk = Math.max(longestCjk, word.length());
            }
        }
    }

    private static void russian(String stem, String english) {
        RUSSIAN.put(stem, english.split("\\|"));
    }

    /** The glossary readings of a name; none when it has no glossary word or is in another script. */
    static List<Reading> read(String text, Latinizer.Scripts scripts) {
        if (scripts.han() || scripts.hangul() || scripts.kana()) {
            List<Segment> segments = segment(text);
            if (segments.stream().allMatch(g -> g.english() == null && g.number() < 0)) {
                return List.of();
            }
            List<Reading> out = new ArrayList<>(3);
            // a name with kana is Japanese; one of four or more Han characters may be (see Latinizer.japaneseReading)
            boolean kana = scripts.kana();
            List<String> runs = transliterate(segments, kana);
            readCjk(segments, runs, 0, kana, out);
            readCjk(segments, runs, 1, kana, out);
            if (!kana && Latinizer.japaneseReading(text, scripts) != null) {
                readCjk(segments, transliterate(segments, true), 0, true, out);
            }
            return out;
        }
        if (scripts.nonLatin() && hasCyrillic(text)) {
            List<Reading> out = new ArrayList<>(2);
            readRussian(text, 0, out);
            readRussian(text, 1, out);
            return out;
        }
        return List.of();
    }

    /**
     * A part of a name in CJK characters: a glossary word with its English equivalents, a numbered
     * ordinal (第七, "the seventh") with its value, or a run of other characters (the distinctive part).
     */
    private record Segment(String original, String[] english, int number) {
    }

    /** The name cut into glossary words (longest first), ordinals and runs of other characters; spaces dropped. */
    private static List<Segment> segment(String text) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String word = null;
            for (int len = Math.min(longestCjk, text.length() - i); len >= 1 && word == null; len--) {
                String candidate = text.substring(i, i + len);
                if (CJK.containsKey(candidate) && (len > 1 || standsAlone(text, i))) {
                    word = candidate;
                }
            }
            int numberEnd = word == null ? ordinalEnd(text, i) : -1;
            if (word == null && numberEnd < 0) {
                int cp = text.codePointAt(i);
                if (Character.isLetterOrDigit(cp)) {
                    run.appendCodePoint(cp);
                } else {
                    endRun(run, segments);
                }
                i += Character.charCount(cp);
                continue;
            }
            endRun(run, segments);
            if (word != null) {
                segments.add(new Segment(word, CJK.get(word), -1));
                i += word.length();
            } else {
                segments.add(new Segment(text.substring(i, numberEnd), null, numeral(text.substring(i + 1, numberEnd))));
                i = numberEnd;
            }
        }
        endRun(run, segments);
        return segments;
    }

    private static void endRun(StringBuilder run, List<Segment> segments) {
        if (!run.isEmpty()) {
            segments.add(new Segment(run.toString(), null, -1));
            run.setLength(0);
        }
    }

    /** Each run of other characters in Latin letters, as one word (null for the other segments). */
    private static List<String> transliterate(List<Segment> segments, boolean japaneseReading) {
        List<String> out = new ArrayList<>(segments.size());
        for (Segment g : segments) {
            if (g.english() != null || g.number() >= 0) {
                out.add(null);
                continue;
            }
            String source = japaneseReading ? JapaneseReadings.read(g.original()) : g.original();
            out.add(String.join("", Latinizer.words(Latinizer.toLatin(source, Latinizer.scripts(source)))));
        }
        return out;
    }

    /**
     * One reading: glossary words translated by their {@code choice}-th English equivalent, ordinals as
     * digits, runs as transliterated. Adds nothing when no word has that choice, or when the same reading
     * is there already.
     */
    private static void readCjk(List<Segment> segments, List<String> runs, int choice, boolean japaneseReading,
                                List<Reading> out) {
        StringBuilder result = new StringBuilder();
        List<String> translated = new ArrayList<>();
        List<String> transliterated = new ArrayList<>();
        boolean usedChoice = choice == 0;
        for (int k = 0; k < segments.size(); k++) {
            Segment g = segments.get(k);
            String part;
            if (g.english() != null) {
                part = g.english()[Math.min(choice, g.english().length - 1)];
                usedChoice |= g.english().length > choice;
                translated.add(g.original() + "→" + part);
            } else if (g.number() >= 0) {
                part = Integer.toString(g.number());
                translated.add(g.original() + "→" + part);
            } else {
                part = runs.get(k);
                transliterated.add(g.original() + "→" + part);
            }
            result.append(result.isEmpty() ? "" : " ").append(part);
        }
        if (!usedChoice) {
            return;
        }
        String reading = result.toString();
        for (Reading r : out) {
            if (r.text().equals(reading)) {
                return;
            }
        }
        String how = "glossary (" + String.join(", ", translated) + " translated"
                + (transliterated.isEmpty() ? "" : "; " + String.join(", ", transliterated) + " transliterated"
                + (japaneseReading ? " by Japanese reading" : ""))
                + ")";
        out.add(new Reading(reading, how));
    }

    /** A one-character glossary word counts only at the end of the name or before another glossary word (部, 局, 厂). */
    private static boolean standsAlone(String text, int i) {
        int next = i + 1;
        if (next >= text.length() || !Character.isLetter(text.charAt(next))) {
            return true;
        }
        for (int len = Math.min(longestCjk, text.length() - next); len >= 2; len--) {
            if (CJK.containsKey(text.substring(next, next + len))) {
                return true;
            }
        }
        return false;
    }

    /** Where a 第-ordinal (第七, 第二十三, 第七〇九) starting at i ends, or -1. */
    private static int ordinalEnd(String text, int i) {
        if (text.charAt(i) != '第') {
            return -1;
        }
        int end = i + 1;
        while (end < text.length() && NUMERALS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return end > i + 1 ? end : -1;
    }

    /**
     * The value of Chinese numerals: with 十 as tens (二十三 = 23), otherwise digit by digit, as institutes'
     * numbers are read (七〇九 = 709).
     */
    static int numeral(String digits) {
        int ten = digits.indexOf('十');
        if (ten >= 0) {
            int tens = ten == 0 ? 1 : digit(digits.charAt(0));
            int units = ten + 1 < digits.length() ? digit(digits.charAt(ten + 1)) : 0;
            return tens * 10 + units;
        }
        int value = 0;
        for (int k = 0; k < digits.length() && k < 6; k++) {
            value = value * 10 + digit(digits.charAt(k));
        }
        return value;
    }

    private static int digit(char c) {
        return c == '〇' || c == '零' ? 0 : Math.max(0, NUMERALS.indexOf(c) - 1);
    }

    private static boolean hasCyrillic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    /** One reading of a Russian name: words with a glossary stem translated, the others transliterated. */
    private static void readRussian(String text, int choice, List<Reading> out) {
        List<String> translated = new ArrayList<>();
        boolean usedChoice = choice == 0;
        StringBuilder result = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        for (String[] legal : RUSSIAN_LEGAL) {
            if (lower.contains(legal[0])) {
                lower = lower.replace(legal[0], " " + legal[1] + " ");
                translated.add(legal[0] + "→" + legal[1]);
            }
        }
        for (String word : lower.split("[^\\p{L}\\p{N}-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String[] english = null;
            for (Map.Entry<String, String[]> e : RUSSIAN.entrySet()) {
                if (word.startsWith(e.getKey()) && word.length() - e.getKey().length() <= RUSSIAN_ENDING) {
                    english = e.getValue();
                    break;
                }
            }
            if (english == null) {
                result.append(' ').append(word);
            } else {
                String en = english[Math.min(choice, english.length - 1)];
                usedChoice |= english.length > choice;
                result.append(' ').append(en);
                translated.add(word + "→" + en);
            }
        }
        if (translated.isEmpty() || !usedChoice) {
            return;
        }
        String latin = Latinizer.toLatin(result.toString(), Latinizer.scripts(result.toString())).strip();
        out.add(new Reading(latin, "glossary (" + String.join(", ", translated) + " translated; the rest transliterated)"));
    }
}
