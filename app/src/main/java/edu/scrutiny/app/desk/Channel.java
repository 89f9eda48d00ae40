package edu.scrutiny.app.desk;

import java.util.Locale;

/** Where a logged screening came from. */
public enum Channel {
    /** The web desk, {@code /screen}. */
    DESK,
    /** The REST API: {@code POST /api/screenings} and {@code GET /api/screen}. */
    API,
    /** The yente-compatible API, {@code /yente}. */
    YENTE,
    /** The W3C reconciliation API, {@code /reconcile}. */
    RECONCILE,
    /** A batch file ({@code POST /api/screenings/batches}, the desk's upload form): one entry for the whole file. */
    BATCH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
