package dev.goodput.core.derive;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.DowntimeKind;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The times of a run that lie far from all the others: a fault dated 9999-12-31 or 1970 among records of 2024 would
 * stretch the default window over millennia and make every goodput ~0. A record is an outlier when the gap between it
 * (with any records close to it: at most 3, or 1% of the run's) and the rest of the run is longer than a day and
 * longer than the rest spans; outliers at either end are peeled off until none is left. A queue wait's start (submission → start
 * can take days) is never one. The derivation leaves outliers out of the default window only: a window the user sets
 * still takes them in.
 */
final class OutlierTimes {
    private static final long DAY_US = 86_400_000_000L;
    /** Outliers named one by one; more are counted. */
    private static final int LISTED = 5;
    /** Records a stray group may hold in a small run (a job start and end dated 1970, two faults dated 9999). */
    private static final long MAX_STRAY = 3;

    /** The run's times cut at {@code lowUs} and {@code highUs} (MIN and MAX when nothing is cut), and why. */
    record Cut(long lowUs, long highUs, List<Problem> problems) {
        static final Cut NONE = new Cut(Long.MIN_VALUE, Long.MAX_VALUE, List.of());

        long clamp(long t) {
            return Math.max(lowUs, Math.min(highUs, t));
        }
    }

    private OutlierTimes() {
    }

    static Cut of(Run run) {
        List<Segment> segments = segments(run);
        if (segments.size() < 2) {
            return Cut.NONE;
        }
        int lo = 0;
        int hi = segments.size() - 1;
        boolean peeled = true;
        while (peeled && lo < hi) {
            peeled = false;
            long total = count(segments, lo, hi);
            int top = -1;
            long cluster = 0;
            for (int i = hi; i > lo; i--) {
                cluster += segments.get(i).count;
                if (!few(cluster, total)) {
                    break;
                }
                if (segments.get(i).start - segments.get(i - 1).end > segments.get(i - 1).end - segments.get(lo).start) {
                    top = i;
                }
            }
            if (top > 0) {
                hi = top - 1;
                peeled = true;
                total = count(segments, lo, hi);
            }
            int bottom = -1;
            cluster = 0;
            for (int j = lo; j < hi; j++) {
                cluster += segments.get(j).count;
                if (!few(cluster, total)) {
                    break;
                }
                if (segments.get(j + 1).start - segments.get(j).end > segments.get(hi).end - segments.get(j + 1).start) {
                    bottom = j;
                }
            }
            if (bottom >= 0) {
                lo = bottom + 1;
                peeled = true;
            }
        }
        if (lo == 0 && hi == segments.size() - 1) {
            return Cut.NONE;
        }
        long low = lo == 0 ? Long.MIN_VALUE : segments.get(lo).start;
        long high = hi == segments.size() - 1 ? Long.MAX_VALUE : segments.get(hi).end;
        return new Cut(low, high, problems(run, low, high, segments.get(lo).start, segments.get(hi).end));
    }

    /**
     * Whether a group of records is few enough to be stray: at most 3, or 1% of the run's. An attempt's worth of steps
     * before a long outage is part of the run, not an outlier.
     */
    private static boolean few(long group, long total) {
        return group <= Math.max(MAX_STRAY, total / 100) && group * 2 < total;
    }

    private static long count(List<Segment> segments, int lo, int hi) {
        long n = 0;
        for (int i = lo; i <= hi; i++) {
            n += segments.get(i).count;
        }
        return n;
    }

