package edu.scrutiny.app.engagement;

/** Published after an engagement is stored, so that it is screened and assessed. */
public record EngagementSubmitted(String engagementId) {
}
