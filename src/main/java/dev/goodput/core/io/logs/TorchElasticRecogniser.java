package dev.goodput.core.io.logs;

import dev.goodput.core.classify.FaultClassifier;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Times;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What torchrun's elastic agent (torch.distributed.elastic, or NVIDIA's ft_launcher built on it) and the worker
 * processes it relays say about starts and failures:
 * <ul>
 *   <li>starts: the first of {@code Setting OMP_NUM_THREADS ...}, {@code Starting elastic_operator ...},
 *   {@code [default] starting workers ...}, {@code [default] Starting worker group} is the job's launch; a later
 *   {@code Starting worker group} is a time anchor;</li>
 *   <li>restarts: {@code [default] Worker group FAILED. 3/3 attempts left; will restart worker group}, or a rendezvous
 *   {@code restart_count=K} with K &gt; 0 that no such line announced (another node's workers failed);</li>
 *   <li>failures: {@code failed (exitcode: N) local_rank: R (pid: P) of binary: ...}; the {@code ChildFailedError}
 *   block, read to its end and made one fault from its {@code Root Cause (first observed failure)} entry (time,
 *   host, rank, exit code and signal, the traceback's exception), merged with the {@code failed} line of the same
 *   pid; the agent's teardown ({@code Sending process P closing signal SIGTERM}, one fault per teardown);</li>
 *   <li>what the workers report: NCCL watchdog timeouts, {@code CUDA error: ...}, {@code NCCL WARN} network failures,
 *   {@code DistBackendError}, and the exception line closing a Python traceback ({@code [rank2]: Exception: ...});
 *   the same failure reported by several ranks (or twice by one) is one fault, with the first rank that said it;</li>
 *   <li>every fault's cause from the {@link FaultClassifier}'s rules on its line (the root-cause block's: on its
 *   exception); an uncaught exception no rule names is the program's own ({@code software_bug}), anything else
 *   unmatched is unattributed;</li>
 *   <li>the world size from the rendezvous ({@code global_world_sizes=[8, ...]}) or the torchrun command line.</li>
 * </ul>
 */
final class TorchElasticRecogniser implements LineRecogniser {
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]+");
    private final Map<TrainerEvent.SettingKey, String> settings = new EnumMap<>(TrainerEvent.SettingKey.class);
    private boolean agentStarted;
    private boolean restartPending;
    private final Set<String> faultKeys = new HashSet<>();
    /** Whether a fault with a cause was read since the last launch or restart (the block then only restates it). */
    private boolean causeSeen;
    /** A worker's {@code failed (exitcode ...)}: held until the root-cause block (same pid) or the next event. */
    private TrainerEvent.Fault pendingFailed;
    private long pendingPid = -1;
    /** Ranks inside a Python traceback → the indentation of its "Traceback" line (frames are indented more). */
    private final Map<Integer, Integer> tracebacks = new HashMap<>();
    private Block block;

    /**
     * A cause, its layer, a message that says it the same way whichever line (or rank) reported it, and the rule
     * that gave the cause (null: none did).
     */
    record Cause(String id, Layer layer, String message, String rule) {
        static Cause of(FaultClassifier.Classification c, String message) {
            return new Cause(c.cause(), c.layer(), message, c.rule());
        }
    }

    private static final String UNATTRIBUTED = CauseCatalog.UNATTRIBUTED_DOWNTIME.id();
    private static final String WATCHDOG = "Watchdog caught collective operation timeout";

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) {
        LogLine l = TorchElasticText.unwrap(line);
        String t = l.text();
        if (block != null) {
            if (block.read(l, t)) {
                if (block.closed) {
                    closeBlock(out);
                }
                return true;
            }
            closeBlock(out); // a timed line: the block was cut short
        }
        if (!tracebacks.isEmpty()) {
            Integer base = tracebacks.get(l.rank());
            if (base != null && TorchElasticText.time(l) != Times.UNKNOWN) {
                tracebacks.remove(l.rank()); // a traceback has no timed lines: this one was left open
            } else if (base != null) {
                if (indent(l) >= base + 2 || t.isEmpty()) {
                    return true; // a frame, its code or its carets
                }
                if (t.startsWith("During handling of the above exception")
                        || t.startsWith("The above exception was the direct cause")) {
                    return true;
                }
                tracebacks.remove(l.rank());
                if (!isChildFailed(t) && isExceptionLine(t)) {
                    exception(l, t, out);
                    return true;
                }
            }
        }
        int k;
        if (t.startsWith("Traceback (most recent call last)")) {
            tracebacks.put(l.rank(), indent(l));
            return true;
        }
        if (isChildFailed(t)) {
            block = new Block(l.source());
            return true;
        }
        if ((k = t.indexOf("failed (exitcode: ")) >= 0) {
            return failed(l, t, k, out);
        }
        if ((k = t.indexOf(" closing signal SIG")) >= 0 && t.indexOf("Sending process ") >= 0) {
            flushPending(out);
            String sig = t.substring(k + " closing signal ".length()).strip();
            long pid = TorchElasticText.whole(t, t.indexOf("Sending process ") + "Sending process ".length());
            fault(l, Cause.of(FaultClassifier.bundled().classify(t), "torchelastic agent stopping the workers: " + sig
                    + " to pid " + pid + " and the rest of the group (teardown after a failure)"), "teardown", out);
            return true;
        }
        if (t.indexOf("orker") >= 0) {
            Boolean r = workerGroup(l, t, out);
            if (r != null) {
                return r;
            }
        }
        if ((k = t.indexOf("restart_count=")) >= 0) {
            long count = TorchElasticText.whole(t, k + "restart_count=".length());
            if (count > 0 && !restartPending) {
                restart(l, "torchelastic: rendezvous with restart_count=" + count
                        + " (another node's workers failed, or the group's membership changed)", out);
            }
            return count >= 0;
        }
        if ((k = t.indexOf("global_world_sizes=[")) >= 0) {
            long n = TorchElasticText.whole(t, k + "global_world_sizes=[".length());
            if (n > 0) {
                setting(l, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(n), out);
                return true;
            }
            return false;
        }
        if (t.indexOf("Starting elastic_operator with launch configs") >= 0) {
            start(l, "torchrun: starting the elastic agent", out);
            return true;
        }
        if (t.indexOf("Setting OMP_NUM_THREADS environment variable for each process") >= 0) {
            if (TorchElasticText.time(l) == Times.UNKNOWN) {
                return false; // an untimed banner: the next start line says when
            }
            start(l, "torchrun: starting", out);
            return true;
        }
        if ((k = t.indexOf(" death signal, shutting down workers")) >= 0) {
            String sig = t.substring(0, k);
            sig = sig.substring(sig.lastIndexOf(' ') + 1);
            fault(l, Cause.of(FaultClassifier.bundled().classify(t), "torchelastic agent received "
                    + sig.replace("Signals.", "") + " (stopped from outside: the scheduler's preemption, time limit or "
                    + "cancel?)"), "agent signal", out);
            return true;
        }
        if (t.indexOf(WATCHDOG) >= 0 || t.indexOf("CUDA error: ") >= 0
                || t.indexOf("NCCL WARN") >= 0 || t.indexOf("DistBackendError: ") >= 0) {
            Cause c = classify(t);
            if (c != null) {
                fault(l, c, null, out);
                return true;
            }
            return false;
        }
        if ((t.indexOf("torchrun") >= 0 || t.indexOf("torch.distributed.run") >= 0
                || t.indexOf("torch.distributed.launch") >= 0) && t.indexOf("--nproc") >= 0) {
            long world = worldSizeOfCommand(t);
            if (world > 0) {
                setting(l, TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(world), out);
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish(Consumer<TrainerEvent> out) {
        if (block != null) {
            closeBlock(out);
        }
        flushPending(out);
    }

    // ---- starts and restarts

    /** Lines with "worker group" / "starting workers"; null when the line is none of them. */
    private Boolean workerGroup(LogLine l, String t, Consumer<TrainerEvent> out) {
        if (t.indexOf("will restart worker group") >= 0) {
            flushPending(out);
            int k = t.indexOf("Worker group");
            restart(l, "torchelastic: " + TorchElasticText.clip(k >= 0 ? t.substring(k) : t, 120), out);
            return true;
        }
        if (t.indexOf("Starting worker group") >= 0) {
            if (restartPending) {
                restartPending = false;
                out.accept(new TrainerEvent.Marker(TorchElasticText.time(l), l.source(),
                        "torchelastic: starting the worker group again"));
            } else if (!agentStarted) {
                start(l, "torchelastic: starting the worker group", out);
            } else {
                out.accept(new TrainerEvent.Marker(TorchElasticText.time(l), l.source(),
                        "torchelastic: starting the worker group"));
            }
            return true;
        }
        if (t.indexOf("starting workers for entrypoint") >= 0) {
            if (!agentStarted) {
                start(l, "torchelastic: starting workers", out);
            }
            return true;
        }
        if (t.indexOf("worker group successfully finished") >= 0
                || t.indexOf("Local worker group finished") >= 0) {
            flushPending(out);
            if (agentStarted) {
                out.accept(new TrainerEvent.Marker(TorchElasticText.time(l), l.source(),
                        "torchelastic: the worker group finished"));
            }
            agentStarted = false;
            restartPending = false;
            return true;
        }
        return null;
    }

    private void start(LogLine l, String what, Consumer<TrainerEvent> out) {
        if (agentStarted) {
            return;
        }
        flushPending(out);
        agentStarted = true;
        restartPending = false;
        faultKeys.clear();
        causeSeen = false;
        out.accept(new TrainerEvent.Launch(TorchElasticText.time(l), l.source(), what));
    }

    private void restart(LogLine l, String message, Consumer<TrainerEvent> out) {
        flushPending(out);
        agentStarted = true;
        restartPending = true;
        faultKeys.clear();
        causeSeen = false;
        out.accept(new TrainerEvent.Restart(TorchElasticText.time(l), l.source(), message));
    }

    // ---- failures

    /** {@code failed (exitcode: -6) local_rank: 0 (pid: 1568803) of binary: ...}. */
    private boolean failed(LogLine l, String t, int k, Consumer<TrainerEvent> out) {
        long code = exitCode(t, k + "failed (exitcode: ".length());
        if (code == Long.MIN_VALUE) {
            return false;
        }
        flushPending(out);
        int lr = t.indexOf("local_rank: ", k);
        long localRank = lr < 0 ? -1 : TorchElasticText.whole(t, lr + "local_rank: ".length());
        int p = t.indexOf("(pid: ", k);
        long pid = p < 0 ? -1 : TorchElasticText.whole(t, p + "(pid: ".length());
        String node = null;
        int at = t.indexOf("[ft_launcher@");
        if (at >= 0 && t.indexOf(']', at) > 0) {
            node = t.substring(at + "[ft_launcher@".length(), t.indexOf(']', at));
        }
        String msg = "worker local_rank " + localRank + " (pid " + pid + ") failed: " + describeExit(code, null);
        pendingFailed = new TrainerEvent.Fault(TorchElasticText.time(l), l.source(),
                FaultClassifier.bundled().classify(t), msg, -1, node);
        pendingPid = pid;
        return true;
    }

    private void flushPending(Consumer<TrainerEvent> out) {
        if (pendingFailed != null) {
            out.accept(pendingFailed);
            pendingFailed = null;
            pendingPid = -1;
        }
    }

    private void closeBlock(Consumer<TrainerEvent> out) {
        Block b = block;
        block = null;
        agentStarted = false;
        restartPending = false;
        if (!b.hasRoot()) {
            flushPending(out);
            return;
        }
        long time = b.rootTime;
        if (pendingFailed != null && b.rootPid >= 0 && b.rootPid == pendingPid) {
            if (time == Times.UNKNOWN) {
                time = pendingFailed.timeUs();
            }
            pendingFailed = null; // the same failure: one fault, the block's
            pendingPid = -1;
        } else {
            flushPending(out);
        }
        Cause c = b.rootException == null ? null : classify(b.rootException);
        if (c == null && b.rootException != null) {
            c = exceptionCause(b.rootException);
        }
        if (causeSeen) {
            c = null; // the workers' own lines said why already: the agent's summary is part of the cascade
        }
        StringBuilder msg = new StringBuilder(describeExit(b.rootExit, b.rootSignal));
        if (b.rootHost != null) {
            msg.append(" on host ").append(b.rootHost);
        }
        if (b.rootRank >= 0) {
            msg.append(" rank ").append(b.rootRank);
        }
        if (b.rootException != null) {
            msg.append(": ").append(TorchElasticText.clip(b.rootException, 200));
        }
        if (b.failures > 0) {
            msg.append("; ").append(b.failures).append(b.failures == 1 ? " other failure (" : " other failures (");
            int i = 0;
            for (Map.Entry<String, Integer> e : b.otherExits.entrySet()) {
                msg.append(i++ > 0 ? ", " : "").append(e.getKey()).append(" ×").append(e.getValue());
            }
            msg.append(')');
        }
        FaultClassifier.Classification k = c == null ? FaultClassifier.UNMATCHED
                : new FaultClassifier.Classification(c.id(), c.layer(), c.rule());
        out.accept(new TrainerEvent.Fault(time, b.rootSource, k, msg.toString(), (int) b.rootRank, b.rootHost));
    }

    /** The exception line that closes a Python traceback. */
    private void exception(LogLine l, String t, Consumer<TrainerEvent> out) {
        String name = t.indexOf(':') > 0 ? t.substring(0, t.indexOf(':')) : t.strip();
        if (name.equals("SystemExit") || name.endsWith(".SystemExit")) {
            return;
        }
        Cause c = classify(t);
        if (c == null) {
            c = exceptionCause(t);
        }
        fault(l, c, null, out);
    }

    /**
     * The cause of an uncaught Python exception no rule names: the program's own failure, as the recogniser knows
     * from where the line is (it closes a traceback), which a message pattern cannot.
     */
    private static Cause exceptionCause(String t) {
        return new Cause(CauseCatalog.SOFTWARE_BUG.id(), Layer.FRAMEWORK, TorchElasticText.clip(t, 300), null);
    }

    /**
     * One fault per failure: {@code key} (or the cause and its message) seen already since the last launch or
     * restart means another rank's copy, or the same failure said again.
     */
    private void fault(LogLine l, Cause c, String key, Consumer<TrainerEvent> out) {
        if (key == null) {
            // A watchdog timeout is the same collective on every rank, however long each waited; other reports are
            // the same failure when they differ only in numbers (the GPU, the rank, the size each tried to allocate).
            int ran = c.message().indexOf(" ran for ");
            key = c.id() + "|" + (c.id().equals(CauseCatalog.NCCL_WATCHDOG_TIMEOUTS.id()) ? ran > 0
                    ? c.message().substring(0, ran)
                    : c.message() : DIGITS.matcher(c.message()).replaceAll("#"));
        }
        if (!faultKeys.add(key)) {
            return;
        }
        flushPending(out);
        int rank = l.rank();
        if (rank < 0) {
            int r = l.text().indexOf("[Rank ");
            rank = r < 0 ? -1 : (int) TorchElasticText.whole(l.text(), r + "[Rank ".length());
        }
        String node = null;
        if (c.message().startsWith("NCCL WARN")) {
            String t = l.text().strip();
            int colon = t.indexOf(':');
            if (colon > 0 && t.lastIndexOf(' ', colon) < 0) {
                node = t.substring(0, colon);
            }
        }
        causeSeen |= !c.id().equals(UNATTRIBUTED);
        out.accept(new TrainerEvent.Fault(TorchElasticText.time(l), l.source(), c.id(), c.message(), rank, node,
                c.layer(), c.rule()));
    }

    /**
     * The cause the {@link FaultClassifier}'s rules give a failure report, or null when no rule matches. The message
     * is the report's own words from its key phrase on (the watchdog's {@code Watchdog caught collective operation
     * timeout: WorkNCCL(..., Timeout(ms)=600000) ran for 600020 milliseconds ...}, {@code CUDA error: ...},
     * {@code NCCL WARN ...}), else the line, clipped.
     */
    static Cause classify(String t) {
        FaultClassifier.Classification c = FaultClassifier.bundled().find(t);
        return c == null ? null : Cause.of(c, messageOf(t));
    }

    private static String messageOf(String t) {
        int k = t.indexOf(WATCHDOG);
        if (k >= 0) {
            return TorchElasticText.clip(t.substring(k), 300);
        }
        k = t.indexOf("CUDA error: ");
        if (k >= 0) {
            return "CUDA error: " + TorchElasticText.clip(t.substring(k + "CUDA error: ".length()), 160);
        }
        k = t.indexOf("NCCL WARN ");
        if (k >= 0) {
            return "NCCL WARN " + TorchElasticText.clip(t.substring(k + "NCCL WARN ".length()), 200);
        }
        return TorchElasticText.clip(t, 300);
    }

    // ---- helpers

    /** Whether the line starts the agent's {@code ChildFailedError} report. */
    private static boolean isChildFailed(String t) {
        return t.startsWith("torch.distributed.elastic.multiprocessing.errors.ChildFailedError")
                || t.startsWith("ChildFailedError:");
    }

    /** {@code Name: message} or a bare {@code Name}, where Name is a dotted Python identifier. */
    static boolean isExceptionLine(String t) {
        int n = t.length();
        if (n == 0 || !(Character.isLetter(t.charAt(0)) || t.charAt(0) == '_')) {
            return false;
        }
        int i = 0;
        while (i < n && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_' || t.charAt(i) == '.')) {
            i++;
        }
        return i == n || t.charAt(i) == ':' && (i + 1 == n || t.charAt(i + 1) == ' ');
    }

    /** Spaces between the line's prefixes (rank, relay) and its text: a traceback's frames are indented. */
    private static int indent(LogLine l) {
        String raw = l.raw();
        String text = l.text();
        if (!raw.endsWith(text)) {
            return text.startsWith("File \"") ? 2 : 0;
        }
        int start = raw.length() - text.length();
        int k = start;
        while (k > 0 && raw.charAt(k - 1) == ' ') {
            k--;
        }
        int spaces = start - k;
        // "[rank2]: Exception" has one space after the prefix; a frame "[rank2]:   File" three.
        return k > 0 && raw.charAt(k - 1) == ':' ? spaces - 1 : spaces;
    }

    /** The exit code at {@code i} ("-6", "1"), or MIN_VALUE. */
    private static long exitCode(String t, int i) {
        i = TorchElasticText.skipSpaces(t, i);
        boolean negative = i < t.length() && t.charAt(i) == '-';
        long v = TorchElasticText.whole(t, negative ? i + 1 : i);
        return v < 0 ? Long.MIN_VALUE : negative ? -v : v;
    }

    /** "exitcode -6 (SIGABRT)", "exitcode 1". */
    static String describeExit(long code, String signal) {
        if (code == Long.MIN_VALUE) {
            return signal != null ? signal : "failed";
        }
        String sig = signal != null ? signal : code < 0 ? signalName(-code) : null;
        return "exitcode " + code + (sig != null ? " (" + sig + ")" : "");
    }

    private static String signalName(long n) {
        return switch ((int) n) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 15 -> "SIGTERM";
            default -> "signal " + n;
        };
    }

    /**
     * Accelerators from a torchrun command line: {@code --nproc_per_node=8} (or {@code --nproc-per-node 8}) times
     * {@code --nnodes=N} (or N:N; 1 when absent); -1 when not a fixed count.
     */
    static long worldSizeOfCommand(String t) {
        long nproc = option(t, "--nproc_per_node");
        if (nproc < 0) {
            nproc = option(t, "--nproc-per-node");
        }
        if (nproc <= 0) {
            return -1;
        }
        int k = t.indexOf("--nnodes");
        if (k < 0) {
            return nproc;
        }
        int v = TorchElasticText.skipSpaces(t, k + "--nnodes".length() + 1);
        long min = TorchElasticText.whole(t, v);
        int end = TorchElasticText.numberEnd(t, v);
        long max = end < t.length() && t.charAt(end) == ':' ? TorchElasticText.whole(t, end + 1) : min;
        return min > 0 && min == max ? nproc * min : -1;
    }

    private static long option(String t, String name) {
        int k = t.indexOf(name);
        if (k < 0 || k + name.length() >= t.length()) {
            return -1;
        }
        char sep = t.charAt(k + name.length());
        if (sep != '=' && sep != ' ') {
            return -1;
        }
        int v = TorchElasticText.skipSpaces(t, k + name.length() + 1);
        int end = TorchElasticText.numberEnd(t, v);
        return end < t.length() && t.charAt(end) != ' ' ? -1 : TorchElasticText.whole(t, v);
    }

    private void setting(LogLine l, TrainerEvent.SettingKey key, String value, Consumer<TrainerEvent> out) {
        if (!value.equals(settings.put(key, value))) {
            out.accept(new TrainerEvent.Setting(TorchElasticText.time(l), l.source(), key, value));
        }
    }

    /**
     * The agent's {@code ChildFailedError} report: {@code Failures:} entries (other ranks), then
     * {@code Root Cause (first observed failure):} and its entry, closed by a line of {@code =}.
     */
    private static final class Block {
        private static final int MAX_LINES = 10_000;
        final dev.goodput.core.model.Source start;
        boolean closed;
        private int lines;
        private boolean inRoot;
        private String field = "";
        int failures;
        final Map<String, Integer> otherExits = new LinkedHashMap<>();
        dev.goodput.core.model.Source rootSource;
        long rootTime = Times.UNKNOWN;
        String rootHost;
        long rootRank = -1;
        long rootExit = Long.MIN_VALUE;
        long rootPid = -1;
        String rootSignal;
        String rootException;
        private boolean rootFields;

        Block(dev.goodput.core.model.Source start) {
            this.start = start;
            this.rootSource = start;
        }

        boolean hasRoot() {
            return rootFields;
        }

        /** Whether the line belongs to the block (false: a timed line that does not, which ends it). */
        boolean read(LogLine l, String t) {
            if (++lines > MAX_LINES || l.timeUs() != Times.UNKNOWN) {
                return false;
            }
            if (t.startsWith("=====")) {
                if (inRoot && rootFields) {
                    closed = true;
                }
                return true;
            }
            if (t.startsWith("-----") || t.isEmpty() || t.startsWith("<NO_OTHER_FAILURES>") || t.endsWith(" FAILED")
                    && t.indexOf(' ') == t.length() - " FAILED".length()) {
                field = "";
                return true;
            }
            if (t.startsWith("Failures:")) {
                inRoot = false;
                return true;
            }
            if (t.startsWith("Root Cause")) {
                inRoot = true;
                rootSource = l.source();
                return true;
            }
            if (t.startsWith("[") && t.endsWith("]:")) {
                field = "";
                if (!inRoot) {
                    failures++;
                }
                return true;
            }
            int colon = t.indexOf(':');
            String key = colon > 0 ? t.substring(0, colon).strip() : "";
            String value = colon > 0 ? t.substring(colon + 1).strip() : "";
            switch (key) {
                case "time", "host", "rank", "exitcode", "error_file", "traceback" -> {
                    field = key;
                    if (inRoot) {
                        rootField(l, key, value);
                    } else if (key.equals("exitcode")) {
                        otherExits.merge(exitWords(value), 1, Integer::sum);
                    }
                    if (key.equals("traceback") && inRoot && rootException == null
                            && !value.startsWith("Traceback") && !value.startsWith("To enable traceback")
                            && !value.startsWith("Signal ")) {
                        rootException = value;
                    }
                    return true;
                }
                default -> {
                    // A continuation of a field (the traceback's lines).
                    if (inRoot && field.equals("traceback") && rootException == null && isExceptionLine(t)) {
                        rootException = t;
                    }
                    return true;
                }
            }
        }

        private void rootField(LogLine l, String key, String value) {
            rootFields = true;
            switch (key) {
                case "time" -> rootTime = blockTime(value, l.clock());
                case "host" -> rootHost = value.isEmpty() ? null : value;
                case "rank" -> rootRank = TorchElasticText.whole(value, 0);
                case "exitcode" -> {
                    rootExit = exitCode(value, 0);
                    int p = value.indexOf("(pid: ");
                    rootPid = p < 0 ? -1 : TorchElasticText.whole(value, p + "(pid: ".length());
                    int s = value.indexOf("(SIG");
                    rootSignal = s < 0 ? null : value.substring(s + 1, Math.max(s + 1, value.indexOf(')', s)));
                }
                default -> {
                }
            }
        }

        /** "-15 (pid: 2019127)  (SIGTERM)" → "SIGTERM"; "1 (pid: 2019123)" → "exitcode 1". */
        private static String exitWords(String value) {
            int s = value.indexOf("(SIG");
            if (s >= 0 && value.indexOf(')', s) > s) {
                return value.substring(s + 1, value.indexOf(')', s));
            }
            long code = exitCode(value, 0);
            return describeExit(code, null);
        }

        /** The block's {@code 2025-03-07_22:44:03}, in the file's zone. */
        private static long blockTime(String v, LogTime clock) {
            if (v.length() < 19 || v.charAt(10) != '_') {
                return Times.UNKNOWN;
            }
            return TimeText.dateTime(v.substring(0, 10) + " " + v.substring(11, 19), 0, clock);
        }
    }
}
