package edu.scrutiny.app.desk;

import edu.scrutiny.app.review.FourEyes;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each result of a screening stands, given its dispositions: its latest verdict, whether it
 * is cleared, whether a false positive waits for a second analyst; and from those the screening's
 * outcome and whether it is open. Computed, never stored apart from the outcome and open flag the
 * log is searched by (which {@link ScreeningLog} rewrites with every disposition).
 */
final class ResultStates {
    private ResultStates() {
    }

    /** A result as stored; {@code clearedBefore} is whether an earlier clearance covered it when found. */
    record Stored(int rank, String list, String sourceId, String category, String entityName, String matchedName, double score,
                  String explanation, List<String> programs, java.time.LocalDate listedOn, java.time.LocalDate delistedOn,
                  long versionId, String contentSha, boolean clearedBefore, java.time.LocalDate closedOn) {
    }

    static List<LoggedResult> results(List<Stored> stored, List<Disposition> dispositions) {
        List<LoggedResult> out = new ArrayList<>(stored.size());
        for (Stored s : stored) {
            List<Disposition> mine = on(dispositions, s.list(), s.sourceId());
            Disposition latest = mine.isEmpty() ? null : mine.getLast();
            boolean awaiting = latest != null && latest.verdict() == Verdict.FALSE_POSITIVE
                    && FourEyes.SANCTIONS.equals(s.category()) && latest.confirms() == null;
            boolean counted = latest != null && latest.verdict() == Verdict.FALSE_POSITIVE && !awaiting;
            boolean cleared = counted || latest == null && s.clearedBefore();
            out.add(new LoggedResult(s.rank(), s.list(), s.sourceId(), s.category(), s.entityName(), s.matchedName(), s.score(),
                    s.explanation(), s.programs(), s.listedOn(), s.delistedOn(), s.versionId(), s.contentSha(), cleared,
                    latest == null ? null : latest.verdict(), awaiting, s.closedOn()));
        }
        return out;
    }

    static List<Disposition> on(List<Disposition> dispositions, String list, String sourceId) {
        return dispositions.stream().filter(d -> d.list().equals(list) && d.sourceId().equals(sourceId)).toList();
    }

    static Outcome outcome(List<LoggedResult> results) {
        List<LoggedResult> live = results.stream().filter(r -> r.closedOn() == null).toList();
        if (live.isEmpty()) {
            return Outcome.NO_HITS;
        }
        if (live.stream().anyMatch(r -> r.verdict() == Verdict.TRUE_MATCH)) {
            return Outcome.TRUE_MATCH;
        }
        return live.stream().allMatch(LoggedResult::cleared) ? Outcome.CLEARED : Outcome.POTENTIAL_MATCH;
    }

    static boolean open(List<LoggedResult> results) {
        return results.stream().anyMatch(r -> r.closedOn() == null && (r.verdict() == Verdict.NEEDS_REVIEW || r.awaitingConfirmation()));
    }
}
