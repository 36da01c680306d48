package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

/**
 * Places {@link LogTime yearless} times (glog's {@code I0706 16:50:15}) in a year: each in whichever of the years
 * around the previous time placed puts it nearest to that time, so a log that runs past New Year goes on into the
 * next year, and a time just after New Year beside a reference just before it lands in the right one.
 */
final class YearPlacer {
    private final LogTime clock;
    private long previous;

    /** @param anchor a fully dated time near the first yearless one (another line or file of the run, or --start) */
    YearPlacer(LogTime clock, long anchor) {
        this.clock = clock;
        this.previous = anchor;
    }

    /** Places {@code t} if it is yearless (other times pass through) and makes it the time the next is placed near. */
    long place(long t) {
        if (t == Times.UNKNOWN) {
            return t;
        }
        long placed = LogTime.isYearless(t) ? near(t, previous) : t;
        previous = placed;
        return placed;
    }

    /** The last time placed (or the anchor). */
    long previous() {
        return previous;
    }

    /** Places a yearless {@code t} nearest to {@code anchor}, without moving on. */
    long near(long t, long anchor) {
        if (!LogTime.isYearless(t)) {
            return t;
        }
        int year = clock.yearOf(anchor);
        long best = Times.UNKNOWN;
        for (int y = year - 1; y <= year + 1; y++) {
            long c = clock.resolve(t, y);
            if (best == Times.UNKNOWN || Math.abs(c - anchor) < Math.abs(best - anchor)) {
                best = c;
            }
        }
        return best;
    }
}
