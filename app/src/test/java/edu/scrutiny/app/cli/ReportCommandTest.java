package edu.scrutiny.app.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scrutiny report dossier ENG-... --out FILE.pdf}: the file written whole, an unknown engagement refused without a file. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAnEngagementsDossierAndRefusesAnUnknownOneWithoutAFile() throws Exception {
        Path data = dir.resolve("data");
        Path engagement = dir.resolve("e.json");
        Files.writeString(engagement, """
                {"title": "Number theory seminar", "type": "collaboration", "renewal": false, "submitted_on": "2024-03-01",
                 "funding": {"amount": 5000, "currency": "USD", "source": "foundation"},
                 "parties": [{"name": "Example University", "kind": "organization", "country": "DE", "role": "collaborator"}],
                 "work_countries": ["DE"], "research_areas": ["mathematics"]}""");
        CliRun submit = CliRun.of("--data", data.toString(), "engagements", "submit", engagement.toString());
        assertThat(submit.exitCode()).as(submit.err()).isZero();

        Path pdf = dir.resolve("dossier.pdf");
        CliRun report = CliRun.of("--data", data.toString(), "report", "dossier", "ENG-000001", "--out", pdf.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.err()).contains("wrote " + pdf).contains("bytes");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("ENG-000001: Number theory seminar").contains("Example University")
                    .contains("by command line").containsIgnoringCase("audit trail");
        }

        Path none = dir.resolve("none.pdf");
        CliRun unknown = CliRun.of("--data", data.toString(), "report", "dossier", "ENG-999999", "--out", none.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no engagement ENG-999999");
        assertThat(none).as("nothing half-written").doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
