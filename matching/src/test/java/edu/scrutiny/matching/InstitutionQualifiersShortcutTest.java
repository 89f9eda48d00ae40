package edu.scrutiny.matching;

import edu.scrutiny.lists.SharedData;
import edu.scrutiny.matching.internal.Latinizer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check that lets most names skip the qualifier patterns ({@link InstitutionWords#mayHoldQualifier})
 * never skips a name the patterns would change: {@code withoutQualifiers} gives what the patterns alone
 * give, on every kind of qualifier, on random names made of the patterns' words, and on real names.
 */
class InstitutionQualifiersShortcutTest {
    private static final List<String> WORDS = List.of("University", "of", "Technology", "Institute", "State", "Campus", "Branch",
            "named", "after", "in", "honour", "honor", "imeni", "im.", "im", "Kim", "Ibrahim", "Russian", "Academy", "Sciences",
            "Chinese", "Kish", "Weihai", "Shenzhen", "(HEU)", "(BIT)", "(", ")", ",", "Belarus", "Ukraine", "Armenia", "DPRK",
            "Korea", "Democratic", "People's", "Republic", "the", "NASB", "NASU", "SB", "UB", "FEB", "RAS", "CAS", "Ras", "Harbin",
            "School", "Medicine", "Laboratory", "College", "N.", "I.", "Lobachevsky", "Naval", "Huawei", "Ltd", "Co.", "Weihai)");

    @Test
    void everyKindOfQualifierIsStillSetAside() {
        for (String name : List.of("Sharif University of Technology, Kish Campus", "Harbin Institute of Technology, Weihai",
                "Harbin Institute of Technology (Shenzhen campus)", "Beihang University Weihai Branch",
                "Institute of Automation, Chinese Academy of Sciences", "Institute of Physics of the Russian Academy of Sciences",
                "Budker Institute of Nuclear Physics SB RAS", "Harbin Engineering University (HEU)",
                "Kazan Federal University named after V. I. Lenin", "Moscow State University im. Lomonosov",
                "Institute of Mathematics, NASB", "Institute of Chemistry (CAS)", "KIM IL SUNG UNIVERSITY IMENI KIM",
                "Institute of Physics of the Academy of Sciences of the DPRK")) {
            assertThat(InstitutionWords.mayHoldQualifier(name)).as(name).isTrue();
            assertThat(InstitutionWords.withoutQualifiers(name)).as(name).isEqualTo(InstitutionWords.stripQualifiers(name));
        }
        assertThat(InstitutionWords.withoutQualifiers("Sharif University of Technology, Kish Campus")).isEqualTo("Sharif University of Technology");
        assertThat(InstitutionWords.mayHoldQualifier("Peking University")).isFalse();
        assertThat(InstitutionWords.withoutQualifiers("Peking University")).isNull();
    }

    @Test
    void randomNamesOfThePatternsWordsGiveWhatThePatternsGive() {
        SplittableRandom rnd = new SplittableRandom(7);
        int skipped = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + rnd.nextInt(7);
            for (int w = 0; w < words; w++) {
                String word = WORDS.get(rnd.nextInt(WORDS.size()));
                word = switch (rnd.nextInt(3)) {
                    case 0 -> word.toUpperCase(Locale.ROOT);
                    case 1 -> word.toLowerCase(Locale.ROOT);
                    default -> word;
                };
                sb.append(word).append(rnd.nextInt(8) == 0 ? "" : rnd.nextInt(10) == 0 ? "  " : " ");
            }
            String name = sb.toString();
            if (!InstitutionWords.mayHoldQualifier(name)) {
                skipped++;
            }
            assertThat(InstitutionWords.withoutQualifiers(name)).as(name).isEqualTo(InstitutionWords.stripQualifiers(name));
        }
        assertThat(skipped).as("names the check lets skip the patterns").isGreaterThan(300);
    }

    @Test
    void realNamesGiveWhatThePatternsGive() throws Exception {
        Path universities = SharedData.eval("universities/queries.csv").getParent();
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(universities.resolve("queries.csv"), universities.resolve("hard-negatives.csv")));
        try (var listed = Files.list(universities.resolve("lists"))) {
            listed.filter(p -> p.toString().endsWith(".csv")).forEach(files::add);
        }
        for (Path f : files) {
            try (Reader r = Files.newBufferedReader(f)) {
                for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    for (String column : List.of("name", "aliases", "alt_names")) {
                        if (row.isMapped(column)) {
                            for (String cell : row.get(column).split(";")) {
                                names.add(Latinizer.toLatin(cell, Latinizer.scripts(cell)));
                            }
                        }
                    }
                }
            }
        }
        int skipped = 0;
        for (String name : names) {
            skipped += InstitutionWords.mayHoldQualifier(name) ? 0 : 1;
            assertThat(InstitutionWords.withoutQualifiers(name)).as(name).isEqualTo(InstitutionWords.stripQualifiers(name));
        }
        assertThat(names).hasSizeGreaterThan(5_000);
        assertThat(skipped).isGreaterThan(names.size() / 4);
    }
}
