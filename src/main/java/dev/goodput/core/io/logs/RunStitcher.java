package dev.goodput.core.io.logs;

import dev.goodput.core.classify.FaultClassifier;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.kube.KubeRecords;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Stitches the trainer logs of one run into its facts (docs/derivation.md, "Trainer logs"): times without a year
 * are placed, each file's clock offset applied, files are ordered by time (files whose times overlap are merged, as
 * several ranks' or sources' views of one job), the event stream is cut into job attempts, and each attempt's events
 * become steps, checkpoint saves, restores, evaluations and faults ({@link AttemptWriter}). The scheduler's jobs, when
 * its records are given, are the attempts, and the trainer's are matched to them ({@link JobMatcher}).
 */
public final class RunStitcher {
    /**
     * A silence at least this long, and at least {@link #SILENCE_REPORTS} report intervals, between a log's lines
     * is read as the job having stopped and started again with no banner.
     */
    static final long RESTART_SILENCE_US = 30 * 60 * 1_000_000L;
    static final int SILENCE_REPORTS = 10;

    private RunStitcher() {
    }

    public static void stitch(List<FileEvents> files, RunBuilder run, LoadOptions options) throws InputException {
        List<FileEvents> placed = shiftClocks(placeYears(files, options), options);
        List<List<Stamped>> tracks = new ArrayList<>();
        List<TrainerEvent.SchedulerJob> rows = new ArrayList<>();
        List<TrainerEvent.SchedulerJob> podRuns = new ArrayList<>();
        List<TrainerEvent.Marker> podMarkers = new ArrayList<>();
        List<FaultEvent> sideFaults = new ArrayList<>();
        for (FileEvents f : placed) {
            f.problems().forEach(run::problem);
            if (isKubernetes(f)) {
                kubernetes(f, podRuns, podMarkers, sideFaults, run);
                continue;
            }
            FileEvents own = withoutSchedulerRows(f, rows);
            if (isJobLog(own)) {
                tracks.add(stamp(own, options));
            } else {
                addFaults(own, sideFaults, run);
            }
        }
        List<SchedulerJobs.Job> jobs = new ArrayList<>(SchedulerJobs.of(rows, run::problem));
        jobs.addAll(PodJobs.of(podRuns, podMarkers, run::problem));
        RunSettings settings = new RunSettings();
        for (SchedulerJobs.Job j : jobs) {
            if (j.started()) { // a job still waiting in the queue holds no accelerators
                settings.allocated(j.accelerators());
            }
        }
        AttemptWriter writer = new AttemptWriter(run, settings);
        List<List<Stamped>> groups = mergeOverlapping(tracks);
        for (List<Stamped> group : groups) {
            walk(group, writer, settings);
        }
        writer.finish(jobs, sideFaults, file -> options.clockOffsetOf(java.nio.file.Path.of(file)));
        if (!run.hasMetadata()) {
            // Named after the earliest log (the first job's), whatever order the files were given in.
            String first = groups.isEmpty() || groups.get(0).isEmpty() ? placed.get(0).file()
                    : groups.get(0).get(0).event().source().file();
            run.metadata(writer.metadata(first), Source.DERIVED);
            if (settings.accelerators() == 0) {
                run.problem(Problem.warning(new Source(placed.get(0).file(), 0), "the logs do not say how many "
                        + "accelerators the job used; the goodputs are fractions of whatever it had, accelerator-hours "
                        + "are per accelerator"));
            }
        }
    }

    /**
     * A file's events without the scheduler's job rows, which are added to {@code rows}: a scheduler record is neither
     * a job's log nor a side log; its jobs become the run's attempts ({@link JobMatcher}), whichever file they are in
     * (sacct's own output, or its rows printed at the end of a job's log).
     */
    private static FileEvents withoutSchedulerRows(FileEvents f, List<TrainerEvent.SchedulerJob> rows) {
        List<TrainerEvent> own = new ArrayList<>(f.events().size());
        for (TrainerEvent e : f.events()) {
            if (e instanceof TrainerEvent.SchedulerJob j) {
                rows.add(j);
            } else {
                own.add(e);
            }
        }
        return own.size() == f.events().size() ? f : new FileEvents(f.file(), own, f.formats(), f.lines(),
                f.problems());
    }

