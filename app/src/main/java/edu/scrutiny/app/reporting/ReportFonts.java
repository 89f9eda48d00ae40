package edu.scrutiny.app.reporting;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's fonts for the PDF reports. Scrutiny ships no font: it scans the directories of
 * {@code scrutiny.reports.font-dirs} for TrueType files ({@code .ttf}) and, for each document,
 * chooses the fewest fonts that cover every character it holds, script by script (Latin, Cyrillic,
 * Arabic, Han...). Only TrueType outlines are taken: PDFBox embeds and subsets those, while
 * CFF-based OpenType and font collections ({@code .otf}, {@code .ttc}, such as Noto CJK) it cannot
 * subset. Characters no font covers are reported by script, so the document can say what it could
 * not render rather than print a row of boxes.
 */
@Component
class ReportFonts {
    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);
    /** Above this code point nothing is looked up (the supplementary CJK planes end below it). */
    private static final int LAST = 0x3FFFF;
    /** Styles other than the plain one: a font whose file name says one of these is tried after the plain ones. */
    private static final Pattern STYLED = Pattern.compile("(?i)bold|italic|oblique|light|thin|black|medium|heavy|semi|extra|condensed|narrow|mono|math|display");

    private final List<Path> dirs;
    private final Map<Path, Optional<BitSet>> coverage = new ConcurrentHashMap<>();
    private volatile List<Path> candidates;

    ReportFonts(@Value("${scrutiny.reports.font-dirs:/usr/share/fonts}") List<String> dirs) {
        this.dirs = dirs.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    /** The fonts chosen for a text, in order (the first covers the most), and the scripts none of them covers. */
    record Choice(List<Font> fonts, Set<String> missingScripts) {
    }

    /** A font file chosen, and its bold face if the same family has one beside it. */
    record Font(Path regular, Path bold) {
    }

    /** The directories scanned, as configured (for the notice a document gives when a script is missing). */
    List<Path> dirs() {
        return dirs;
    }

    /** Chooses fonts for every character of {@code text} (and, for Arabic, the shaped forms the PDF will draw). */
    Choice choose(String text) {
        Set<Integer> needed = new TreeSet<>();
        addCodePoints(needed, text);
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            try {
                // openhtmltopdf's ICU shaper draws Arabic as presentation forms: the font must have those glyphs
                addCodePoints(needed, new ArabicShaping(ArabicShaping.LETTERS_SHAPE).shape(text));
            } catch (ArabicShapingException e) {
                log.debug("Arabic shaping for the font choice failed: {}", e.getMessage());
            }
        }
        List<Path> chosen = new ArrayList<>();
        List<BitSet> chosenCoverage = new ArrayList<>();
        Map<String, Integer> missing = new TreeMap<>();
        for (int c : needed) {
            if (chosenCoverage.stream().anyMatch(b -> b.get(c))) {
                continue;
            }
            Optional<Path> font = candidates().stream().filter(f -> covers(f, c)).findFirst();
            if (font.isPresent()) {
                chosen.add(font.get());
                chosenCoverage.add(coverage(font.get()).orElseThrow());
            } else {
                missing.merge(scriptName(c), 1, Integer::sum);
            }
        }
        List<Font> fonts = chosen.stream().map(f -> new Font(f, boldFace(f).orElse(null))).toList();
        return new Choice(fonts, new LinkedHashSet<>(missing.keySet()));
    }

    private static void addCodePoints(Set<Integer> into, String text) {
        text.codePoints().filter(c -> c > 0x20 && !Character.isWhitespace(c) && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT && c <= LAST)
                .forEach(into::add);
    }

    /** A script's name as people write it: "Han", "Arabic", "Cyrillic". */
    static String scriptName(int codePoint) {
        String s = Character.UnicodeScript.of(codePoint).name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private boolean covers(Path font, int codePoint) {
        return coverage(font).map(b -> b.get(codePoint)).orElse(false);
    }

    /** The code points a font maps to a glyph, read once; empty when the file is not a TrueType font PDFBox reads. */
    private Optional<BitSet> coverage(Path font) {
        return coverage.computeIfAbsent(font, f -> {
            try (RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(f.toFile());
                 TrueTypeFont ttf = new TTFParser().parse(in)) {
                CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
                if (cmap == null) {
                    return Optional.empty();
                }
                BitSet b = new BitSet(LAST + 1);
                for (int c = 0x20; c <= LAST; c++) {
                    if (cmap.getGlyphId(c) > 0) {
                        b.set(c);
                    }
                }
                return Optional.of(b);
            } catch (IOException | RuntimeException e) {
                log.debug("font {} left out: {}", f, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The TrueType files under the directories, plain styles first, sans before serif, then by path. */
    private List<Path> candidates() {
        List<Path> c = candidates;
        if (c == null) {
            List<Path> found = new ArrayList<>();
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf"))
                            .filter(Files::isRegularFile).forEach(found::add);
                } catch (IOException e) {
                    log.warn("font directory {} could not be read: {}", dir, e.getMessage());
                }
            }
            found.sort(Comparator.comparing((Path p) -> STYLED.matcher(p.getFileName().toString()).find())
                    .thenComparing(p -> !p.getFileName().toString().contains("Sans"))
                    .thenComparing(Path::toString));
            c = List.copyOf(found);
            candidates = c;
        }
        return c;
    }

    /** {@code DejaVuSans.ttf} has {@code DejaVuSans-Bold.ttf}; {@code NotoSans-Regular.ttf} has {@code NotoSans-Bold.ttf}. */
    private static Optional<Path> boldFace(Path regular) {
        String name = regular.getFileName().toString();
        String stem = name.substring(0, name.length() - 4).replaceFirst("-Regular$", "");
        for (String candidate : List.of(stem + "-Bold.ttf", stem + "Bold.ttf")) {
            Path p = regular.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
