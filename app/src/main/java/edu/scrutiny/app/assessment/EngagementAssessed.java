package edu.scrutiny.app.assessment;

import edu.scrutiny.app.policy.Tier;

import java.time.LocalDate;

/**
 * Published when an assessment is recorded for a stored engagement, in the same transaction.
 *
 * @param previousTier  the tier of the engagement's previous assessment, null for the first
 * @param policyVersion the policy version applied
 * @param asOf          the date the engagement was assessed as of
 * @param assessedBy    who asked for it (a user name, {@code command line}, {@code api}); for the
 *                      assessment that follows a submission, who submitted
 */
public record EngagementAssessed(String engagementId, long assessmentId, Tier tier, Tier previousTier,
                                 int policyVersion, LocalDate asOf, String assessedBy) {
}
