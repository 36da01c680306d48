package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * SLURM's accounting records as {@code sacct} prints them ({@link SacctColumns}: {@code -P}, {@code -p} or the
 * fixed-width table, any columns in any order), one {@link TrainerEvent.SchedulerJob} per row: the job ({@code 1001},
 * an array element {@code 1001_3}, a heterogeneous job's component {@code 1001+0}) and its steps ({@code 1001.batch},
 * {@code 1001.extern}, {@code 1001.0}). Needed: a JobID (or JobIDRaw) and a State column; taken besides: JobName,
 * Submit, Start, End, Elapsed (or ElapsedRaw, for an End not given), NodeList (a host list, expanded), ExitCode,
 * AllocTRES (or AllocGRES) for the GPUs. Times without a zone are read in the file's zone ({@code --tz});
 * {@code Unknown} and {@code None} are no time. A fixed-width table cuts long values with {@code +}: a cut state
 * ({@code CANCELLED+}, {@code OUT_OF_ME+}) and a cut step name ({@code bat+}) are read; other cut values are kept as
 * written. A fixed-width row not aligned with the dashes (a pasted table edited by hand) is read by its words. The
 * table ends at the first line that is not one of its rows; no header, no table ({@code --noheader} output cannot be
 * told from any other text).
 */
