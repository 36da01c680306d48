package dev.goodput.core.io.logs;

import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.function.Consumer;

/**
 * Megatron-LM and Megatron-DeepSpeed records (docs/formats.md):
 * <ul>
 *   <li>the iteration line, {@code iteration N/ M | consumed samples: S | elapsed time per iteration (ms): T | ...}
 *   in its three spellings (Megatron-LM with {@code throughput per GPU (TFLOP/s/GPU)}, Megatron-DeepSpeed with
 *   {@code TFLOPs:} and elapsed time in ms or s, ALCF's {@code iteration=  N/  M | elapsed_time_per_iteration_ms=T
 *   | ... | TFLOPs=F |}): one {@link TrainerEvent.Steps} report, the mean over the log interval (count unknown);</li>
 *   <li>checkpoint saves and loads ({@code saving checkpoint at iteration N}, {@code successfully saved checkpoint
 *   (at|from) iteration N}, {@code scheduled an async checkpoint save}, {@code loading [distributed|release]
 *   checkpoint from ...}, {@code successfully loaded checkpoint from ... at iteration N}), an end carrying the
 *   {@code save-checkpoint} / {@code load-checkpoint} time of the timer block that follows it (the maximum across
 *   ranks);</li>
 *   <li>evaluations ({@code Evaluating on|iter ...} starts, {@code validation loss at ...} ends, with the
 *   {@code evaluate} timer before it as the duration; with neither a start line nor a time, an untimed start is
 *   given too, so that the evaluation is placed after the last steps, where Megatron runs it);</li>
 *   <li>the {@code [what] datetime: ...} markers (time anchors: older Megatron prints no time on other lines), of
 *   which {@code exiting program ...} ends the job and {@code after training is done} at the last iteration
 *   completes it;</li>
 *   <li>the first start banner of a process ({@code using world size:}, the arguments dump, {@code > initializing
 *   torch distributed}) as a {@link TrainerEvent.Launch}, and the arguments as settings.</li>
 * </ul>
 * In a Megatron-DeepSpeed log DeepSpeed reports the same steps and saves on its own lines; once a Megatron record
 * has been read, this recogniser takes those lines too ({@link DeepSpeedRecogniser#kind}), without events, so that
 * nothing is counted twice. A DeepSpeed {@code step=N} line's time dates an untimed iteration line N that follows.
 */
final class MegatronRecogniser implements LineRecogniser {
    static final String FIGURE_LM = "Megatron-LM throughput per GPU (TFLOP/s/GPU)";
    static final String FIGURE_DS = "Megatron-DeepSpeed TFLOPs";
    static final String FIGURE_ALCF = "ALCF Megatron-DeepSpeed TFLOPs (Megatron-LM's model FLOPs)";

    private static final String PARAMETERS = "Total number of parameters in billions:";
    private static final String ACTIVE_PARAMETERS = "Total number of active parameters in billions:";

    /** Lines of an arguments dump that may pass without an argument before the dump is taken as over. */
    private static final int ARGS_MISSES = 64;

    private final MegatronScan scan = new MegatronScan();
    /** A Megatron record was read: DeepSpeed's lines in this file are Megatron-DeepSpeed's second report. */
    private boolean seen;
    /** The next start banner begins a process (none seen since the last progress or marker). */
    private boolean launchArmed = true;

    // The arguments dump.
    private boolean inArgs;
    private int argsMisses;
    private Source argsSource;
    private Boolean bf16;
    private Boolean fp16;
    private String fp8;
    private Boolean checkpointActivations;
    private String granularity;
    /** "true", "selective" or "false" once an arguments dump said. */
    private String recompute;

    // The FLOP figure of the iteration lines.
    private String figureSaid;
    private boolean hardwareSaid;

    private long lastIteration = -1;
    private long trainIters = -1;
    // The last DeepSpeed step=N line with a time (Megatron-DeepSpeed), to date an untimed iteration line N.
    private long dsStep = -1;
    private long dsStepUs = Times.UNKNOWN;

