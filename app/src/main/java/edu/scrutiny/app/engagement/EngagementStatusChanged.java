package edu.scrutiny.app.engagement;

/** Published when an engagement's status changes (for example reopened for review by monitoring). */
public record EngagementStatusChanged(String engagementId, EngagementStatus before, EngagementStatus after, String changedBy) {
}
