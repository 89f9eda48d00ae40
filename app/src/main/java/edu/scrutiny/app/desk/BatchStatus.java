package edu.scrutiny.app.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Where a batch stands: its log entry (the batch id is the screening id), its rows screened so far
 * and how many of them found something.
 *
 * @param state              {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param rowsWithHits       rows with a candidate at or above the schema's calibrated threshold
 * @param rowsWithCandidates rows with any candidate (near misses from 0.5 included)
 * @param failure            why a failed batch failed, or null
 * @param watch              whether monitoring screens its rows again when a list version is imported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchStatus(long id,
                          @JsonProperty("file_name") String fileName,
                          @JsonProperty("run_by") String runBy,
                          @JsonProperty("run_at") Instant runAt,
                          Set<String> lists,
                          @JsonProperty("as_of") LocalDate asOf,
                          String purpose,
                          boolean watch,
                          String state,
                          @JsonProperty("rows_total") int rowsTotal,
                          @JsonProperty("rows_done") int rowsDone,
                          @JsonProperty("rows_with_hits") int rowsWithHits,
                          @JsonProperty("rows_with_candidates") int rowsWithCandidates,
                          String failure,
                          @JsonProperty("finished_at") Instant finishedAt,
                          @JsonProperty("list_versions") List<LoggedScreening.UsedVersion> listVersions) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean finished() {
        return DONE.equals(state) || FAILED.equals(state);
    }

    /** Percent of rows screened, for a progress bar. */
    public int percent() {
        return rowsTotal == 0 ? 100 : (int) Math.min(100, 100L * rowsDone / rowsTotal);
    }
}
