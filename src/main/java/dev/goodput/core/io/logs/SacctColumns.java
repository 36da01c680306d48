package dev.goodput.core.io.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of a {@code sacct} table, from its header line: {@code --parsable2} / {@code -P} ({@code |} between
 * names), {@code --parsable} / {@code -p} (a {@code |} after each, the last too), or the default fixed-width table
 * (names apart by spaces, then a line of dashes whose runs give each column's width). A header is told by its names:
 * a JobID (or JobIDRaw) column and mostly names sacct prints ({@code sacct --helpformat}), so an arbitrary line with
 * {@code |} in it is not taken.
 */
final class SacctColumns {
    /** Field names of {@code sacct --helpformat} (Slurm 17.11 to 24.11), lower case. */
    private static final Set<String> KNOWN = Set.of("account", "admincomment", "alloccpus", "allocgres",
            "allocnodes", "alloctres", "associd", "avecpu", "avecpufreq", "avediskread", "avediskwrite", "avepages",
            "averss", "avevmsize", "blockid", "cluster", "comment", "constraints", "consumedenergy",
            "consumedenergyraw", "container", "cputime", "cputimeraw", "dbindex", "derivedexitcode", "elapsed",
            "elapsedraw", "eligible", "end", "exitcode", "extra", "failednode", "flags", "gid", "group", "jobid",
            "jobidraw", "jobname", "layout", "licenses", "maxdiskread", "maxdiskreadnode", "maxdiskreadtask",
            "maxdiskwrite", "maxdiskwritenode", "maxdiskwritetask", "maxpages", "maxpagesnode", "maxpagestask",
            "maxrss", "maxrssnode", "maxrsstask", "maxvmsize", "maxvmsizenode", "maxvmsizetask", "mcslabel", "mincpu",
            "mincpunode", "mincputask", "ncpus", "nnodes", "nodelist", "ntasks", "partition", "planned", "plannedcpu",
            "plannedcpuraw", "priority", "qos", "qosraw", "qosreq", "reason", "reqcpufreq", "reqcpufreqgov",
            "reqcpufreqmax", "reqcpufreqmin", "reqcpus", "reqgres", "reqmem", "reqnodes", "reqtres", "reservation",
            "reservationid", "reserved", "restarts", "resvcpu", "resvcpuraw", "sluid", "start", "state", "stderr",
            "stdin", "stdout", "submit", "submitline", "suspended", "systemcomment", "systemcpu", "timelimit",
            "timelimitraw", "totalcpu", "tresusageinave", "tresusageinmax", "tresusageinmaxnode",
            "tresusageinmaxtask", "tresusageinmin", "tresusageinminnode", "tresusageinmintask", "tresusageintot",
            "tresusageoutave", "tresusageoutmax", "tresusageoutmaxnode", "tresusageoutmaxtask", "tresusageoutmin",
            "tresusageoutminnode", "tresusageoutmintask", "tresusageouttot", "uid", "user", "usercpu", "wckey",
            "wckeyid", "workdir");

    private final List<String> names;
    private final boolean parsable;
    private final boolean trailingBar;
    /** Fixed-width columns' spans [start, end) in the line, once the dashes are read. */
    private int[] starts;
    private int[] ends;

    private SacctColumns(List<String> names, boolean parsable, boolean trailingBar) {
        this.names = List.copyOf(names);
        this.parsable = parsable;
        this.trailingBar = trailingBar;
    }

    /** The header a line is, or null. */
    static SacctColumns header(String raw) {
        String line = raw.strip();
        boolean parsable = line.indexOf('|') >= 0;
        boolean trailing = parsable && line.endsWith("|");
        String body = trailing ? line.substring(0, line.length() - 1) : line;
        List<String> names = parsable ? List.of(body.split("\\|", -1)) : List.of(body.split(" +"));
        if (names.size() < 2) {
            return null;
        }
        int known = 0;
        boolean id = false;
        for (String n : names) {
            if (!isName(n)) {
                return null;
            }
            String k = n.toLowerCase(Locale.ROOT);
            if (KNOWN.contains(k)) {
                known++;
            }
            id |= k.equals("jobid") || k.equals("jobidraw");
        }
        return id && known * 2 >= names.size() ? new SacctColumns(names, parsable, trailing) : null;
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || s.length() > 40 || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    boolean parsable() {
        return parsable;
    }

    /** Whether the fixed-width columns' spans are known (the dashes were read). */
    boolean hasWidths() {
        return parsable || starts != null;
    }

    int size() {
        return names.size();
    }

    /** The index of a column by name (any case), or -1. */
    int index(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** "JobID|State|Start|…" as the header wrote it, for messages. */
    String describe() {
        return String.join(parsable ? "|" : " ", names);
    }

    /**
     * Reads the line of dashes under a fixed-width header: one run per column, apart by single spaces.
     *
     * @return false when the line is not that (then this is no sacct table)
     */
    boolean widths(String raw) {
        String line = raw.stripTrailing();
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c != '-') {
                return false;
            }
            int from = i;
            while (i < line.length() && line.charAt(i) == '-') {
                i++;
            }
            runs.add(new int[]{from, i});
        }
        if (runs.size() != names.size()) {
            return false;
        }
        starts = new int[runs.size()];
        ends = new int[runs.size()];
        for (int k = 0; k < runs.size(); k++) {
            starts[k] = runs.get(k)[0];
            ends[k] = runs.get(k)[1];
        }
        return true;
    }

    /** The line's width in the fixed layout: a longer line is not a row of this table. */
    int width() {
        return ends[ends.length - 1];
    }

    /**
     * The cells of a row, stripped; null when the line does not have this table's shape (a parsable line with
     * another number of fields; for a fixed-width table, a line wider than the table or with no space between two
     * columns).
     */
    List<String> cells(String raw) {
        List<String> out = new ArrayList<>(names.size());
        if (parsable) {
            String line = raw.strip();
            if (trailingBar && line.endsWith("|")) {
                line = line.substring(0, line.length() - 1);
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != names.size()) {
                return null;
            }
            for (String p : parts) {
                out.add(p.strip());
            }
            return out;
        }
        String line = raw.stripTrailing();
        if (line.length() > width()) {
            return null;
        }
        for (int k = 0; k + 1 < starts.length; k++) {
            if (ends[k] < line.length() && line.charAt(ends[k]) != ' ') {
                return null; // sacct writes a space after every column, however long its value
            }
        }
        for (int k = 0; k < starts.length; k++) {
            int from = Math.min(starts[k], line.length());
            int to = Math.min(ends[k], line.length());
            out.add(line.substring(from, to).strip());
        }
        return out;
    }

    /**
     * The cells of a fixed-width row that is not aligned with the dashes (a pasted table whose ids were shortened by
     * hand, as the OLCF issue's {@code x} for a job id), by the words of the line: one per column when there are as
     * many; with fewer, the first is the job id (the one left-aligned column) and the rest fill the right-aligned
     * columns from the right (an empty cell is taken to be further left). Null when there are more words than columns.
     */
    List<String> cellsBySpaces(String raw) {
        String[] words = raw.strip().split(" +");
        int n = names.size();
        if (words.length > n || words.length < 2) {
            return null;
        }
        List<String> out = new ArrayList<>(java.util.Collections.nCopies(n, ""));
        out.set(0, words[0]);
        for (int w = words.length - 1, k = n - 1; w >= 1; w--, k--) {
            out.set(k, words[w]);
        }
        return out;
    }

    /** How many fields a parsable line has (for the message when it is not the header's count). */
    int fieldsIn(String raw) {
        String line = raw.strip();
        if (trailingBar && line.endsWith("|")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.split("\\|", -1).length;
    }
}
