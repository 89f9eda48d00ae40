package edu.scrutiny.app.engagement;

/**
 * Published after an engagement is stored (in the same transaction), so that it is screened,
 * assessed and audited.
 *
 * @param submittedBy who submitted it: a user name, {@code command line}, {@code api}
 */
public record EngagementSubmitted(String engagementId, String submittedBy) {
}
