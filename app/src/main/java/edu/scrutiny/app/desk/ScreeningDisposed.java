package edu.scrutiny.app.desk;

/**
 * Published when a result of a logged screening is disposed of, in the disposition's transaction.
 *
 * @param cleared whether the result is now cleared as a false positive (remembered by screening's clearances)
 */
public record ScreeningDisposed(Disposition disposition, boolean cleared, Outcome outcome, boolean open) {
}
