/**
 * Reports: the exports auditors and analysts take away (engagements, hits, cases, the audit trail)
 * as CSV and XLSX. An export is a {@link edu.scrutiny.app.reporting.Table}: typed columns and rows,
 * written by one writer per format, so that the formats never disagree on content and a spreadsheet
 * never runs a cell as a formula. Reads the other modules' facades; none depends on it but the
 * command line and the web interface.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package edu.scrutiny.app.reporting;
