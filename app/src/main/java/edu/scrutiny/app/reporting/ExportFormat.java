package edu.scrutiny.app.reporting;

import java.util.Locale;
import java.util.Optional;

/** The formats an export is written in. */
public enum ExportFormat {
    /** UTF-8 with a byte-order mark (so that spreadsheets read it as UTF-8), RFC 4180 quoting, a header row. */
    CSV("csv", "text/csv; charset=UTF-8"),
    /** Office Open XML, streamed: typed cells, a bold frozen header row with filters. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The format named by its extension ({@code csv}, {@code xlsx}), in any case. */
    public static Optional<ExportFormat> byExtension(String name) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
