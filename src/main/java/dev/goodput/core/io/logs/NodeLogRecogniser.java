package dev.goodput.core.io.logs;

import dev.goodput.core.classify.FaultClassifier;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node logs: kernel and GPU driver lines ({@code dmesg}, {@code dmesg -T}, {@code dmesg --time-format=iso},
 * journalctl / syslog). Each line of one of these kinds is a {@link TrainerEvent.Fault} (rank -1) whose cause
 * the {@link FaultClassifier} gives from its message (unmatched: unattributed, for the analyst):
 * <ul>
 * <li>GPU driver Xid lines ({@code NVRM: Xid (PCI:0000:9b:00): 79, ...}); node = the host the line names, else
 * the PCI id;</li>
 * <li>GPU memory lines that are not Xids ({@code NVRM: ...} with {@code DBE}, {@code Row Remapper},
 * {@code uncorrectable ECC});</li>
 * <li>OOM kills ({@code Out of memory: Killed process N (python)}, {@code oom-kill:});</li>
 * <li>NIC / InfiniBand links going down ({@code mlx5_core ...: Link down}, {@code ib0: link down},
 * {@code Port ... state DOWN});</li>
 * <li>filesystem errors ({@code EXT4-fs error}, {@code Lustre: ... evicted}, {@code NFS: server ... not
 * responding}).</li>
 * </ul>
 * Every other line (including the driver's follow-up lines of an Xid: GSP RPC history, register dumps, call
 * traces) is not this format's.
 *
 * <p>Repeats: the driver often writes one event many times (16 Xid 13 lines in a millisecond, one per SM). Lines
 * with the same key (Xid code and PCI device; for other kinds the kind and the message, OOM kills by pid) within
 * {@value #WINDOW_US} µs of the first line of their group are one fault, at the first line's time and source, its
 * message followed by "(repeated N times within 60 s)". The window is fixed at the group's first line, not
 * sliding. Faults are passed on in the order of their first lines.
 *
 * <p>Times: a timestamp prefix {@link LinePrefix} reads (an ISO time at the line's start); {@code dmesg -T}'s
 * {@code [Mon Jul  6 16:50:15 2024]} (in the file's zone); an ISO time anywhere in the line
 * ({@code dmesg --time-format=iso}'s {@code 2024-07-06T16:50:15,123456+00:00}, also after
 * {@code kern  :warn  : }); syslog's {@code Jul  6 16:50:15 host kernel:} (no year: a yearless value). Plain
 * {@code dmesg}'s {@code [  123.456789]} is seconds since boot, no wall time: the fault has time
 * {@link Times#UNKNOWN} (the stitcher places it among its neighbours) and the seconds since boot are only used to
 * group repeats.
 */
final class NodeLogRecogniser implements LineRecogniser {
    static final long WINDOW_US = 60_000_000L;
    private static final int MAX_PENDING = 256;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d\\d)-(\\d\\d)[T ](\\d\\d):(\\d\\d):(\\d\\d)(?:[.,](\\d{1,9}))?(Z|[+-]\\d\\d:?\\d\\d)?");
    private static final Pattern PID = Pattern.compile("(?:Kill(?:ed)? process |pid=)(\\d+)");
    private static final Pattern IB_PORT = Pattern.compile("\\bib\\d+:|mlx\\d|\\bPort\\b|\\bport\\b");

    private enum Kind { XID, ECC, OOM, NIC, FS }

    private static final class Pending {
        final long timeUs;
        final long clockUs;
        final Source source;
        final String key;
        final String form;
        String message;
        final String node;
        int count = 1;

        Pending(long timeUs, long clockUs, Source source, String key, String form, String message, String node) {
            this.timeUs = timeUs;
            this.clockUs = clockUs;
            this.source = source;
            this.key = key;
            this.form = form;
            this.message = message;
            this.node = node;
        }
    }

    private final FaultClassifier rules = FaultClassifier.bundled();
    private final List<Pending> pending = new ArrayList<>();

    // Set by stamp(): the end of the kernel time stamp in the text, the host a syslog line names, the clock
    // used to group repeats (wall time, yearless value or seconds since boot; Times.UNKNOWN when none).
    private int stampEnd;
    private String host;
    private long clockUs;

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String s = line.text();
        int nv = s.indexOf("NVRM: ");
        Kind kind = null;
        if (nv >= 0) {
            int at = nv + 6;
            if (s.startsWith("Xid", at)) {
                kind = Kind.XID;
            } else if (s.indexOf("DBE", at) >= 0 || s.indexOf("Row Remapp", at) >= 0
                    || s.indexOf("ncorrectable ECC", at) >= 0) {
                kind = Kind.ECC;
            } else {
                return false; // a follow-up line of an Xid, or other driver chatter
            }
        } else {
            kind = otherKind(s);
            if (kind == null) {
                return false;
            }
        }
        long timeUs = stamp(line, s);
        String message = nv >= 0 ? s.substring(nv + 6).trim() : body(s);
        String node = host;
        String key;
        String form = kind.name();
        switch (kind) {
            case XID -> {
                int open = s.indexOf('(', nv);
                int close = open < 0 ? -1 : s.indexOf("): ", open);
                int code = close < 0 ? -1 : number(s, close + 3);
                if (code < 0) {
                    throw new BadRecord("expected 'Xid (PCI:...): <code>,' after 'NVRM: '");
                }
                String pci = s.substring(open + 1, close);
                if (node == null) {
                    node = pci;
                }
                key = "xid " + code + " " + pci;
            }
            case ECC -> {
                String pci = pciIn(s, nv);
                if (node == null) {
                    node = pci;
                }
                key = "ecc " + pci + " " + message;
            }
            case OOM -> {
                Matcher m = PID.matcher(s);
                key = m.find() ? "oom " + m.group(1) : "oom " + message;
                form = s.indexOf("oom-kill:") >= 0 ? "oom-kill" : "oom";
            }
            default -> key = kind + " " + message;
        }
        flushExpired(clockUs, out);
        for (Pending p : pending) {
            if (p.key.equals(key) && sameWindow(p.clockUs, clockUs)) {
                if (p.form.equals(form)) {
                    p.count++;
                } else if (form.equals("oom")) {
                    p.message = message; // "Out of memory: Killed process N (python)" says more than "oom-kill:..."
                }
                return true;
            }
        }
        if (pending.size() >= MAX_PENDING) {
            emit(pending.remove(0), out);
        }
        pending.add(new Pending(timeUs, clockUs, line.source(), key, form, message, node));
        return true;
    }

    @Override
    public void finish(Consumer<TrainerEvent> out) {
        for (Pending p : pending) {
            emit(p, out);
        }
        pending.clear();
    }

    /** The kind of a line that is not the GPU driver's, or null when it is none of this format's. */
    private static Kind otherKind(String s) {
        if (s.indexOf("Out of memory: Kill") >= 0 || s.indexOf("oom-kill:") >= 0) {
            return Kind.OOM;
        }
        int link = s.indexOf("ink down");
        if (link > 0 && (s.charAt(link - 1) == 'L' || s.charAt(link - 1) == 'l') && IB_PORT.matcher(s).find()) {
            return Kind.NIC;
        }
        int down = s.indexOf("state DOWN");
        if (down > 0 && (s.lastIndexOf("Port", down) >= 0 || s.lastIndexOf("port", down) >= 0)) {
            return Kind.NIC;
        }
        if (s.indexOf("EXT4-fs error") >= 0) {
            return Kind.FS;
        }
        int lustre = s.indexOf("Lustre");
        if (lustre >= 0 && s.indexOf("evict", lustre) >= 0) {
            return Kind.FS;
        }
        int nfs = s.indexOf("fs: server ");
        if (nfs > 0 && (s.startsWith("NFS", nfs - 1) || s.startsWith("nfs", nfs - 1))
                && s.indexOf("not responding", nfs) >= 0) {
            return Kind.FS;
        }
        return null;
    }

    /** Passes on the oldest groups that a line at {@code now} can no longer join (first lines' order kept). */
    private void flushExpired(long now, Consumer<TrainerEvent> out) {
        while (!pending.isEmpty() && !sameWindow(pending.get(0).clockUs, now)) {
            emit(pending.remove(0), out);
        }
    }

    /**
     * Whether a line at {@code now} joins a group whose first line was at {@code first}: both known and within
     * the window, or both unknown (lines without any clock group only while nothing with a clock came between).
     */
    private static boolean sameWindow(long first, long now) {
        if (first == Times.UNKNOWN || now == Times.UNKNOWN) {
            return first == now;
        }
        return now >= first && now - first <= WINDOW_US;
    }

    private void emit(Pending p, Consumer<TrainerEvent> out) {
        String message = p.count > 1 ? p.message + " (repeated " + p.count + " times within 60 s)" : p.message;
        out.accept(new TrainerEvent.Fault(p.timeUs, p.source, rules.classify(p.message), message, -1, p.node));
    }

    /** The PCI id ("PCI:0000:9b:00") a driver line names after {@code from}, or null. */
    private static String pciIn(String s, int from) {
        int i = s.indexOf("PCI:", from);
        if (i < 0) {
            return null;
        }
        int e = i + 4;
        while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == ':'
                || s.charAt(e) == '.')) {
            e++;
        }
        while (e > i + 4 && (s.charAt(e - 1) == ':' || s.charAt(e - 1) == '.')) {
            e--;
        }
        return s.substring(i, e);
    }

    /** The digits at {@code i} as a number, or -1. */
    private static int number(String s, int i) {
        int v = 0;
        int start = i;
        while (i < s.length() && TimeText.isDigit(s.charAt(i)) && i - start < 9) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return i == start ? -1 : v;
    }

    /** The message of a non-driver line: after "kernel: " when the line has it, else after the time stamp. */
    private String body(String s) {
        int k = s.indexOf(" kernel: ");
        int from = k >= 0 ? k + 9 : stampEnd;
        // A boot-seconds stamp after the syslog prefix ("kernel: [  269.516977] ...").
        int i = skipSpaces(s, from);
        if (i < s.length() && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close > 0 && bootSeconds(s, i + 1, close) >= 0) {
                from = close + 1;
            }
        }
        return s.substring(Math.min(from, s.length())).trim();
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The line's wall time (epoch µs, a yearless value or {@link Times#UNKNOWN}); sets {@link #stampEnd},
     * {@link #host} and {@link #clockUs}.
     */
    private long stamp(LogLine line, String s) {
        stampEnd = 0;
        host = null;
        clockUs = Times.UNKNOWN;
        long t = line.timeUs();
        int n = s.length();
        int k = s.indexOf(" kernel: ");
        if (t == Times.UNKNOWN && n > 0 && s.charAt(0) == '[') {
            int close = s.indexOf(']');
            if (close > 0) {
                long boot = bootSeconds(s, 1, close);
                if (boot >= 0) {
                    clockUs = boot;
                    stampEnd = close + 1;
                    return Times.UNKNOWN;
                }
                t = TimeText.dmesgT(s, 1, close, line.clock());
                if (t != Times.UNKNOWN) {
                    stampEnd = close + 1;
                }
            }
        }
        if (t == Times.UNKNOWN && n > 15 && !TimeText.isDigit(s.charAt(0))) {
            t = syslog(s);
        }
        if (t == Times.UNKNOWN) {
            int digit = firstDigit(s);
            if (digit >= 0) {
                Matcher m = ISO.matcher(s);
                if (m.find(digit)) {
                    t = iso(line, m);
                    if (t != Times.UNKNOWN) {
                        stampEnd = m.end();
                    }
                }
            }
        }
        if (k > 0) {
            // "host kernel: ": the word before "kernel:", unless it is the time ("19:02:39 kernel:").
            int w = s.lastIndexOf(' ', k - 1) + 1;
            if (w < k && s.indexOf(':', w) > k) {
                host = s.substring(w, k);
            }
        }
        if (t != Times.UNKNOWN) {
            clockUs = t;
        } else if (k >= 0) {
            // "kernel: [  269.516977]" without a wall time before it: group by the boot clock.
            int i = skipSpaces(s, k + 9);
            int close = i < n && s.charAt(i) == '[' ? s.indexOf(']', i) : -1;
            if (close > 0) {
                long boot = bootSeconds(s, i + 1, close);
                if (boot >= 0) {
                    clockUs = boot;
                }
            }
        }
        return t;
    }

    private static int firstDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (TimeText.isDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** µs of "  123.456789" in {@code s[from, to)} (spaces, digits, a dot, digits), or -1. */
    private static long bootSeconds(String s, int from, int to) {
        int i = skipSpaces(s, from);
        long sec = 0;
        int d = i;
        while (i < to && TimeText.isDigit(s.charAt(i))) {
            sec = sec * 10 + (s.charAt(i++) - '0');
        }
        if (i == d || i >= to || s.charAt(i) != '.' || i - d > 12) {
            return -1;
        }
        i++;
        long us = 0;
        int digits = 0;
        while (i < to && TimeText.isDigit(s.charAt(i))) {
            if (digits < 6) {
                us = us * 10 + (s.charAt(i) - '0');
            }
            digits++;
            i++;
        }
        if (digits == 0 || i != to) {
            return -1;
        }
        for (int j = digits; j < 6; j++) {
            us *= 10;
        }
        return sec * 1_000_000L + us;
    }

    /** Syslog's {@code Jul  6 16:50:15 } at the line's start: a yearless value; sets {@link #stampEnd}. */
    private long syslog(String s) {
        long t = TimeText.syslog(s, 0);
        int end = TimeText.end();
        if (t == Times.UNKNOWN || end >= s.length() || s.charAt(end) != ' ') {
            return Times.UNKNOWN;
        }
        stampEnd = end + 1;
        return t;
    }

    private static long iso(LogLine line, Matcher m) {
        int micros = 0;
        String frac = m.group(7);
        if (frac != null) {
            for (int j = 0; j < 6; j++) {
                micros = micros * 10 + (j < frac.length() ? frac.charAt(j) - '0' : 0);
            }
        }
        int y = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int d = Integer.parseInt(m.group(3));
        int h = Integer.parseInt(m.group(4));
        int mi = Integer.parseInt(m.group(5));
        int sec = Integer.parseInt(m.group(6));
        String zone = m.group(8);
        if (zone == null) {
            return line.clock().epochMicros(y, mo, d, h, mi, sec, micros);
        }
        int offset = 0;
        if (!zone.equals("Z")) {
            String digits = zone.substring(1).replace(":", "");
            offset = (Integer.parseInt(digits.substring(0, 2)) * 60 + Integer.parseInt(digits.substring(2))) * 60;
            if (zone.charAt(0) == '-') {
                offset = -offset;
            }
        }
        return LogTime.epochMicros(y, mo, d, h, mi, sec, micros, offset);
    }
}
