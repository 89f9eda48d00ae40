package edu.scrutiny.app.screening;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Published when one analyst asks for a hit to be cleared as a false positive outside a case: the
 * clearance waits for a second, different analyst ({@link HitClearanceRequests}).
 */
public record HitClearanceRequested(@JsonProperty("request") HitClearanceRequests.Request request) {
}