    // Checkpoints.
    private long saveOpenStep = Long.MIN_VALUE;
    private long loadOpenStep = Long.MIN_VALUE;
    private long saveEndedAt = Long.MIN_VALUE; // lastIteration when the last save ended
    private long asyncStep = -1;
    private Held held;
    /** An untimed save start, held for one line: DeepSpeed's timed start of the same save may follow. */
    private TrainerEvent.CheckpointSave heldStart;
    private int heldStartRank;
    private long dsReadyUs = Times.UNKNOWN;
    private boolean evalOpen;
    /** The {@code evaluate} timer just logged, for the evaluation's end line that follows (µs), or -1. */
    private long evalUs = -1;

    // "Total number of parameters in billions" waits for the active count of the next line (MoE).
    private String params;
    private long paramsUs;
    private Source paramsSource;

    /**
     * A save's or load's end, held for the timer block that may follow with its duration. It is passed on at a line
     * of the rank that wrote it (or at the end of the file): the reader keeps the progress of one rank, by the rank
     * of the line being read, and Megatron writes its timers from the last rank, its saves from rank 0.
     */
    private record Held(boolean save, long timeUs, Source source, int rank, long step, long durationUs) {
    }

    @Override
    public boolean read(LogLine line, Consumer<TrainerEvent> out) throws BadRecord {
        String t = line.text();
        int s = MegatronScan.skipSpaces(t, 0);
        int n = t.length();
        if (s >= n) {
            return false;
        }
        if (heldStart != null && line.rank() == heldStartRank) {
            TrainerEvent.CheckpointSave h = heldStart;
            heldStart = null;
            boolean dsStart = seen && line.timeUs() != Times.UNKNOWN
                    && DeepSpeedRecogniser.kind(t) == DeepSpeedRecogniser.SAVE_START;
            out.accept(dsStart ? new TrainerEvent.CheckpointSave(line.timeUs(), h.source(), h.step(), h.edge(), -1)
                    : h);
        }
        if (params != null) {
            if (t.startsWith(ACTIVE_PARAMETERS, s)) {
                String active = billions(t, s + ACTIVE_PARAMETERS.length());
                setting(out, paramsUs, paramsSource, TrainerEvent.SettingKey.PARAMETERS,
                        active != null ? active : params);
                params = null;
                return true;
            }
            setting(out, paramsUs, paramsSource, TrainerEvent.SettingKey.PARAMETERS, params);
            params = null;
        }
        if (inArgs) {
            if (argument(line, t, s, out)) {
                return true;
            }
            if (t.startsWith("-------------------- end of arguments", s)) {
                endArgs(line.timeUs(), out);
                return true;
            }
            if (++argsMisses > ARGS_MISSES) {
                endArgs(line.timeUs(), out);
            }
        }
        char c = t.charAt(s);
        if ((c == 's' && t.startsWith("save-checkpoint", s)) || (c == 'l' && t.startsWith("load-checkpoint", s))) {
            if (timer(line, t, s, c == 's', out)) {
                return true;
            }
        } else if (c == 'e' && t.startsWith("evaluate ", s)) {
            long us = timerUs(t, s, 8);
            if (us >= 0) {
                seen = true;
                evalUs = us; // the validation loss line that follows ends an evaluation this long
                return true;
            }
        }
        if (timerHeader(t, s)) {
            seen = true;
            return true;
        }
        if (held != null && line.rank() == held.rank() && !heldContinues(t, s)) {
            flushHeld(out);
        }
        int dt = t.indexOf("] datetime:", s);
        if (dt > 0) {
            return marker(line, t, s, dt, out);
        }
        int it = t.indexOf("iteration", s);
        if (it >= 0 && (iterationLine(line, t, s, it, out) || checkpoint(line, t, s, out))) {
            return true;
        }
        if (it < 0 && t.indexOf("checkpoint from ", s) > 0 && load(line, t, s, out)) {
            return true;
        }
        if (evaluation(line, t, s, out)) {
            return true;
        }
        if (banner(line, t, s, c, out)) {
            return true;
        }
        if (c == 'T' && t.startsWith(PARAMETERS, s)) {
            params = billions(t, s + PARAMETERS.length());
            paramsUs = line.timeUs();
            paramsSource = line.source();
            return params != null;
        }
        if (seen) {
            int kind = DeepSpeedRecogniser.kind(t);
            if (kind != DeepSpeedRecogniser.NONE) {
                if (kind == DeepSpeedRecogniser.STEP && line.timeUs() != Times.UNKNOWN) {
                    dsStep = DeepSpeedRecogniser.stepOf(t, scan);
                    dsStepUs = line.timeUs();
                } else if (kind == DeepSpeedRecogniser.SAVE_READY && saveOpenStep != Long.MIN_VALUE) {
                    dsReadyUs = line.timeUs() != Times.UNKNOWN ? line.timeUs() : dsReadyUs;
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish(Consumer<TrainerEvent> out) {
        if (heldStart != null) {
            out.accept(heldStart);
            heldStart = null;
        }
        flushHeld(out);
        if (params != null) {
            setting(out, paramsUs, paramsSource, TrainerEvent.SettingKey.PARAMETERS, params);
            params = null;
        }
        if (inArgs) {
            endArgs(Times.UNKNOWN, out);
        }
    }

    // ---- iteration lines

    /**
     * Whether the digits {@code t[from, end)} are more than {@link MegatronScan#MAX_DIGITS} only by leading zeros:
     * such a number was never read, and is passed over as before rather than called too long.
     */
    private static boolean zeroPadded(String t, int from, int end) {
        int i = from;
        while (i < end && t.charAt(i) == '0') {
            i++;
        }
        return end - from > MegatronScan.MAX_DIGITS && end - i <= MegatronScan.MAX_DIGITS;
    }

    /** The end of the digits from {@code i} (past where {@link MegatronScan#digits} stops reading them). */
    private static int digitsEnd(String t, int i) {
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * An iteration line: "iteration" at the start of the message (after a logger's bracketed prefix at most),
     * then {@code N/ M |}.
     */
    private boolean iterationLine(LogLine line, String t, int s, int it, Consumer<TrainerEvent> out)
            throws BadRecord {
        int n = t.length();
        if (it > s) {
            // Only a logger's "[I][module:12:fn]" or a rank's "[default7]:" (left when spaces came before it) first.
            int b = it - 1;
            while (b >= s && t.charAt(b) == ' ') {
                b--;
            }
            if (b >= s && t.charAt(b) == ':' && b > s && t.charAt(b - 1) == ']') {
                b--;
            }
            if (b >= s && t.charAt(b) != ']') {
                return false;
            }
        }
        int p = it + 9;
        if (p >= n || (t.charAt(p) != ' ' && t.charAt(p) != '=')) {
            return false;
        }
        while (p < n && (t.charAt(p) == ' ' || t.charAt(p) == '=')) {
            p++;
        }
        long iteration = scan.digits(t, p);
        int iterationEnd = digitsEnd(t, p);
        if (iteration < 0 || zeroPadded(t, p, iterationEnd)) {
            return false;
        }
        boolean tooLong = iterationEnd - p > MegatronScan.MAX_DIGITS;
        p = MegatronScan.skipSpaces(t, iterationEnd);
        if (p >= n || t.charAt(p) != '/') {
            return false;
        }
        int totalStart = MegatronScan.skipSpaces(t, p + 1);
        long total = scan.digits(t, totalStart);
        int totalEnd = digitsEnd(t, totalStart);
        if (total < 0 || zeroPadded(t, totalStart, totalEnd)) {
            return false;
        }
        tooLong |= totalEnd - totalStart > MegatronScan.MAX_DIGITS;
        p = MegatronScan.skipSpaces(t, totalEnd);
        if (p >= n || t.charAt(p) != '|') {
            return false;
        }
        if (tooLong) {
            // The iteration line's shape with a number longer than a step number can be: said, not passed over.
            throw new BadRecord("expected iteration numbers of at most " + MegatronScan.MAX_DIGITS
                    + " digits in the iteration line");
        }
        // An iteration record from here on.
        seen = true;
        launchArmed = true;
        int last = n - 1;
        while (last > p && (t.charAt(last) == ' ' || t.charAt(last) == '\t')) {
            last--;
        }
        if (t.charAt(last) != '|' || last == p) {
            throw new BadRecord("expected the rest of the iteration line (it ends in the middle of a field: cut?)");
        }
        double elapsed = Double.NaN;
        double unitUs = 1000;
        double tflops = Double.NaN;
        String figure = null;
        long batch = -1;
        long seqlen = -1;
        int skipped = 0;
        int f = p + 1;
        while (f < last) {
            int bar = t.indexOf('|', f);
            int segEnd = bar < 0 ? n : bar;
            int a = MegatronScan.skipSpaces(t, f);
            int sep = -1;
            for (int k = a; k < segEnd; k++) {
                char ch = t.charAt(k);
                if (ch == ':' || ch == '=') {
                    sep = k;
                    break;
                }
            }
            if (sep > a) {
                int nameEnd = sep;
                while (nameEnd > a && t.charAt(nameEnd - 1) == ' ') {
                    nameEnd--;
                }
                int len = nameEnd - a;
                int v = MegatronScan.skipSpaces(t, sep + 1);
                if (is(t, a, len, "elapsed time per iteration (ms)") || is(t, a, len, "elapsed_time_per_iteration_ms")) {
                    elapsed = scan.number(t, v);
                } else if (is(t, a, len, "elapsed time per iteration (s)")
                        || is(t, a, len, "elapsed_time_per_iteration_s")) {
                    elapsed = scan.number(t, v);
                    unitUs = 1e6;
                } else if (is(t, a, len, "throughput per GPU (TFLOP/s/GPU)")) {
                    tflops = scan.number(t, v);
                    figure = FIGURE_LM;
                } else if (is(t, a, len, "TFLOPs")) {
                    tflops = scan.number(t, v);
                    figure = t.charAt(sep) == '=' ? FIGURE_ALCF : FIGURE_DS;
                } else if (is(t, a, len, "global batch size") || is(t, a, len, "global_batch_size")) {
                    batch = scan.digits(t, v);
                } else if (is(t, a, len, "number of skipped iterations")
                        || is(t, a, len, "number_of_skipped_iterations")) {
                    skipped = (int) Math.max(0, scan.digits(t, v));
                } else if (is(t, a, len, "actual seqlen") || is(t, a, len, "actual_seqlen")) {
                    seqlen = scan.digits(t, v);
                }
            }
            if (bar < 0) {
                break;
            }
            f = bar + 1;
        }
        if (Double.isNaN(elapsed)) {
            throw new BadRecord("expected 'elapsed time per iteration (ms): T' in the iteration line");
        }
        if (figure != null) {
            figure(line, figure, out);
        }
        long time = line.timeUs();
        if (time == Times.UNKNOWN && dsStep == iteration) {
            time = dsStepUs;
        }
        long tokens = batch > 0 && seqlen > 0 ? batch * seqlen : -1;
        out.accept(new TrainerEvent.Steps(time, line.source(), iteration, TrainerEvent.UNKNOWN_COUNT,
                Math.round(elapsed * unitUs), batch, tokens, tflops >= 0 ? tflops * 1e12 : Double.NaN, Double.NaN,
                skipped));
        lastIteration = iteration;
        trainIters = total;
        evalUs = -1;
        return true;
    }

    private static boolean is(String t, int at, int len, String name) {
        return len == name.length() && t.startsWith(name, at);
    }

    /**
     * The name of the FLOP figure, and whether it counts recomputation: Megatron-LM's and ALCF's use Megatron-LM's
     * model FLOPs; Megatron-DeepSpeed's {@code TFLOPs:} adds the recomputed forward pass when activations are
     * recomputed (unknown without the arguments dump).
     */
    private void figure(LogLine line, String figure, Consumer<TrainerEvent> out) {
        if (!figure.equals(figureSaid)) {
            figureSaid = figure;
            hardwareSaid = false;
            setting(out, line.timeUs(), line.source(), TrainerEvent.SettingKey.FLOP_FIGURE, figure);
        }
        if (!hardwareSaid) {
            String hardware = !figure.equals(FIGURE_DS) ? "false"
                    : recompute == null ? null : recompute.equals("false") ? "false" : "true";
            if (hardware != null) {
                hardwareSaid = true;
                setting(out, line.timeUs(), line.source(), TrainerEvent.SettingKey.HARDWARE_FLOPS, hardware);
            }
        }
    }

    // ---- checkpoints

    private boolean checkpoint(LogLine line, String t, int s, Consumer<TrainerEvent> out) throws BadRecord {
        int k = t.indexOf("saving checkpoint at iteration", s);
        if (k >= 0) {
            long step = number(t, k + 30, "saving checkpoint at iteration");
            progress();
            saveOpenStep = step;
            dsReadyUs = Times.UNKNOWN;
            TrainerEvent.CheckpointSave start = new TrainerEvent.CheckpointSave(line.timeUs(), line.source(), step,
                    TrainerEvent.Edge.START, -1);
            if (line.timeUs() == Times.UNKNOWN) {
                heldStart = start; // DeepSpeed's own save line, next, may have the time
                heldStartRank = line.rank();
            } else {
                out.accept(start);
            }
            return true;
        }
        k = t.indexOf("scheduled an async checkpoint save at iteration", s);
        if (k >= 0) {
            long step = number(t, k + 47, "async checkpoint save at iteration");
            progress();
            asyncStep = step;
            endSave(line, step);
            return true;
        }
        k = t.indexOf("successfully saved ", s);
        if (k >= 0 && t.indexOf("checkpoint", k) > 0) {
            int at = t.indexOf("iteration", k);
            if (at < 0) {
                return false;
            }
            long step = number(t, at + 9, "successfully saved checkpoint ... iteration");
            progress();
            if (step == asyncStep) {
                // The async save of this iteration is now on storage; its blocking part ended when it was scheduled.
                asyncStep = -1;
                out.accept(new TrainerEvent.Marker(line.timeUs(), line.source(),
                        "Megatron: async checkpoint of iteration " + step + " saved"));
            } else {
                endSave(line, step);
            }
            return true;
        }
        return load(line, t, s, out);
    }

    private void endSave(LogLine line, long step) {
        saveOpenStep = Long.MIN_VALUE;
        saveEndedAt = lastIteration;
        // Untimed in Megatron-DeepSpeed: the last "[Torch] Checkpoint ... is ready now!" of the save says when.
        long time = line.timeUs() != Times.UNKNOWN ? line.timeUs() : dsReadyUs;
        dsReadyUs = Times.UNKNOWN;
        held = new Held(true, time, line.source(), line.rank(), step, -1);
    }

    private boolean load(LogLine line, String t, int s, Consumer<TrainerEvent> out) throws BadRecord {
        int k = t.indexOf("successfully loaded checkpoint from ", s);
        if (k >= 0) {
            int at = t.lastIndexOf(" at iteration ");
            long step = at > k ? number(t, at + 14, "at iteration") : -1;
            progress();
            loadOpenStep = Long.MIN_VALUE;
            held = new Held(false, line.timeUs(), line.source(), line.rank(), step, -1);
            return true;
        }
        k = t.indexOf("loading ", s);
        int from = k < 0 ? -1 : t.indexOf("checkpoint from ", k);
        if (from < 0 || !onlyWords(t, k + 8, from, "release", "distributed")) {
            return false;
        }
        int at = t.lastIndexOf(" at iteration ");
        long step = at > from ? number(t, at + 14, "at iteration") : t.startsWith("release", k + 8) ? 0 : -1;
        progress();
        loadOpenStep = step;
        out.accept(new TrainerEvent.CheckpointLoad(line.timeUs(), line.source(), step, TrainerEvent.Edge.START, -1));
        return true;
    }

    /** Whether {@code t[from, to)} is empty or only the given words, each followed by a space. */
    private static boolean onlyWords(String t, int from, int to, String... words) {
        int p = from;
        while (p < to) {
            boolean matched = false;
            for (String w : words) {
                if (t.startsWith(w, p) && p + w.length() < to && t.charAt(p + w.length()) == ' ') {
                    p += w.length() + 1;
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                return false;
            }
        }
        return p == to;
    }

    private long number(String t, int at, String after) throws BadRecord {
        long v = scan.digits(t, MegatronScan.skipSpaces(t, at));
        if (v < 0) {
            throw new BadRecord("expected an iteration number after '" + after + "'");
        }
        return v;
    }

    /** "(min, max) time across ranks (ms):" and the other spellings of Megatron's timer block header. */
    private static boolean timerHeader(String t, int s) {
        char c = t.charAt(s);
        return (c == '(' && t.startsWith("(min, max) time across ranks", s))
                || (c == 'm' && t.startsWith("max time across ranks", s))
                || (c == 't' && t.startsWith("times across ranks", s));
    }

    /**
     * A {@code save-checkpoint ....: (min, max)} or {@code load-checkpoint ....: max} timer line: the duration of
     * the held end, or, when the save's end line was not seen, an end of its own.
     */
    private boolean timer(LogLine line, String t, int s, boolean save, Consumer<TrainerEvent> out) {
        long us = timerUs(t, s, 15);
        if (us < 0) {
            return false;
        }
        seen = true;
        if (held != null && held.save() == save) {
            Held h = held;
            held = new Held(h.save(), h.timeUs(), h.source(), h.rank(), h.step(), us);
            if (line.rank() == h.rank()) {
                flushHeld(out); // else at the next line of the END's rank
            }
        } else if (save && saveOpenStep != Long.MIN_VALUE) {
            out.accept(new TrainerEvent.CheckpointSave(line.timeUs(), line.source(), saveOpenStep,
                    TrainerEvent.Edge.END, us));
            saveOpenStep = Long.MIN_VALUE;
            saveEndedAt = lastIteration;
        } else if (save && saveEndedAt != lastIteration) {
            out.accept(new TrainerEvent.CheckpointSave(line.timeUs(), line.source(), lastIteration,
                    TrainerEvent.Edge.END, us));
            saveEndedAt = lastIteration;
        } else if (!save && loadOpenStep != Long.MIN_VALUE) {
            out.accept(new TrainerEvent.CheckpointLoad(line.timeUs(), line.source(), loadOpenStep,
                    TrainerEvent.Edge.END, us));
            loadOpenStep = Long.MIN_VALUE;
        }
        return true;
    }

    /**
     * The time of a timer line, {@code name ......: (min, max)} or {@code name ......: max} in ms, as µs (the
     * maximum: the slowest rank held the others); -1 when the line is not one. The name is {@code length} long.
     */
    private long timerUs(String t, int s, int length) {
        int colon = t.indexOf(':', s + length);
        if (colon < 0) {
            return -1;
        }
        for (int k = s + length; k < colon; k++) {
            if (t.charAt(k) != ' ' && t.charAt(k) != '.') {
                return -1;
            }
        }
        int p = MegatronScan.skipSpaces(t, colon + 1);
        double ms;
        if (p < t.length() && t.charAt(p) == '(') {
            int comma = t.indexOf(',', p);
            ms = comma < 0 ? Double.NaN : scan.number(t, MegatronScan.skipSpaces(t, comma + 1));
        } else {
            ms = scan.number(t, p);
        }
        return ms >= 0 ? Math.round(ms * 1000) : -1;
    }

    /** Lines that may come between a save's or load's end and its timer block: other timers, Python warnings. */
    private static boolean heldContinues(String t, int s) {
        if (t.indexOf("UserWarning") >= 0 || t.startsWith("warnings.warn(", s)) {
            return true;
        }
        // Another timer of the block: "forward-backward .......: (12.3, 45.6)".
        int i = s;
        while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '-'
                || t.charAt(i) == '_' || t.charAt(i) == '/')) {
            i++;
        }
        return i > s && t.startsWith(" ..", i);
    }

    private void flushHeld(Consumer<TrainerEvent> out) {
        if (held == null) {
            return;
        }
        Held h = held;
        held = null;
        if (h.save()) {
            out.accept(new TrainerEvent.CheckpointSave(h.timeUs(), h.source(), h.step(), TrainerEvent.Edge.END,
                    h.durationUs()));
        } else {
            out.accept(new TrainerEvent.CheckpointLoad(h.timeUs(), h.source(), h.step(), TrainerEvent.Edge.END,
                    h.durationUs()));
        }
    }

    // ---- evaluations

    private boolean evaluation(LogLine line, String t, int s, Consumer<TrainerEvent> out) {
        int k = t.indexOf("Evaluating ", s);
        if (k >= 0 && (t.startsWith("on ", k + 11) || t.startsWith("iter ", k + 11))
                && MegatronScan.afterBrackets(t, s) == k) {
            if (!evalOpen) {
                evalOpen = true;
                progress();
                out.accept(new TrainerEvent.Evaluation(line.timeUs(), line.source(), TrainerEvent.Edge.START, -1));
            }
            return true;
        }
        k = t.indexOf(" loss at ", s);
        if (k < 0) {
            return false;
        }
        int v = t.lastIndexOf("valid", k);
        if (v < 0 || MegatronScan.afterBrackets(t, s) != v || t.indexOf('|', v) < k) {
            return false;
        }
        progress();
        if (!evalOpen && evalUs >= 0 && line.timeUs() == Times.UNKNOWN) {
            // Megatron-LM's untimed "evaluate" timer and loss line: the evaluation ran right after the last steps.
            out.accept(new TrainerEvent.Evaluation(Times.UNKNOWN, line.source(), TrainerEvent.Edge.START, -1));
        }
        evalOpen = false;
        out.accept(new TrainerEvent.Evaluation(line.timeUs(), line.source(), TrainerEvent.Edge.END, evalUs));
        evalUs = -1;
        return true;
    }

    // ---- markers, banners, arguments

    private boolean marker(LogLine line, String t, int s, int dt, Consumer<TrainerEvent> out) throws BadRecord {
        int open = t.lastIndexOf('[', dt);
        if (open < s) {
            return false;
        }
        String what = t.substring(open + 1, dt).trim();
        long time = TimeText.dateTime(t, MegatronScan.skipSpaces(t, dt + 11), line.clock());
        if (time == Times.UNKNOWN) {
            time = line.timeUs();
        }
        if (time == Times.UNKNOWN) {
            throw new BadRecord("expected a date and time after '[" + what + "] datetime:'");
        }
        seen = true;
        launchArmed = true;
        out.accept(new TrainerEvent.Marker(time, line.source(), what));
        if (what.startsWith("exiting program after receiving SIGTERM")) {
            // Megatron saved and stopped on a signal: preemption, a time limit or a cancel, the log cannot say which.
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.UNKNOWN, "Megatron: " + what));
        } else if (what.startsWith("exiting program at iteration") || what.startsWith("exiting program after")) {
            // --exit-interval or --exit-duration-in-mins: the job stopped where it was asked to.
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.COMPLETED, "Megatron: " + what));
        } else if (what.equals("after training is done") && lastIteration >= 0 && lastIteration == trainIters) {
            out.accept(new TrainerEvent.End(time, line.source(), EndReason.COMPLETED,
                    "Megatron: training done at iteration " + lastIteration + " of " + trainIters));
        }
        return true;
    }

    private boolean banner(LogLine line, String t, int s, char c, Consumer<TrainerEvent> out) {
        String what;
        if (c == 'u' && t.startsWith("using world size: ", s)) {
            long size = scan.digits(t, s + 18);
            if (size > 0) {
                setting(out, line.timeUs(), line.source(), TrainerEvent.SettingKey.WORLD_SIZE, Long.toString(size));
            }
            what = "Megatron: using world size " + size;
        } else if (c == '-' && t.startsWith("------------------------ arguments ------------------------", s)) {
            inArgs = true;
            argsMisses = 0;
            argsSource = line.source();
            bf16 = null;
            fp16 = null;
            fp8 = null;
            checkpointActivations = null;
            granularity = null;
            what = "Megatron: arguments";
        } else if (c == '>' && t.startsWith("> initializing torch distributed", s)) {
            what = "Megatron: initializing torch distributed";
        } else {
            return false;
        }
        seen = true;
        if (launchArmed) {
            launchArmed = false;
            out.accept(new TrainerEvent.Launch(line.timeUs(), line.source(), what));
        }
        return true;
    }

    /** An arguments dump line, {@code name ..... value} (the dots fill the name to 48 characters). */
    private boolean argument(LogLine line, String t, int s, Consumer<TrainerEvent> out) {
        int n = t.length();
        int i = s;
        while (i < n) {
            char ch = t.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || (ch >= 'A' && ch <= 'Z')) {
                i++;
            } else {
                break;
            }
        }
        if (i == s || i + 2 >= n || t.charAt(i) != ' ') {
            return false;
        }
        int d = i + 1;
        while (d < n && t.charAt(d) == '.') {
            d++;
        }
        if (d >= n || t.charAt(d) != ' ') {
            return false; // "name ..... value", or "name  value" for names of 48 characters or more
        }
        argsMisses = 0;
        String name = t.substring(s, i);
        String value = t.substring(d + 1).trim();
        boolean none = value.equals("None") || value.isEmpty();
        long time = line.timeUs();
        Source src = line.source();
        switch (name) {
            case "world_size" -> {
                if (!none) {
                    setting(out, time, src, TrainerEvent.SettingKey.WORLD_SIZE, value);
                }
            }
            case "seq_length" -> {
                if (!none) {
                    setting(out, time, src, TrainerEvent.SettingKey.SEQ_LENGTH, value);
                }
            }
            case "global_batch_size" -> {
                if (!none) {
                    setting(out, time, src, TrainerEvent.SettingKey.GLOBAL_BATCH, value);
                }
            }
            case "log_interval" -> {
                if (!none) {
                    setting(out, time, src, TrainerEvent.SettingKey.LOG_INTERVAL, value);
                }
            }
            case "train_iters" -> trainIters = none ? trainIters : scan.digits(value, 0);
            case "bf16" -> bf16 = value.equals("True");
            case "fp16" -> fp16 = value.equals("True");
            case "fp8" -> fp8 = none || value.equals("False") ? "" : value;
            case "checkpoint_activations" -> checkpointActivations = value.equals("True");
            case "recompute_granularity" -> granularity = none ? "" : value;
            default -> {
            }
        }
        return true;
    }

