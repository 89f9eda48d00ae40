package edu.scrutiny.matching;

import java.util.List;

/** Candidates written as lines a test compares (entry, score to the last bit, the name matched), in their order. */
final class CandidateLines {
    private CandidateLines() {
    }

    static List<String> of(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.entry().sourceId() + " " + c.score() + " " + c.matchedName()).toList();
    }
}
