/**
 * The audit trail: every audited action (a submission, an assessment, a list import, a change of
 * directives, country lists or policy, a cleared hit, and later sign-ins and decisions) appended to
 * the table {@code audit_log} as one record, in the same transaction as the action. Each record
 * carries the SHA-256 of its own content chained with the previous record's hash, so that
 * {@link edu.scrutiny.app.audit.AuditLog#verify()} finds any record altered, removed or reordered.
 * Records are never updated or deleted. The module listens to the other modules' events; no module
 * depends on it but the command line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package edu.scrutiny.app.audit;