final class SacctRecogniser implements LineRecogniser {
    private SacctColumns table;
    /** A fixed-width header whose line of dashes is expected next. */
    private boolean awaitingDashes;
    // Column indices of the open table, -1 when absent.
    private int jobId;
    private int jobName;
    private int state;
    private int submit;
    private int start;
    private int end;
    private int elapsed;
    private int elapsedRaw;
    private int nodeList;
    private int exitCode;
    private int allocTres;
    private int allocGres;

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String raw = line.raw();
        if (awaitingDashes) {
            awaitingDashes = false;
            if (!table.widths(raw)) {
                table = null; // a line of names that was not a sacct table after all
                return false;
            }
            return true;
        }
        if (raw.indexOf("JobID") >= 0) {
            SacctColumns header = SacctColumns.header(raw);
            if (header != null) {
                open(header);
                return true;
            }
        }
        if (table == null) {
            return false;
        }
        List<String> cells = table.cells(raw);
        if (cells == null && !table.parsable()) {
            cells = table.cellsBySpaces(raw);
            if (cells != null && SchedulerState.parse(SacctValues.canonical(cells.get(state))) == null) {
                cells = null; // not a misaligned row either
            }
        }
        if (cells == null) {
            if (table.parsable() && raw.indexOf('|') >= 0) {
                throw new BadRecord("expected " + table.size() + " fields apart by '|' as in the sacct header ("
                        + table.describe() + "), found " + table.fieldsIn(raw));
            }
            table = null;
            return false;
        }
        String id = cells.get(jobId);
        if (!table.parsable() && (id.isEmpty() || id.indexOf(' ') >= 0 || cells.get(state).isEmpty())) {
            table = null; // not a row (every row has a job id and a state): the table ended
            return false;
        }
        if (id.isEmpty()) {
            throw new BadRecord("expected a job id in the " + (table.index("JobID") >= 0 ? "JobID" : "JobIDRaw")
                    + " column");
        }
        out.accept(row(cells, line));
        return true;
    }

    private void open(SacctColumns header) throws BadRecord {
        table = header;
        awaitingDashes = !header.parsable();
        jobId = header.index("JobID") >= 0 ? header.index("JobID") : header.index("JobIDRaw");
        state = header.index("State");
        if (state < 0) {
            table = null;
            awaitingDashes = false;
            throw new BadRecord("expected a State column in the sacct header (" + header.describe() + "): it says "
                    + "how each job ended (sacct --format=JobID,JobName,State,ExitCode,Submit,Start,End,Elapsed,"
                    + "NodeList,AllocTRES)");
        }
        jobName = header.index("JobName");
        submit = header.index("Submit");
        start = header.index("Start");
        end = header.index("End");
        elapsed = header.index("Elapsed");
        elapsedRaw = header.index("ElapsedRaw");
        nodeList = header.index("NodeList");
        exitCode = header.index("ExitCode");
        allocTres = header.index("AllocTRES");
        allocGres = header.index("AllocGRES");
    }

    private TrainerEvent.SchedulerJob row(List<String> cells, LogLine line) throws BadRecord {
        String id = cells.get(jobId);
        int dot = id.indexOf('.');
        String job = dot < 0 ? id : id.substring(0, dot);
        String step = dot < 0 ? null : stepName(id.substring(dot + 1));
        String stateText = cells.get(state);
        SchedulerState s = SchedulerState.parse(SacctValues.canonical(stateText));
        if (s == null) {
            throw new BadRecord("expected a job state (COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, PREEMPTED, "
                    + "OUT_OF_MEMORY, BOOT_FAIL, REQUEUED, RESIZING, RUNNING, PENDING, …) in the State column of "
                    + id + ", found \"" + stateText + "\"");
        }
        String reason = SacctValues.reason(stateText);
        LogTime clock = line.clock();
        long submitUs = time(cells, submit, "Submit", clock);
        long startUs = time(cells, start, "Start", clock);
        long endUs = time(cells, end, "End", clock);
        if (endUs == Times.UNKNOWN && startUs != Times.UNKNOWN && s.ended()) {
            long e = duration(cells, id);
            endUs = e < 0 ? Times.UNKNOWN : startUs + e;
        }
        List<String> nodes = nodes(cell(cells, nodeList), id);
        String exit = cell(cells, exitCode);
        String name = cell(cells, jobName);
        int gpus = allocTres >= 0 ? SacctValues.tresGpus(cells.get(allocTres))
                : allocGres >= 0 ? SacctValues.gresGpus(cells.get(allocGres)) : 0;
        long at = startUs != Times.UNKNOWN ? startUs : submitUs;
        return new TrainerEvent.SchedulerJob(at, line.source(), job, step, name == null || name.isEmpty() ? null
                : name, submitUs, startUs, endUs, s, reason, nodes, exit == null || exit.isEmpty() ? null : exit,
                gpus);
    }

    /** A step's name, with fixed-width cuts of the usual ones read back ({@code bat+} → batch). */
    private static String stepName(String s) {
        if (s.endsWith("+") && s.length() > 1) {
            String head = s.substring(0, s.length() - 1);
            for (String known : new String[]{"batch", "extern", "interactive"}) {
                if (known.startsWith(head)) {
                    return known;
                }
            }
        }
        return s;
    }

    private static String cell(List<String> cells, int index) {
        return index < 0 ? null : cells.get(index);
    }

    private static long time(List<String> cells, int index, String column, LogTime clock) throws BadRecord {
        String v = cell(cells, index);
        if (v == null || v.isEmpty() || v.equalsIgnoreCase("Unknown") || v.equalsIgnoreCase("None")) {
            return Times.UNKNOWN;
        }
        long t = TimeText.dateTime(v, 0, clock);
        if (t == Times.UNKNOWN || TimeText.end() != v.length()) {
            throw new BadRecord("expected a time (2024-05-01T12:00:00), Unknown or None in the " + column
                    + " column, found \"" + v + "\"");
        }
        return t;
    }

    /** Elapsed ({@code [D-]HH:MM:SS}) or ElapsedRaw (seconds) in µs; -1 when neither is given. */
    private long duration(List<String> cells, String id) throws BadRecord {
        String e = cell(cells, elapsed);
        if (e != null && !e.isEmpty()) {
            long us = SacctValues.elapsedUs(e);
            if (us < 0) {
                throw new BadRecord("expected a duration ([D-]HH:MM:SS) in the Elapsed column of " + id + ", found \""
                        + e + "\"");
            }
            return us;
        }
        String r = cell(cells, elapsedRaw);
        if (r != null && !r.isEmpty()) {
            try {
                return Long.parseLong(r) * 1_000_000L;
            } catch (NumberFormatException x) {
                throw new BadRecord("expected seconds in the ElapsedRaw column of " + id + ", found \"" + r + "\"");
            }
        }
        return -1;
    }

    private static List<String> nodes(String text, String id) throws BadRecord {
        if (text == null) {
            return List.of();
        }
        if (text.endsWith("+")) {
            return List.of(text); // cut by a fixed-width column: kept as written
        }
        try {
            return SlurmHostlist.expand(text);
        } catch (IllegalArgumentException e) {
            throw new BadRecord("expected a Slurm host list (node[01-03,07]) in the NodeList column of " + id
                    + ", found \"" + text + "\": " + e.getMessage().toLowerCase(Locale.ROOT));
        }
    }
}
