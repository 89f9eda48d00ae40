package edu.scrutiny.app.reporting;

/**
 * A column of an export: its header and the type of its cells, so that XLSX writes dates as dates
 * and scores as numbers, and CSV writes each in one stable text form.
 */
public record Column(String header, Type type) {

    /** What a column holds; a cell of a column may also be empty (null). */
    public enum Type {
        /** Text, written so that no spreadsheet takes it for a formula. */
        TEXT,
        /** A number (score, share, count, amount). */
        NUMBER,
        /** A calendar date ({@link java.time.LocalDate}). */
        DATE,
        /** An instant ({@link java.time.Instant}), in UTC. */
        DATE_TIME,
        /** True or false. */
        BOOLEAN
    }

    public static Column text(String header) {
        return new Column(header, Type.TEXT);
    }

    public static Column number(String header) {
        return new Column(header, Type.NUMBER);
    }

    public static Column date(String header) {
        return new Column(header, Type.DATE);
    }

    public static Column dateTime(String header) {
        return new Column(header, Type.DATE_TIME);
    }

    public static Column bool(String header) {
        return new Column(header, Type.BOOLEAN);
    }
}
