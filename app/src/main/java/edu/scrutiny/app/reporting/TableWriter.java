package edu.scrutiny.app.reporting;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a {@link Table} in a format. Both formats carry the same cells: text neutralised against
 * formula injection ({@link SpreadsheetText}), numbers as numbers, dates as ISO 8601 in CSV and as
 * date cells in XLSX (instants in UTC), booleans as {@code true}/{@code false}.
 */
public final class TableWriter {
    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int XLSX_WINDOW = 200;
    private static final DateTimeFormatter INSTANT_TEXT = DateTimeFormatter.ISO_INSTANT;

    private TableWriter() {
    }

    /** Writes the table to the stream (not closed) and returns the number of rows written. */
    public static long write(Table table, ExportFormat format, OutputStream out) {
        try {
            return switch (format) {
                case CSV -> writeCsv(table, out);
                case XLSX -> writeXlsx(table, out);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long writeCsv(Table table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
        printer.printRecord(table.columns().stream().map(c -> SpreadsheetText.neutralised(c.header())).toList());
        long n = 0;
        for (List<Object> row : table.rows()) {
            Object[] cells = new Object[table.columns().size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = csvText(table.columns().get(i), i < row.size() ? row.get(i) : null);
            }
            printer.printRecord(cells);
            n++;
        }
        printer.flush();
        return n;
    }

    private static String csvText(Column column, Object cell) {
        Object v = Table.checked(column, cell);
        if (v == null) {
            return "";
        }
        return switch (column.type()) {
            case TEXT -> SpreadsheetText.neutralised((String) v);
            case NUMBER -> numberText((Number) v);
            case DATE -> v.toString();
            case DATE_TIME -> INSTANT_TEXT.format((Instant) v);
            case BOOLEAN -> v.toString();
        };
    }

    /** Whole numbers without a decimal point, others as Java writes a double (no exponent for usual scores). */
    private static String numberText(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    private static long writeXlsx(Table table, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(XLSX_WINDOW);
        try {
            book.setCompressTempFiles(true);
            SXSSFSheet sheet = book.createSheet(sheetName(table.name()));
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            List<Column> columns = table.columns();
            Row head = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(SpreadsheetText.neutralised(columns.get(i).header()));
                c.setCellStyle(header);
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, columns.get(i).header().length() + 2)) * 256);
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < columns.size(); i++) {
                    Object v = Table.checked(columns.get(i), i < row.size() ? row.get(i) : null);
                    if (v == null) {
                        continue;
                    }
                    Cell c = x.createCell(i);
                    switch (columns.get(i).type()) {
                        case TEXT -> c.setCellValue(fitted(SpreadsheetText.neutralised((String) v)));
                        case NUMBER -> c.setCellValue(((Number) v).doubleValue());
                        case DATE -> {
                            c.setCellValue((LocalDate) v);
                            c.setCellStyle(date);
                        }
                        case DATE_TIME -> {
                            c.setCellValue(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
                            c.setCellStyle(dateTime);
                        }
                        case BOOLEAN -> c.setCellValue((Boolean) v);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            if (!columns.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
            }
            book.write(out);
            return r - 1L;
        } finally {
            book.close();
        }
    }

    /**
     * Text an XLSX cell can hold: at most 32,767 characters (Excel's limit; POI refuses more). A longer
     * value (an audit record's document, say) is cut and says so; the CSV export carries it whole.
     */
    static String fitted(String text) {
        int max = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        if (text.length() <= max) {
            return text;
        }
        String note = " [cut: " + text.length() + " characters; the CSV export has them all]";
        return text.substring(0, max - note.length()) + note;
    }

    /** A name Excel accepts for a sheet: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String s = name == null || name.isBlank() ? "export" : name.replaceAll("[\\[\\]:*?/\\\\]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
