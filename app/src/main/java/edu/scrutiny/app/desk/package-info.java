/**
 * The screening desk: screening names outside an engagement (the desk page, the REST API, the
 * yente and W3C reconciliation interfaces) and the log that keeps every such screening for audit:
 * who ran it, when, the query, the list versions in force, the results as found, and the
 * dispositions analysts record on them (a false positive under the two-analyst rule of {@link
 * edu.scrutiny.app.review.FourEyes}). A screening with a result marked {@code NEEDS_REVIEW} stays
 * open until an analyst disposes of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening desk")
package edu.scrutiny.app.desk;
