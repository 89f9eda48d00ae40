package edu.scrutiny.app.assessment;

import edu.scrutiny.app.policy.Tier;

/** Published when an assessment is recorded for a stored engagement; {@code previousTier} is null for the first. */
public record EngagementAssessed(String engagementId, long assessmentId, Tier tier, Tier previousTier) {
}
