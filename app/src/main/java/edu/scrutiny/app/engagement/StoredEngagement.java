package edu.scrutiny.app.engagement;

import java.time.Instant;

/** An engagement as Scrutiny holds it: its id ({@code ENG-000001}), status and when it was stored. */
public record StoredEngagement(String id, EngagementStatus status, Instant createdAt, Engagement engagement) {
}
