package edu.scrutiny.app.reference;

/**
 * Published when a new version of a country list is recorded, in its transaction.
 *
 * @param previous  the version it replaces (null only for the first)
 * @param current   the new version
 * @param updatedBy who made it (a user name, {@code command line}, {@code api})
 */
public record CountryListUpdated(CountryList previous, CountryList current, String updatedBy) {
}
