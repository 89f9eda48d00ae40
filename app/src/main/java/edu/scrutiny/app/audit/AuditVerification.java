package edu.scrutiny.app.audit;

/**
 * What {@link AuditLog#verify()} found.
 *
 * @param intact   whether the whole chain holds
 * @param records  the number of records verified: all of them when intact, else those before the break
 * @param brokenAt the seq of the first record that breaks the chain, or null when intact
 * @param reason   why it breaks there (altered, removed, reordered...), or null when intact
 */
public record AuditVerification(boolean intact, long records, Long brokenAt, String reason) {

    static AuditVerification ok(long records) {
        return new AuditVerification(true, records, null, null);
    }

    static AuditVerification broken(long records, long brokenAt, String reason) {
        return new AuditVerification(false, records, brokenAt, reason);
    }

    /** One line for a person: {@code audit trail intact: 42 records} or {@code audit trail broken at record 17: why}. */
    public String summary() {
        return intact ? "audit trail intact: " + records + (records == 1 ? " record" : " records")
                : "audit trail broken at record " + brokenAt + ": " + reason;
    }
}