    private void endArgs(long time, Consumer<TrainerEvent> out) {
        inArgs = false;
        String precision = fp8 != null && !fp8.isEmpty() ? "fp8"
                : Boolean.TRUE.equals(bf16) ? "bf16"
                : Boolean.TRUE.equals(fp16) ? "fp16"
                : bf16 != null || fp16 != null ? "fp32" : null;
        if (precision != null) {
            setting(out, time, argsSource, TrainerEvent.SettingKey.PRECISION, precision);
        }
        if (Boolean.TRUE.equals(checkpointActivations) || "full".equals(granularity)) {
            recompute = "true";
        } else if ("selective".equals(granularity)) {
            recompute = "selective";
        } else if (checkpointActivations != null || granularity != null) {
            recompute = "false";
        }
        if (recompute != null && (checkpointActivations != null || granularity != null)) {
            setting(out, time, argsSource, TrainerEvent.SettingKey.RECOMPUTE, recompute);
        }
    }

    private static String billions(String t, int at) {
        String v = t.substring(Math.min(at, t.length())).trim();
        if (v.isEmpty() || !TimeText.isDigit(v.charAt(0))) {
            return null;
        }
        return v + "B";
    }

    private static void setting(Consumer<TrainerEvent> out, long time, Source source, TrainerEvent.SettingKey key,
                                String value) {
        out.accept(new TrainerEvent.Setting(time, source, key, value));
    }

    /** A progress record: the next start banner is a new process's. */
    private void progress() {
        seen = true;
        launchArmed = true;
    }
}
