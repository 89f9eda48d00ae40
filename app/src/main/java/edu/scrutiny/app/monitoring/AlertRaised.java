package edu.scrutiny.app.monitoring;

/** Published when an alert is raised, for notifications and the audit trail. */
public record AlertRaised(Alert alert) {
}