    /** Each file's times shifted by its clock offset ({@code --clock-offset FILE=SECONDS}). */
    private static List<FileEvents> shiftClocks(List<FileEvents> files, LoadOptions options) {
        if (options.clockOffsets().isEmpty()) {
            return files;
        }
        List<FileEvents> out = new ArrayList<>(files.size());
        for (FileEvents f : files) {
            long offset = options.clockOffsetOf(java.nio.file.Path.of(f.file()));
            if (offset == 0) {
                out.add(f);
                continue;
            }
            List<TrainerEvent> events = new ArrayList<>(f.events().size());
            for (TrainerEvent e : f.events()) {
                events.add(EventTimes.map(e, t -> t + offset));
            }
            out.add(new FileEvents(f.file(), events, f.formats(), f.lines(), f.problems()));
        }
        return out;
    }

    /**
     * Whether a file is a job's log (it logs progress, a start, a restart or an end) rather than a side log, such as
     * a node's kernel log, that only reports faults: a side log has no attempts of its own, and is not merged with
     * the jobs' logs it overlaps (a day of dmesg would otherwise join every job of that day into one).
     */
    private static boolean isJobLog(FileEvents f) {
        for (TrainerEvent e : f.events()) {
            if (e.progress() || e instanceof TrainerEvent.Launch || e instanceof TrainerEvent.Restart
                    || e instanceof TrainerEvent.End) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a file is the Kubernetes source (all the load's kubectl exports, merged): a scheduler record, never a
     * job's log, whatever its events (a pod's {@code Preempted} event is an end, which the pod's state says too).
     */
    private static boolean isKubernetes(FileEvents f) {
        return f.formats().containsKey(KubeRecords.PODS_FORMAT) || f.formats().containsKey(KubeRecords.EVENTS_FORMAT);
    }

    /**
     * The Kubernetes source: its pods' runs (the jobs), their container starts (the jobs' first activity) and the
     * faults its events report, classified by the rule set like every fault. An event reported twice at once (a
     * node's {@code NodeNotReady} and its pod's "Node is not ready") is one fault. Its ends ({@code Preempted}) are
     * left to the pods' states, which say the same.
     */
    private static void kubernetes(FileEvents f, List<TrainerEvent.SchedulerJob> podRuns,
                                   List<TrainerEvent.Marker> markers, List<FaultEvent> faults, RunBuilder run) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (f.formats().getOrDefault(KubeRecords.PODS_FORMAT, 0L) == 0) {
            run.problem(Problem.warning(new Source(f.file(), 0), "Kubernetes events without their pods say nothing "
                    + "of when the job ran: its faults are kept, its attempts are the trainer logs' own (open "
                    + "kubectl get pods -o json of the job with them)"));
        }
        for (TrainerEvent e : f.events()) {
            if (e instanceof TrainerEvent.SchedulerJob j) {
                podRuns.add(j);
            } else if (e instanceof TrainerEvent.Marker m) {
                markers.add(m);
            } else if (e instanceof TrainerEvent.Fault x && x.timeUs() != Times.UNKNOWN) {
                FaultClassifier.Classification c = x.rule() == null
                        ? FaultClassifier.bundled().find(x.message()) : null;
                FaultEvent fault = c == null ? new FaultEvent(x.timeUs(), x.cause(), x.message(), x.node(), x.rank(),
                        x.layer(), x.source(), x.rule())
                        : new FaultEvent(x.timeUs(), c.cause(), x.message(), x.node(), x.rank(), c.layer(),
                        x.source(), c.rule());
                if (seen.add(fault.timeUs() + " " + fault.cause() + " " + fault.node())) {
                    run.fault(fault);
                    faults.add(fault);
                }
            }
        }
    }

    /** A side log's faults, at their own times; the derivation puts them in the attempts they fall in. */
    private static void addFaults(FileEvents f, List<FaultEvent> faults, RunBuilder run) {
        long untimed = 0;
        for (TrainerEvent e : f.events()) {
            if (e instanceof TrainerEvent.Fault x) {
                if (x.timeUs() == Times.UNKNOWN) {
                    untimed++;
                    continue;
                }
                FaultEvent fault = new FaultEvent(x.timeUs(), x.cause(), x.message(), x.node(), x.rank(), x.layer(),
                        x.source(), x.rule());
                run.fault(fault);
                faults.add(fault);
            }
        }
        if (untimed > 0) {
            run.problem(Problem.warning(new Source(f.file(), 0), untimed + " faults without a time left out (a log "
                    + "with no job's progress in it places nothing by its neighbours)"));
        }
    }

    /**
     * An event with the time it is ordered by: its own (an activity run's end, since the reader emits it when the
     * run closes), else that of the last timed event before it in its file.
     */
    record Stamped(TrainerEvent event, long at) {
    }

    /**
     * Glog-style times have no year: each is placed in the year around the run's earliest fully dated time (another
     * file's), else {@code --start}, that puts it nearest the time before it ({@link YearPlacer}); with neither the
     * load is refused.
     */
    private static List<FileEvents> placeYears(List<FileEvents> files, LoadOptions options) throws InputException {
        long earliestDated = Long.MAX_VALUE;
        Source firstYearless = null;
        for (FileEvents f : files) {
            for (TrainerEvent e : f.events()) {
                long t = e.timeUs();
                if (t == Times.UNKNOWN) {
                    continue;
                }
                if (LogTime.isYearless(t)) {
                    firstYearless = firstYearless == null ? e.source() : firstYearless;
                } else {
                    earliestDated = Math.min(earliestDated, t);
                }
            }
        }
        if (firstYearless == null) {
            return files;
        }
        long reference = earliestDated != Long.MAX_VALUE ? earliestDated : options.startUs();
        if (reference == Times.UNKNOWN) {
            throw new InputException(firstYearless, "expected a year: glog-style times (I0706 16:50:15) have none; "
                    + "give --start, or open the run's other logs that have full dates with it");
        }
        List<FileEvents> out = new ArrayList<>();
        for (FileEvents f : files) {
            YearPlacer placer = new YearPlacer(new LogTime(options.zoneOf(java.nio.file.Path.of(f.file()))),
                    reference);
            List<TrainerEvent> events = new ArrayList<>(f.events().size());
            for (TrainerEvent e : f.events()) {
                if (e instanceof TrainerEvent.Activity a) {
                    // Emitted when its run of lines closed: its end is where it stands in the file.
                    long endUs = placer.place(a.endUs());
                    events.add(new TrainerEvent.Activity(placer.near(a.timeUs(), endUs), a.source(), endUs,
                            a.endSource()));
                } else {
                    events.add(EventTimes.map(e, placer::place));
                }
            }
            out.add(new FileEvents(f.file(), events, f.formats(), f.lines(), f.problems()));
        }
        return out;
    }

    /** Gives every event an ordering time; a file with no time at all is placed at {@code --start} or refused. */
    private static List<Stamped> stamp(FileEvents f, LoadOptions options) throws InputException {
        // Untimed events before the first timed one take the file's first time: its first timed line, when the
        // reader saw one (an activity run's start), else the first event's time.
        long at = Times.UNKNOWN;
        for (TrainerEvent e : f.events()) {
            long t = e.timeUs();
            if (t != Times.UNKNOWN && (at == Times.UNKNOWN || t < at)) {
                at = t;
            }
            if (e instanceof TrainerEvent.Activity) {
                break; // the first run of lines: nothing after it is earlier
            }
        }
        if (at == Times.UNKNOWN) {
            if (options.startUs() == Times.UNKNOWN) {
                throw new InputException(new Source(f.file(), 0), "expected times: no line of the log has one; give "
                        + "--start TIME to place it");
            }
            at = options.startUs();
        }
        List<Stamped> out = new ArrayList<>(f.events().size() + 1);
        long at0 = at;
        if (f.events().stream().allMatch(e -> e.timeUs() == Times.UNKNOWN)) {
            out.add(new Stamped(new TrainerEvent.Marker(at, new Source(f.file(), 0), "--start"), at));
        } else {
            // The file's first timed line, which the reader's activity runs report only when they close: the first
            // attempt starts there. (Files whose lines carry no times, such as MLPerf's or a trainer state, have none.)
            f.events().stream().filter(e -> e instanceof TrainerEvent.Activity).findFirst().map(TrainerEvent::source)
                    .ifPresent(first -> out.add(new Stamped(new TrainerEvent.Activity(at0, first, at0, first), at0)));
        }
        for (TrainerEvent e : f.events()) {
            if (e instanceof TrainerEvent.Activity a) {
                at = Math.max(at, a.endUs());
            } else if (e.timeUs() != Times.UNKNOWN) {
                at = e.timeUs();
            }
            out.add(new Stamped(e, at));
        }
        return out;
    }

    /**
     * Files whose time spans overlap are one job seen by several logs: their events are merged by time (stable, so
     * each file keeps its order). Groups are returned in time order.
     */
    private static List<List<Stamped>> mergeOverlapping(List<List<Stamped>> tracks) {
        List<List<Stamped>> sorted = new ArrayList<>(tracks);
        sorted.removeIf(List::isEmpty);
        sorted.sort(Comparator.comparingLong((List<Stamped> t) -> t.get(0).at()));
        List<List<Stamped>> groups = new ArrayList<>();
        long groupEnd = Long.MIN_VALUE;
        for (List<Stamped> t : sorted) {
            long start = t.get(0).at();
            long end = t.get(t.size() - 1).at();
            if (!groups.isEmpty() && start < groupEnd) {
                List<Stamped> merged = new ArrayList<>(groups.get(groups.size() - 1));
                merged.addAll(t);
                merged.sort(Comparator.comparingLong(Stamped::at)); // stable: same-time events keep file order
                groups.set(groups.size() - 1, merged);
                groupEnd = Math.max(groupEnd, end);
            } else {
                groups.add(new ArrayList<>(t));
                groupEnd = end;
            }
        }
        return groups;
    }

    /** Walks one file's (or one merged group's) events, cutting attempts at the rules of docs/derivation.md. */
    private static void walk(List<Stamped> events, AttemptWriter w, RunSettings settings) {
        long restartSilence = restartSilence(events);
        String file = events.get(0).event().source().file();
        // A file placed by its lines (not by --start) lets its first report reach back before its first line.
        boolean timedLines = events.get(0).event() instanceof TrainerEvent.Activity;
        w.startAttempt(events.get(0).at(), events.get(0).event().source(), "first line of " + fileName(file),
                timedLines);
        // The end of the last run of lines before a silence; the next timed event tells how long the silence was.
        long silenceFrom = Times.UNKNOWN;
        for (Stamped s : events) {
            TrainerEvent e = s.event();
            if (e instanceof TrainerEvent.Activity a) {
                w.activity(a);
                silenceFrom = a.endUs();
                continue;
            }
            if (silenceFrom != Times.UNKNOWN && e.timeUs() != Times.UNKNOWN) {
                // Untimed reports in the quiet stretch (chained by their durations) say the job was running.
                long quietFrom = w.lastEventUs() == Times.UNKNOWN ? silenceFrom : Math.max(silenceFrom,
                        w.lastEventUs());
                // A silence ended by a fault or the end is a hang inside the attempt, not a restart.
                boolean hang = e instanceof TrainerEvent.Fault || e instanceof TrainerEvent.End;
                if (e.timeUs() - quietFrom >= restartSilence && w.attemptHasProgress() && !hang) {
                    w.endAttempt(quietFrom);
                    w.startAttempt(e.timeUs(), e.source(), "a silence of " + human(e.timeUs() - quietFrom)
                            + " with no line before " + where(e.source()) + " (no start banner)");
                }
                silenceFrom = Times.UNKNOWN;
            }
            if (e instanceof TrainerEvent.Setting set) {
                settings.add(set);
            } else if (e instanceof TrainerEvent.Launch l) {
                if (w.attemptHasProgress()) {
                    w.endAttempt(Times.UNKNOWN); // at its last line before the banner (the reader cut its lines there)
                    w.startAttempt(s.at(), l.source(), "start banner at " + where(l.source()) + ": "
                            + clip(l.what()));
                } else {
                    w.boundary(s.at());
                }
            } else if (e instanceof TrainerEvent.Restart r) {
                w.restart();
                w.endAttempt(s.at());
                w.startAttempt(s.at(), r.source(), "launcher restart at " + where(r.source()) + ": "
                        + clip(r.message()));
            } else if (e instanceof TrainerEvent.Steps st) {
                if (w.isCopy(st)) {
                    continue;
                }
                long previous = w.regressionFrom(st);
                long at = previous == Long.MIN_VALUE ? Times.UNKNOWN : w.restartPoint(s.at());
                if (previous != Long.MIN_VALUE && at > w.startUs()) { // never an attempt of no time
                    w.restartAt(at, st.source(), "iteration " + st.lastStep() + " at " + where(st.source())
                            + " repeats or goes below iteration " + previous + " (a restart from an older checkpoint)");
                }
                w.steps(st, s.at());
            } else {
                w.event(e, s.at());
            }
        }
        w.endAttempt(Times.UNKNOWN);
    }

    /**
     * {@link #RESTART_SILENCE_US}, or {@link #SILENCE_REPORTS} times the median interval between timed step
     * reports when that is longer (a log that reports every hour is not restarted by an hour's silence).
     */
    private static long restartSilence(List<Stamped> events) {
        long[] gaps = new long[events.size()];
        int n = 0;
        long prev = Times.UNKNOWN;
        for (Stamped s : events) {
            if (s.event() instanceof TrainerEvent.Steps st && st.timeUs() != Times.UNKNOWN) {
                if (prev != Times.UNKNOWN && st.timeUs() > prev) {
                    gaps[n++] = st.timeUs() - prev;
                }
                prev = st.timeUs();
            }
        }
        if (n == 0) {
            return RESTART_SILENCE_US;
        }
        long[] g = Arrays.copyOf(gaps, n);
        Arrays.sort(g);
        return Math.max(RESTART_SILENCE_US, SILENCE_REPORTS * g[(n - 1) / 2]); // the lower median
    }

    static String fileName(String file) {
        return new Source(file, 0).fileName();
    }

    /** "slurm-1002.out:17": a line named for a reader, without the folders (the report's sources keep them). */
    static String where(Source s) {
        return s.line() > 0 ? s.fileName() + ":" + s.line() : s.fileName();
    }

    /** A log line's words, short enough for a tooltip. */
    static String clip(String text) {
        return text.length() <= 90 ? text : text.substring(0, 89) + "…";
    }

    static String human(long us) {
        double s = us / 1e6;
        if (s < 120) {
            return String.format(java.util.Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(java.util.Locale.ROOT, "%.0f min", s / 60);
        }
        return String.format(java.util.Locale.ROOT, "%.1f h", s / 3600);
    }
}
