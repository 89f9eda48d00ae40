package edu.scrutiny.app.screening;

import java.time.Duration;
import java.util.List;

/**
 * Told of every screening and every index build, for whoever measures them (the operations
 * module's metrics). Kept as a plain callback so that this module knows nothing of the metrics
 * library; an observer must be quick and must not throw.
 */
public interface ScreeningObserver {
    /** A name was screened; {@code hits} are what it found. */
    void screened(Duration took, List<Hit> hits);

    /** A new index replaced the previous one. */
    void indexBuilt(IndexBuild build);

    /** What the last index build made and how long it took. */
    record IndexBuild(int entries, int versions, Duration took, java.time.Instant builtAt) {
    }

    ScreeningObserver NONE = new ScreeningObserver() {
        @Override
        public void screened(Duration took, List<Hit> hits) {
        }

        @Override
        public void indexBuilt(IndexBuild build) {
        }
    };
}
