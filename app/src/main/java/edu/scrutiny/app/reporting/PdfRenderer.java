package edu.scrutiny.app.reporting;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import edu.scrutiny.app.support.Labels;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a print template ({@code src/main/resources/print/NAME.xhtml}, Thymeleaf in XML mode so that
 * the output is the well-formed XHTML openhtmltopdf reads, every value escaped) and its model into a
 * PDF: the host's fonts chosen for the text and embedded (subset), Arabic shaped and laid out right
 * to left with ICU, nothing fetched from outside. When no font covers a script, the model's
 * {@code missingScripts} says which, and the template prints that notice. Templates write a key as
 * people read it with {@code ${words.of(value)}}, the same {@link Labels} the pages use.
 */
@Component
class PdfRenderer {
    private final ReportFonts fonts;
    private final SpringTemplateEngine templates;

    PdfRenderer(ReportFonts fonts) {
        // openhtmltopdf logs every layout step at INFO through java.util.logging, straight to stderr
        // (into the command line's output); a failure still surfaces as the exception it throws
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        this.fonts = fonts;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PdfRenderer.class.getClassLoader());
        resolver.setPrefix("print/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
    }

    /** The PDF of a print template with its model, and the scripts it could not render (empty when all were). */
    record Rendered(byte[] pdf, List<String> missingScripts) {
    }

    Rendered render(String template, Map<String, Object> model, String title) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("words", Labels.words()); // keys printed as the pages show them: "Compliance review", not compliance_review
        variables.put("missingScripts", List.of());
        variables.put("fontDirs", fonts.dirs().stream().map(Path::toString).collect(Collectors.joining(", ")));
        variables.put("fontFamily", "sans-serif");
        // rendered once to know every character the document holds, then again with its fonts (and the
        // notice of what none covers, plain English that needs no other font)
        ReportFonts.Choice choice = fonts.choose(xhtml(template, variables));
        List<String> missing = List.copyOf(choice.missingScripts());
        PdfRendererBuilder builder = new PdfRendererBuilder();
        List<String> families = new ArrayList<>();
        for (int i = 0; i < choice.fonts().size(); i++) {
            ReportFonts.Font f = choice.fonts().get(i);
            String family = "scrutiny-font-" + i;
            families.add(family);
            builder.useFont(f.regular().toFile(), family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            if (f.bold() != null) { // without one, bold text takes the regular face (a CJK font is not loaded twice)
                builder.useFont(f.bold().toFile(), family, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
        }
        // the fonts chosen, in order: openhtmltopdf falls back along the list glyph by glyph
        variables.put("fontFamily", families.isEmpty() ? "sans-serif" : String.join(", ", families));
        variables.put("missingScripts", missing);
        String xhtml = xhtml(template, variables);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                    .useUnicodeBidiReorderer(new ICUBidiReorderer())
                    .defaultTextDirection(BaseRendererBuilder.TextDirection.LTR)
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withProducer("Scrutiny")
                    .withHtmlContent(xhtml, null)
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF " + title + " could not be written", e);
        }
        return new Rendered(out.toByteArray(), missing);
    }

    private String xhtml(String template, Map<String, Object> variables) {
        return templates.process(template, new Context(Locale.ENGLISH, variables));
    }
}
