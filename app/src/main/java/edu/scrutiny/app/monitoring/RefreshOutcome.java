package edu.scrutiny.app.monitoring;

/**
 * How one list's refresh went.
 *
 * @param status  {@code IMPORTED}, {@code NOT_MODIFIED} (the server said so), {@code UNCHANGED} (same bytes as the version in force) or {@code FAILED}
 * @param message one line for a person: what was imported and re-screened, or why it failed
 */
public record RefreshOutcome(String list, String status, String message) {
    public boolean failed() {
        return "FAILED".equals(status);
    }
}
