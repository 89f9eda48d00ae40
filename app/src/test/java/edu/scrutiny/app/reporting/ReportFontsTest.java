package edu.scrutiny.app.reporting;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fonts a report is printed with come from the host: a script no font covers still gives a PDF,
 * which says at its top what it could not render; a script a font covers is printed as text.
 */
class ReportFontsTest {
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    static final String TEXT = "Huawei " + HostFonts.HAN + " " + HostFonts.ARABIC + " " + HostFonts.CYRILLIC;

    @TempDir
    Path dir;

    @Test
    void withoutAnyFontThePdfIsStillMadeAndNamesTheScriptsItCouldNotRender() throws Exception {
        PdfRenderer renderer = new PdfRenderer(new ReportFonts(List.of(dir.toString())));
        PdfRenderer.Rendered r = renderer.render("probe", Map.of("text", TEXT), "probe");
        assertThat(r.missingScripts()).contains("Han", "Arabic", "Cyrillic", "Latin");
        PdfText pdf = PdfText.of(r.pdf());
        assertThat(pdf.flat()).contains("Not rendered: characters in the").contains("Han").contains("Arabic")
                .contains("no font in " + dir);
    }

    @Test
    void aFontForSomeScriptsPrintsThemAndNamesTheRest() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DEJAVU), "SKIPPED: " + DEJAVU + " is absent (apt-get install fonts-dejavu-core)");
        Files.copy(DEJAVU, dir.resolve("DejaVuSans.ttf"));
        PdfRenderer renderer = new PdfRenderer(new ReportFonts(List.of(dir.toString())));
        PdfRenderer.Rendered r = renderer.render("probe", Map.of("text", TEXT), "probe");
        assertThat(r.missingScripts()).containsExactly("Han");
        PdfText pdf = PdfText.of(r.pdf());
        assertThat(pdf.text()).contains(HostFonts.ARABIC).contains(HostFonts.CYRILLIC).contains("Huawei")
                .contains("Not rendered: characters in the Han script");
        assertThat(pdf.notEmbedded()).isEmpty();
    }

    @Test
    void theHostsFontsCoverHanArabicAndCyrillic() throws Exception {
        HostFonts.assumeScriptsCovered();
        PdfRenderer.Rendered r = new PdfRenderer(new ReportFonts(List.of("/usr/share/fonts"))).render("probe", Map.of("text", TEXT), "probe");
        assertThat(r.missingScripts()).isEmpty();
        PdfText pdf = PdfText.of(r.pdf());
        assertThat(pdf.text()).contains(HostFonts.HAN).contains(HostFonts.ARABIC).contains(HostFonts.CYRILLIC)
                .doesNotContain("Not rendered");
        assertThat(pdf.notEmbedded()).isEmpty();
    }
}
