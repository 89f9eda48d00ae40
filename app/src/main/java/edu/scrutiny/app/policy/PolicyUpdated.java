package edu.scrutiny.app.policy;

/**
 * Published when a new policy version is recorded, in its transaction.
 *
 * @param previous  the version it replaces (null only for the first)
 * @param current   the new version
 * @param updatedBy who made it (a user name, {@code command line}, {@code api})
 */
public record PolicyUpdated(Policy previous, Policy current, String updatedBy) {
}
