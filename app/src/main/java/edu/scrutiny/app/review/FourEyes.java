package edu.scrutiny.app.review;

import edu.scrutiny.app.support.NotPermitted;

import java.util.List;
import java.util.Optional;

/**
 * The two-analyst rule for false positives (PRODUCT.md: clearing a hit on a sanctions list as a
 * false positive takes a second analyst). A false positive on a hit of a {@code sanctions} list
 * counts only when a second, different analyst confirms the first one's; on any other list it
 * counts at once. Case adjudication ({@link AdjudicateHit}) and the screening desk apply this one
 * rule to their own records of a hit's judgments.
 */
public final class FourEyes {
    /** The list category whose false positives need a second analyst. */
    public static final String SANCTIONS = "sanctions";

    private FourEyes() {
    }

    /**
     * One earlier judgment of the same hit.
     *
     * @param id            its id in the caller's records
     * @param falsePositive whether it found the hit a false positive
     * @param confirms      the judgment it confirmed, or null
     * @param by            who judged
     */
    public record Judgment(long id, boolean falsePositive, Long confirms, String by) {
    }

    /**
     * What a new false positive does.
     *
     * @param cleared  whether the hit is now cleared (no longer counts)
     * @param confirms the earlier judgment it confirms (the first analyst's), or null
     */
    public record Outcome(boolean cleared, Long confirms) {
    }

    /**
     * Applies the rule to a new false positive by {@code by} on a hit of this category, given the
     * hit's earlier judgments, oldest first.
     *
     * @throws NotPermitted when the analyst who asked for the clearance would confirm it themselves
     */
    public static Outcome falsePositive(String category, List<Judgment> earlier, String by) {
        if (!SANCTIONS.equals(category)) {
            return new Outcome(true, null);
        }
        Optional<Judgment> waiting = waitingForConfirmation(earlier);
        if (waiting.isEmpty()) {
            return new Outcome(false, null);
        }
        if (waiting.get().by().equals(by)) {
            throw new NotPermitted("a false positive on a sanctions hit needs a second, different analyst to confirm it; "
                    + by + " adjudicated it already");
        }
        return new Outcome(true, waiting.get().id());
    }

    /** The latest judgment, if it is a first analyst's false positive that no second analyst has confirmed. */
    public static Optional<Judgment> waitingForConfirmation(List<Judgment> earlier) {
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Judgment last = earlier.getLast();
        return last.falsePositive() && last.confirms() == null ? Optional.of(last) : Optional.empty();
    }
}
