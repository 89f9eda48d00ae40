package edu.scrutiny.app.monitoring;

/** Published when a list's source is added or replaced (the metrics start reporting its age). */
public record ListSourceAdded(String list) {
}
