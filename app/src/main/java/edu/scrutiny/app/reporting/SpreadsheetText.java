package edu.scrutiny.app.reporting;

/**
 * Text as a spreadsheet must receive it: a value that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets, and a
 * party name or an alias in a list can begin with any of them ("=cmd|' /C calc'!A0"). OWASP's advice
 * on CSV injection: prefix such a value with a single quote, which spreadsheets show as text and never
 * evaluate. Applied to every text cell of every format, since an XLSX cell is retyped when edited.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /** The value, prefixed with {@code '} when a spreadsheet would take it for a formula. */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
