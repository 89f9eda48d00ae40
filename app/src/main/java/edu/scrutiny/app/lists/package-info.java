/**
 * The lists Scrutiny screens against, as versions in the database: every import is a version
 * (source, SHA-256 of the bytes, retrieved at, effective from) with all its entries, written in one
 * transaction so that a failed or interrupted import leaves the previous version in force.
 * Announces {@link edu.scrutiny.app.lists.ListVersionImported}; the screening module keeps the
 * index in memory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lists")
package edu.scrutiny.app.lists;
