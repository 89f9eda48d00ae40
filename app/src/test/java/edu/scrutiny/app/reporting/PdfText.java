package edu.scrutiny.app.reporting;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A PDF read back with PDFBox, as a reader's tools would: its text (Arabic in logical order), pages and fonts. */
record PdfText(String text, int pages, List<String> fonts, List<String> notEmbedded) {

    static PdfText of(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // in reading order, as pdftotext gives it, not in drawing order
            String text = stripper.getText(doc);
            List<String> fonts = new ArrayList<>();
            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    fonts.add(f.getName());
                    if (!f.isEmbedded()) {
                        notEmbedded.add(f.getName());
                    }
                }
            }
            return new PdfText(text, doc.getNumberOfPages(), fonts, notEmbedded);
        }
    }

    /** The text with line breaks as spaces and runs of spaces as one: a phrase wrapped over two lines still reads as one. */
    String flat() {
        return text.replaceAll("\\s+", " ");
    }
}
