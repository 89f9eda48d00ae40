package edu.scrutiny.app.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every template keeps to, so that a strict Content-Security-Policy ({@code default-src 'self'})
 * holds and data is never written as markup: no unescaped output, no inline script or style, no
 * event-handler attributes, and every page built on the one layout.
 */
class TemplateConventionsTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORBIDDEN = Pattern.compile(
            "th:utext|\\[\\(|<style|\\sstyle=|th:style|\\son[a-z]+=|hx-on|javascript:|th:inline=\"javascript\"",
            Pattern.CASE_INSENSITIVE);

    @Test
    void templatesEscapeEverythingAndHoldNoInlineScriptOrStyle() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path t : templates()) {
            String text = Files.readString(t);
            Matcher m = FORBIDDEN.matcher(text);
            while (m.find()) {
                found.add(TEMPLATES.relativize(t) + ": " + m.group());
            }
            Matcher s = INLINE_SCRIPT.matcher(text);
            while (s.find()) {
                found.add(TEMPLATES.relativize(t) + ": " + s.group());
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void everyPageUsesTheLayout() throws IOException {
        List<String> pages = new ArrayList<>();
        for (Path t : templates()) {
            String text = Files.readString(t);
            boolean fragmentsOnly = !text.contains("<main");
            if (!t.getFileName().toString().equals("layout.html") && !fragmentsOnly
                    && !text.contains("th:replace=\"~{layout :: page(")) {
                pages.add(TEMPLATES.relativize(t).toString());
            }
        }
        assertThat(pages).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
