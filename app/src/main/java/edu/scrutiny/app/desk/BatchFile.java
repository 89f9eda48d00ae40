package edu.scrutiny.app.desk;

import edu.scrutiny.app.support.InvalidInput;
import edu.scrutiny.app.support.TooLarge;
import edu.scrutiny.lists.ListFile;
import edu.scrutiny.lists.ListFormatException;
import edu.scrutiny.lists.Schema;
import edu.scrutiny.lists.internal.Countries;
import edu.scrutiny.lists.internal.CsvInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A batch file as uploaded, read whole and checked before anything is recorded: CSV (UTF-8, a header
 * row) or XLSX (the first sheet, a header row), with the columns of the command line's {@code screen}
 * input: {@code name} (required), {@code id}, {@code schema}, {@code country} (alpha-2 codes separated
 * by {@code ;}), {@code birth_date}; other columns are ignored. Every problem is named by its row and
 * column; a file with any is refused whole. In XLSX a birth date may be a date cell (a number with a
 * date format, as spreadsheets store dates), read as its ISO date; a number that is not a date is
 * refused rather than guessed at, but for a whole four-digit number, read as a year.
 */
final class BatchFile {
    static final List<String> COLUMNS = List.of("id", "name", "schema", "country", "birth_date");
    /** Most problems reported at once: enough to fix a file, not a wall of text. */
    static final int MAX_PROBLEMS = 20;
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private BatchFile() {
    }

    /** One row to screen, checked. */
    record Row(int rowNo, String location, String id, String name, Schema schema, List<String> countries, String birthDate) {
    }

