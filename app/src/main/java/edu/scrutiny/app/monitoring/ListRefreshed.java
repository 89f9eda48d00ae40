package edu.scrutiny.app.monitoring;

/** Published after every refresh of a list from its source, whatever its outcome (counted by the metrics). */
public record ListRefreshed(RefreshOutcome outcome) {
}