    /**
     * The spans the run's records cover, a day or less apart merged (such a gap is never an outlier's), each with the
     * number of records in it. A record with a start and an end (a step, a phase, a downtime, a save) is one span; a
     * job's start and end are separate records, so separate times. A queue wait counts from its end only.
     */
    private static List<Segment> segments(Run run) {
        List<Segment> spans = new ArrayList<>();
        StepTable steps = run.steps();
        Segment open = null;
        for (int i = 0; i < steps.size(); i++) { // in start order: merged as they come, so a million steps stay few
            long s = steps.startUs(i);
            long e = Math.max(s, steps.endUs(i));
            if (open != null && s - open.end <= DAY_US) {
                open.end = Math.max(open.end, e);
                open.count++;
            } else {
                open = new Segment(s, e);
                spans.add(open);
            }
        }
        for (JobAttempt a : run.attempts()) {
            spans.add(new Segment(a.startUs(), a.startUs()));
            if (a.endUs() != Times.UNKNOWN) {
                spans.add(new Segment(a.endUs(), a.endUs()));
            }
        }
        for (Phase p : run.phases()) {
            spans.add(new Segment(p.startUs(), Math.max(p.startUs(), p.endUs())));
        }
        for (FaultEvent f : run.faults()) {
            spans.add(new Segment(f.timeUs(), f.timeUs()));
        }
        for (Downtime d : run.downtimes()) {
            spans.add(new Segment(d.kind() == DowntimeKind.QUEUE ? d.endUs() : d.startUs(), d.endUs()));
        }
        for (Checkpoint c : run.checkpoints()) {
            spans.add(new Segment(c.timeUs(), c.timeUs() + c.blockingUs()));
        }
        spans.sort(Comparator.comparingLong(g -> g.start));
        List<Segment> merged = new ArrayList<>();
        for (Segment g : spans) {
            Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && g.start - last.end <= DAY_US) {
                last.end = Math.max(last.end, g.end);
                last.count += g.count;
            } else {
                merged.add(g);
            }
        }
        return merged;
    }

    /** A stretch of time records cover, with how many records. */
    private static final class Segment {
        final long start;
        long end;
        long count = 1;

        Segment(long start, long end) {
            this.start = start;
            this.end = end;
        }
    }

    private static List<Problem> problems(Run run, long low, long high, long bodyStart, long bodyEnd) {
        Named named = new Named(low, high, "is far from the run's other times (" + iso(bodyStart) + " to "
                + iso(bodyEnd) + "); left out of the default window (set a window to include it)");
        for (JobAttempt a : run.attempts()) {
            named.check("job start", a.startUs(), a.source());
            named.check("job end", a.endUs(), a.endSource() == null ? a.source() : a.endSource());
        }
        StepTable steps = run.steps();
        for (int i = 0; i < steps.size(); i++) {
            named.check("step " + steps.number(i), steps.startUs(i), steps.source(i));
            named.check("end of step " + steps.number(i), steps.endUs(i), steps.source(i));
        }
        for (Phase p : run.phases()) {
            named.check(p.kind().id() + " phase", p.startUs(), p.source());
            named.check("end of " + p.kind().id() + " phase", p.endUs(), p.source());
        }
        for (FaultEvent f : run.faults()) {
            named.check("fault", f.timeUs(), f.source());
        }
        for (Downtime d : run.downtimes()) {
            if (d.kind() != DowntimeKind.QUEUE) {
                named.check("downtime", d.startUs(), d.source());
            }
            named.check("end of downtime", d.endUs(), d.source());
        }
        for (Checkpoint c : run.checkpoints()) {
            named.check("checkpoint", c.timeUs(), c.source());
        }
        return named.problems();
    }

    /** The warnings, one per outlying time, the first few by name. */
    private static final class Named {
        private final long low;
        private final long high;
        private final String why;
        private final List<Problem> problems = new ArrayList<>();
        private int more;

        Named(long low, long high, String why) {
            this.low = low;
            this.high = high;
            this.why = why;
        }

        void check(String what, long t, Source source) {
            if (t == Times.UNKNOWN || (t >= low && t <= high)) {
                return;
            }
            if (problems.size() < LISTED) {
                problems.add(Problem.warning(source, what + " at " + iso(t) + " " + why));
            } else {
                more++;
            }
        }

        List<Problem> problems() {
            if (more > 0) {
                problems.add(Problem.warning(Source.DERIVED, "and " + more + " more times far from the run's "
                        + "other times; left out of the default window"));
            }
            return problems;
        }
    }

    private static String iso(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L).toString();
    }
}
