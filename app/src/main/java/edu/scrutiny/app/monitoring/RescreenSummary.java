package edu.scrutiny.app.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;

/**
 * What the delta re-screening after one import did.
 *
 * @param engagements the live engagements screened against the change
 * @param reassessed  those re-assessed in full whose hits or tier the change moved, and so recorded
 * @param alerts      alerts raised
 */
public record RescreenSummary(@JsonProperty("version_id") long versionId,
                              @JsonProperty("as_of") LocalDate asOf,
                              int added, int removed, int changed,
                              int engagements, int reassessed, int alerts, long millis) {

    /** The line the command line prints after the import's own. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%d engagements re-screened as of %s (%d re-assessed), %d alerts raised",
                engagements, asOf, reassessed, alerts);
    }
}
