package edu.scrutiny.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of long work on stderr: done, rate and time left, at most every two seconds, and only
 * once the work has run for two seconds (short runs stay quiet). Stdout is never touched.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private boolean printed;

    /**
     * @param what  the unit, plural: "names"
     * @param total the expected total, or a negative number when unknown
     */
    Progress(PrintWriter err, String what, long total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        printed = true;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        if (total > 0 && done < total) {
            long left = (long) ((total - done) / Math.max(rate, 1e-9));
            err.printf(Locale.ROOT, "screened %,d of %,d %s (%,.0f/s), about %s left%n", done, total, what, rate,
                    format(Duration.ofSeconds(left)));
        } else {
            err.printf(Locale.ROOT, "screened %,d %s (%,.0f/s)%n", done, what, rate);
        }
        err.flush();
    }

    /** A closing line, when progress was shown at all. */
    void finish(long done) {
        if (!printed) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "screened %,d %s in %s (%,.0f/s)%n", done, what, format(Duration.ofMillis((long) (seconds * 1000))),
                done / Math.max(seconds, 1e-9));
        err.flush();
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
