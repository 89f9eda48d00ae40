package edu.scrutiny.app.monitoring;

/** Published when someone acknowledges an alert, in its transaction: the audit trail records who and when. */
public record AlertAcknowledged(Alert alert, String by) {
}
