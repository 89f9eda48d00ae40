package edu.scrutiny.app.desk;

import java.time.LocalDate;

/**
 * What to look for in the screening log; every field may be null (no condition).
 *
 * @param q       a part of the name screened (case and spacing do not matter)
 * @param user    who ran it, exactly
 * @param from    run on or after this date (UTC)
 * @param to      run on or before this date (UTC)
 * @param outcome what it came to
 * @param open    whether it waits for review
 * @param limit   most entries returned, newest first
 */
public record LogSearch(String q, String user, LocalDate from, LocalDate to, Outcome outcome, Boolean open, int limit) {
    public static LogSearch openQueue(int limit) {
        return new LogSearch(null, null, null, null, null, true, limit);
    }
}
