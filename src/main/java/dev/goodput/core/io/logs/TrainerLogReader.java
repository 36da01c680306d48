package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.ReadFailures;
import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one trainer log, streaming: every line is offered to the recognisers of the formats in turn until one
 * takes it; lines no format takes are most of a log and are passed over. Lines longer than {@link #MAX_LINE}
 * bytes are skipped (counted in one warning). A line that starts a record but cannot be read is an error in
 * strict mode, except on the last line (a crashed job's log often ends mid-line), where it is a warning.
 */
public final class TrainerLogReader {
    /** Lines of more bytes are skipped: no record of any format read here comes close. */
    public static final int MAX_LINE = 64 * 1024;
    /** A silence this long between timed lines closes an {@link TrainerEvent.Activity}. */
    public static final long SILENCE_US = 10 * 60 * 1_000_000L;

    private final List<LogFormat> formats;
    private final ZoneId zone;
    private final LoadMode mode;
    private final ReadLimits limits;

    public TrainerLogReader(List<LogFormat> formats, ZoneId zone, LoadMode mode) {
        this(formats, zone, mode, ReadLimits.DEFAULTS);
    }

    public TrainerLogReader(List<LogFormat> formats, ZoneId zone, LoadMode mode, ReadLimits limits) {
        this.formats = List.copyOf(formats);
        this.zone = zone;
        this.mode = mode;
        this.limits = limits;
    }

    /**
     * @throws InputException when the file has no record of any format (naming what is read), or in strict mode
     *                        at a bad record that is not the last line
     */
    public FileEvents read(Path path) throws IOException, InputException {
        String file = path.toString();
        LineRecogniser[] recognisers = new LineRecogniser[formats.size()];
        long[] counts = new long[formats.size()];
        for (int i = 0; i < recognisers.length; i++) {
            recognisers[i] = formats.get(i).recogniser().get();
        }
        LogTime clock = new LogTime(zone);
        Collector out = new Collector(file, clock);
        long overlong = 0;
        long lines = 0;
        Source pendingBad = null;
        String pendingDetail = null;
        try (LineFeed feed = new LineFeed(path, clock, MAX_LINE, limits)) {
            while (true) {
                LineFeed.Batch batch = feed.next();
                overlong += batch.overlong();
                for (LogLine line : batch.lines()) {
                    lines = line.number();
                    if (pendingBad != null) {
                        badRecord(out, pendingBad, pendingDetail, false);
                        pendingBad = null;
                    }
                    out.beginLine(line);
                    for (int i = 0; i < recognisers.length; i++) {
                        try {
                            if (recognisers[i].read(line, out)) {
                                counts[i]++;
                                break;
                            }
                        } catch (BadRecord e) {
                            counts[i]++;
                            pendingBad = line.source();
                            pendingDetail = formats.get(i).name() + ": " + e.getMessage();
                            break;
                        }
                    }
                    out.endLine();
                }
                if (batch.failure() != null) {
                    // A damaged gzip names its byte, a limit its option; anything else is a file cut short.
                    InputException cut = ReadFailures.truncated(file, batch.lastLine(), batch.failure());
                    if (mode == LoadMode.STRICT) {
                        throw cut;
                    }
                    out.problems.add(Problem.error(cut.source(), cut.detail() + "; the lines before it are kept"));
                    lines = Math.max(lines, batch.lastLine());
                    break;
                }
                if (batch.last()) {
                    lines = Math.max(lines, batch.lastLine());
                    break;
                }
            }
        }
        out.beginLine(null);
        for (LineRecogniser rec : recognisers) {
            rec.finish(out);
        }
        out.events.addAll(out.lineEvents);
        if (pendingBad != null) {
            badRecord(out, pendingBad, pendingDetail, true);
        }
        out.finish();
        if (overlong > 0) {
            out.problems.add(Problem.warning(new Source(file, 0), overlong + " lines longer than " + MAX_LINE
                    + " bytes skipped"));
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                seen.put(formats.get(i).id(), counts[i]);
            }
        }
        if (seen.isEmpty()) {
            throw new InputException(new Source(file, 0), "expected a run log or trainer log records; none found in "
                    + lines + (lines == 1 ? " line" : " lines") + " (read: the canonical run log, "
                    + "ml-goodput-measurement entries, Hugging Face trainer_state.json, " + LogFormats.describe(formats)
                    + "; see `goodput formats`)");
        }
        return new FileEvents(file, out.events, seen, lines, out.problems);
    }

    private void badRecord(Collector out, Source at, String detail, boolean last) throws InputException {
        if (last) {
            out.problems.add(Problem.warning(at, detail + "; the last line is cut (the job stopped while writing "
                    + "it?), skipped"));
        } else if (mode == LoadMode.STRICT) {
            throw new InputException(at, detail);
        } else {
            out.problems.add(Problem.warning(at, detail + "; line skipped"));
        }
    }

    /**
     * Collects a file's events: keeps progress events of one rank only, and cuts the timed lines into
     * {@link TrainerEvent.Activity} runs at silences and at launches and restarts.
     */
    private static final class Collector implements Consumer<TrainerEvent> {
        final List<TrainerEvent> events = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        private final String file;
        private final LogTime clock;
        /** Places the file's yearless (glog) times; null until a fully dated line is seen. */
        private YearPlacer placer;
        private final Map<Object, Integer> progressRanks = new java.util.HashMap<>();
        private long otherRankProgress;
        // The open run of timed lines.
        private long runStart = Times.UNKNOWN;
        private long runStartLine;
        private long runEnd = Times.UNKNOWN;
        private long runEndLine;
        // The current line.
        private LogLine line;
        private final List<TrainerEvent> lineEvents = new ArrayList<>();

        Collector(String file, LogTime clock) {
            this.file = file;
            this.clock = clock;
        }

        /**
         * Places yearless times once the file has a fully dated line: those read before it near it (glog lines of
         * torchrun often come first), the rest each near the time before it ({@link YearPlacer}); a file with no
         * dated line keeps them for the stitcher.
         */
        private long placeYear(long t) {
            if (placer == null && t != Times.UNKNOWN && !LogTime.isYearless(t)) {
                placer = new YearPlacer(clock, t);
                events.replaceAll(e -> EventTimes.map(e, x -> placer.near(x, t)));
                runStart = placer.near(runStart, t);
                runEnd = placer.near(runEnd, t);
            }
            if (placer == null) {
                return t;
            }
            long placed = placer.place(t);
            long near = placer.previous();
            for (int i = 0; i < lineEvents.size(); i++) {
                TrainerEvent e = lineEvents.get(i);
                if (LogTime.isYearless(e.timeUs())
                        || e instanceof TrainerEvent.Activity a && LogTime.isYearless(a.endUs())) {
                    lineEvents.set(i, EventTimes.map(e, x -> placer.near(x, near)));
                }
            }
            return placed;
        }

        void beginLine(LogLine l) {
            line = l;
            lineEvents.clear();
        }

        /**
         * Progress records of each kind are taken from the first rank that logs one of that kind: Megatron writes its
         * iteration lines from the last rank and its saves and loads from rank 0, and every rank of a torchrun
         * {@code --tee} log writes the same ones.
         */
        @Override
        public void accept(TrainerEvent e) {
            if (e.progress()) {
                Object kind = kindOf(e);
                Integer first = progressRanks.get(kind);
                int rank = line == null ? (first == null ? -1 : first) : line.rank();
                if (first == null) {
                    progressRanks.put(kind, rank);
                } else if (rank != first) {
                    otherRankProgress++;
                    return;
                }
            }
            lineEvents.add(e);
        }

        /**
         * The kind of a progress record for choosing its rank: a start and an end apart, since Megatron prints an
         * evaluation's start from rank 0 and its end ("validation loss") from the last rank.
         */
        private static Object kindOf(TrainerEvent e) {
            if (e instanceof TrainerEvent.CheckpointSave c) {
                return "save-" + c.edge();
            } else if (e instanceof TrainerEvent.CheckpointLoad c) {
                return "load-" + c.edge();
            } else if (e instanceof TrainerEvent.Evaluation v) {
                return "eval-" + v.edge();
            }
            return e.getClass();
        }

        void endLine() {
            long t = placeYear(line.timeUs());
            boolean boundary = false;
            for (int i = 0; i < lineEvents.size(); i++) {
                TrainerEvent e = lineEvents.get(i);
                if (e instanceof TrainerEvent.Launch || e instanceof TrainerEvent.Restart) {
                    boundary = true;
                    break;
                }
            }
            if (boundary) {
                closeRun();
            } else if (t != Times.UNKNOWN && runEnd != Times.UNKNOWN && t - runEnd >= SILENCE_US) {
                closeRun();
            }
            for (int i = 0; i < lineEvents.size(); i++) { // not addAll: it copies the list into an array per line
                events.add(lineEvents.get(i));
            }
            if (t != Times.UNKNOWN) {
                if (runStart == Times.UNKNOWN) {
                    runStart = t;
                    runStartLine = line.number();
                }
                if (runEnd == Times.UNKNOWN || t >= runEnd) {
                    runEnd = t;
                    runEndLine = line.number(); // its Source is made when the run closes, not for every line
                }
            }
        }

        private void closeRun() {
            if (runStart != Times.UNKNOWN) {
                events.add(new TrainerEvent.Activity(runStart, new Source(file, runStartLine), runEnd,
                        new Source(file, runEndLine)));
            }
            runStart = Times.UNKNOWN;
            runEnd = Times.UNKNOWN;
        }

        void finish() {
            closeRun();
            if (otherRankProgress > 0) {
                problems.add(Problem.warning(new Source(file, 0), otherRankProgress + " step, checkpoint and "
                        + "evaluation records of other ranks ignored (each kind is taken from the first rank that "
                        + "logs it: the same progress seen by another rank)"));
            }
        }
    }
}
