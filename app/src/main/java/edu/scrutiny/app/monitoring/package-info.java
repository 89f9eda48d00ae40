/**
 * Continuous monitoring: when a list version is imported, re-screen every live engagement
 * against what it added and changed (and close the hits of what it removed or delisted), raising
 * alerts and reopening engagements for review; refresh lists from their sources on a schedule;
 * raise alerts when directives, country lists and engagements come due for review. Scheduled
 * jobs take a lease in the database so that several instances run each once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package edu.scrutiny.app.monitoring;