    /**
     * Reads and checks a file.
     *
     * @param source  the request, for messages ({@code POST /api/screenings/batches})
     * @param maxRows most data rows accepted
     * @throws InvalidInput naming the row and column of each problem
     * @throws TooLarge     past {@code maxRows} rows
     */
    static List<Row> read(String source, String fileName, byte[] bytes, int maxRows) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (bytes.length == 0) {
            throw new InvalidInput(source, "file", name + " is empty; expected a CSV or XLSX file with a header row naming the columns "
                    + String.join(", ", COLUMNS) + " (name required)");
        }
        Checker checker = new Checker(source, name, maxRows);
        boolean xlsx = bytes.length >= 4 && bytes[0] == ZIP[0] && bytes[1] == ZIP[1] && bytes[2] == ZIP[2] && bytes[3] == ZIP[3];
        if (xlsx) {
            readXlsx(name, bytes, checker);
        } else if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || name.toLowerCase(Locale.ROOT).endsWith(".xls")) {
            throw new InvalidInput(source, "file", name + " is not an XLSX workbook (Office Open XML); save it as .xlsx or as CSV (UTF-8)");
        } else {
            readCsv(name, bytes, checker);
        }
        return checker.done();
    }

    private static void readCsv(String name, byte[] bytes, Checker checker) {
        ListFile file = new ListFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String location() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
        try {
            CsvInput.forEach(file, StandardCharsets.UTF_8, CSVFormat.RFC4180, (record, where) -> {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                checker.row(where, cells, Set.of());
            });
        } catch (ListFormatException e) {
            throw new InvalidInput(checker.source, "file", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInput(checker.source, "file", name + " cannot be read: " + e.getMessage());
        }
    }

    private static void readXlsx(String name, byte[] bytes, Checker checker) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            CellTexts texts = new CellTexts(date1904(reader));
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInput(checker.source, "file", name + " has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                String sheetName = sheets.getSheetName();
                XMLReader parser = XMLHelper.newXMLReader(); // external entities off
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new SheetRows(name, sheetName, checker, texts), texts, false));
                parser.parse(new InputSource(sheet));
            }
        } catch (InvalidInput | TooLarge e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InvalidInput i) {
                throw i;
            }
            if (e.getCause() instanceof TooLarge t) {
                throw t;
            }
            throw new InvalidInput(checker.source, "file", name + " is not a readable XLSX workbook: " + e.getMessage());
        } catch (Exception e) {
            throw new InvalidInput(checker.source, "file", name + " is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    /** Whether the workbook counts its dates from 1904 (old Mac Excel) rather than 1900: {@code <workbookPr date1904="1">}. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        boolean[] found = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader(); // external entities off
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String v = attributes.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /**
     * The texts of a sheet's cells: a number with a date format (a date cell, however the sheet shows
     * it: 02/01/1980, 2 Jan 1980) as its ISO date, other numbers as the sheet's format writes them. The
     * sheet's handler calls this for number cells only, just before it hands the cell on: {@link
     * #takeNumber} tells the row handler whether the cell was a number that is not a date.
     */
    private static final class CellTexts extends DataFormatter {
        private final boolean date1904;
        private boolean number;

        CellTexts(boolean date1904) {
            super(Locale.ROOT);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            // a whole day or more: a date, with or without a time of day; less than a day is a time alone
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value) && value >= 1) {
                number = false;
                return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
            }
            number = true;
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }

        /** Whether the cell just read was a number that is not a date (and forgets it, for the next cell). */
        boolean takeNumber() {
            boolean n = number;
            number = false;
            return n;
        }
    }

    /** The first sheet's rows as lists of cell texts (gaps filled with empty cells), with the columns that held plain numbers. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String file;
        private final String sheet;
        private final Checker checker;
        private final CellTexts texts;
        private final List<String> cells = new ArrayList<>();
        private final Set<Integer> numbers = new java.util.HashSet<>();

        SheetRows(String file, String sheet, Checker checker, CellTexts texts) {
            this.file = file;
            this.sheet = sheet;
            this.checker = checker;
            this.texts = texts;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            numbers.clear();
        }

        @Override
        public void endRow(int rowNum) {
            checker.row(file + " sheet " + sheet + " row " + (rowNum + 1), new ArrayList<>(cells), Set.copyOf(numbers));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new org.apache.poi.ss.util.CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            if (texts.takeNumber()) {
                numbers.add(col);
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** Takes the header, then each row: checks it, and keeps it or its problems. */
    private static final class Checker {
        final String source;
        final String file;
        final int maxRows;
        final List<Row> rows = new ArrayList<>();
        final List<InvalidInput.Problem> problems = new ArrayList<>();
        int moreProblems;
        int[] columns;

        Checker(String source, String file, int maxRows) {
            this.source = source;
            this.file = file;
            this.maxRows = maxRows;
        }

        /** A row's cell texts; {@code numbers} are the columns that held a number that is not a date (XLSX). */
        void row(String where, List<String> cells, Set<Integer> numbers) {
            if (columns == null) {
                if (cells.stream().allMatch(String::isBlank)) {
                    return; // blank lines before the header
                }
                header(where, cells);
                return;
            }
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (rows.size() + problemRows >= maxRows) {
                throw new TooLarge(String.format(Locale.ROOT, "%s has more than %,d rows (at %s); split it, or ask the administrator to "
                        + "raise scrutiny.screening.batch-max-rows", file, maxRows, where));
            }
            check(where, cells, numbers);
        }

        int problemRows;

        private void header(String where, List<String> cells) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String n = cells.get(i) == null ? "" : cells.get(i).strip().toLowerCase(Locale.ROOT);
                if (i == 0 && n.startsWith("\uFEFF")) {
                    n = n.substring(1);
                }
                index.putIfAbsent(n, i);
            }
            if (!index.containsKey("name")) {
                throw new InvalidInput(source, "file", where + ": the header has no column 'name'; it must name the columns "
                        + String.join(", ", COLUMNS) + " (name required; found: " + String.join(", ", cells) + ")");
            }
            columns = new int[COLUMNS.size()];
            for (int i = 0; i < COLUMNS.size(); i++) {
                columns[i] = index.getOrDefault(COLUMNS.get(i), -1);
            }
        }

        private String cell(List<String> cells, String column) {
            int c = columns[COLUMNS.indexOf(column)];
            return c < 0 || c >= cells.size() || cells.get(c) == null ? "" : cells.get(c).strip();
        }

        private void check(String where, List<String> cells, Set<Integer> numbers) {
            int rowNo = rows.size() + problemRows + 1;
            List<String> wrong = new ArrayList<>();
            String id = cell(cells, "id");
            if (id.length() > 200) {
                wrong.add("column 'id' is longer than 200 characters");
            }
            String name = cell(cells, "name");
            if (name.isEmpty()) {
                wrong.add("column 'name' is empty; every row needs a name");
            } else if (name.length() > DeskQueries.MAX_NAME) {
                wrong.add("column 'name' is longer than " + DeskQueries.MAX_NAME + " characters");
            }
            Schema schema = null;
            String s = cell(cells, "schema");
            if (!s.isEmpty()) {
                try {
                    schema = DeskQueries.schema(s).orElse(null);
                } catch (IllegalArgumentException e) {
                    wrong.add("column 'schema': " + e.getMessage());
                }
            }
            List<String> countries = new ArrayList<>();
            for (String c : cell(cells, "country").split("[;,]")) {
                String code = c.strip();
                if (code.isEmpty()) {
                    continue;
                }
                if (!Countries.isCode(code)) {
                    wrong.add("column 'country' holds '" + code + "', expected ISO 3166-1 alpha-2 codes separated by ';' (e.g. CN;HK)");
                } else if (!countries.contains(code.toUpperCase(Locale.ROOT))) {
                    countries.add(code.toUpperCase(Locale.ROOT));
                }
            }
            String birth = cell(cells, "birth_date");
            if (!birth.isEmpty() && numbers.contains(columns[COLUMNS.indexOf("birth_date")]) && !YEAR.matcher(birth).matches()) {
                wrong.add("column 'birth_date' holds the number " + birth + ", not a date; make the cell a date cell, or write the date as "
                        + "text: YYYY, YYYY-MM or YYYY-MM-DD");
            } else if (!birth.isEmpty() && !partialDate(birth)) {
                wrong.add("column 'birth_date' is '" + birth + "', expected YYYY, YYYY-MM or YYYY-MM-DD (or, in XLSX, a date cell)");
            }
            if (wrong.isEmpty()) {
                rows.add(new Row(rowNo, where, id.isEmpty() ? Integer.toString(rowNo) : id, name, schema, countries,
                        birth.isEmpty() ? null : birth));
                return;
            }
            problemRows++;
            for (String w : wrong) {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(new InvalidInput.Problem(where, w));
                } else {
                    moreProblems++;
                }
            }
        }

        List<Row> done() {
            if (columns == null) {
                throw new InvalidInput(source, "file", file + " has no header row; expected one naming the columns "
                        + String.join(", ", COLUMNS) + " (name required)");
            }
            if (!problems.isEmpty()) {
                if (moreProblems > 0) {
                    problems.add(new InvalidInput.Problem("file", "and " + moreProblems + " more problems"));
                }
                throw new InvalidInput(source, problems);
            }
            if (rows.isEmpty()) {
                throw new InvalidInput(source, "file", file + " has a header but no row to screen");
            }
            return rows;
        }
    }

    private static boolean partialDate(String d) {
        if (!PARTIAL_DATE.matcher(d).matches()) {
            return false;
        }
        try {
            if (d.length() == 10) {
                LocalDate.parse(d);
            } else if (d.length() == 7) {
                YearMonth.parse(d);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
