/**
 * Institutions as the Research Organization Registry (ROR) knows them: a dump imported as a
 * versioned reference dataset (each import a version with its source, SHA-256 and record count; a
 * newer dump replaces the records of the older in one transaction), records looked up by id, and
 * names resolved to records. Screening uses a party's record and the records linked to it as
 * predecessor or successor (renames) to bridge former names, aliases, acronyms and names in other
 * languages to the lists; parent and child links are shown, never used as identity. Announces
 * {@link edu.scrutiny.app.institutions.InstitutionsImported}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Institutions")
package edu.scrutiny.app.institutions;
