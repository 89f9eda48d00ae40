package edu.scrutiny.app.cli;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scrutiny export WHAT --format --out} and {@code audit export --format}, on a data directory. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsEngagementsAndTheAuditTrailAsSheetsAndRefusesBadRequestsWithoutAFile() throws Exception {
        Path data = dir.resolve("data");
        Path engagement = dir.resolve("e.json");
        Files.writeString(engagement, """
                {"title": "@SUM(1+1) seminar", "type": "collaboration", "renewal": false, "submitted_on": "2024-03-01",
                 "funding": {"amount": 5000, "currency": "USD", "source": "foundation"},
                 "parties": [{"name": "Example University", "kind": "organization", "country": "DE", "role": "collaborator"}],
                 "work_countries": ["DE"], "research_areas": ["mathematics"]}""");
        CliRun submit = CliRun.of("--data", data.toString(), "engagements", "submit", engagement.toString());
        assertThat(submit.exitCode()).as(submit.err()).isZero();

        Path csv = dir.resolve("engagements.csv");
        CliRun export = CliRun.of("--data", data.toString(), "export", "engagements", "--format", "csv", "--out", csv.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.err()).contains("exported 1 row to");
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,submitted_on,status,tier").contains("ENG-000001,2024-03-01").contains("'@SUM(1+1) seminar");

        Path xlsx = dir.resolve("audit.xlsx");
        CliRun audit = CliRun.of("--data", data.toString(), "audit", "export", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("seq");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getCellType()).as("recorded_at is a date").isEqualTo(CellType.NUMERIC);
        }

        Path none = dir.resolve("none.csv");
        CliRun badFilter = CliRun.of("--data", data.toString(), "export", "engagements", "--format", "csv", "--out", none.toString(),
                "--filter", "tier=SEVERE");
        assertThat(badFilter.exitCode()).isEqualTo(1);
        assertThat(badFilter.err()).contains("tier").contains("SEVERE");
        CliRun badWhat = CliRun.of("--data", data.toString(), "export", "secrets", "--format", "csv", "--out", none.toString());
        assertThat(badWhat.exitCode()).isEqualTo(1);
        assertThat(badWhat.err()).contains("secrets");
        CliRun badFormat = CliRun.of("--data", data.toString(), "export", "engagements", "--format", "pdf", "--out", none.toString());
        assertThat(badFormat.exitCode()).isEqualTo(1);
        assertThat(badFormat.err()).contains("--format");
        assertThat(none).as("nothing half-written").doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
