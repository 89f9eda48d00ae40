package edu.scrutiny.app.monitoring;

/**
 * Published after a list's source was refreshed, whatever came of it (imported, unchanged, not
 * modified, failed), with who started it: a user through the API or the web, {@code command line},
 * or {@code system} for the schedule.
 */
public record ListRefreshed(RefreshOutcome outcome, String location, String by) {
}
