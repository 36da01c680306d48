package dev.goodput.core.io;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.DowntimeKind;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one canonical run-log record (JSON Lines or CSV, see docs/run-log-format.md) into facts.
 * Unknown fields are ignored; an unknown event type is a warning, not an error, so newer logs still load.
 */
final class RunLogEventMapper {
    static final int SCHEMA_VERSION = 1;
    /** Bounds one record's expansion, so a typo cannot ask for billions of steps. */
    static final long MAX_STEP_RANGE = 10_000_000L;

    /** Durations in seconds above this (366 days) are refused: no save, restore or step takes longer. */
    static final long MAX_DURATION_SECONDS = 31_622_400L;
    private static final List<String> TIME_KEYS = List.of("time", "start", "end");

    /** What a reader does with a bad record: rethrow it (strict) or note it and go on (lenient). */
    @FunctionalInterface
    interface BadRecords {
        void bad(InputException e) throws InputException;
    }

    private record Held(EventFields fields, Source source) {
    }

    /**
     * Records held at most: past this many the file's unit is settled on the times read so far, and the rest are read
     * as they come, so that a file wholly in milliseconds is not held in memory whole.
     */
    static final int HOLD_LIMIT = 10_000;

    private final RunBuilder run;
    private final ReadLimits limits;
    private final BadRecords bad;
    private final TimeUnitSlip slip = new TimeUnitSlip();
    // Records with a time in a larger unit than seconds wait until the file's other times are known.
    private final List<Held> held = new ArrayList<>();
    private boolean replaying;
    private boolean schemaSeen;
    private boolean newerSchemaWarned;

    /** @param bad what to do with a bad record met while mapping held ones */
    RunLogEventMapper(RunBuilder run, ReadLimits limits, BadRecords bad) {
        this.run = run;
        this.limits = limits;
        this.bad = bad;
    }

    boolean schemaSeen() {
        return schemaSeen;
    }

    void map(EventFields f, Source src) throws InputException {
        if (!slip.settled() && hasLargerTime(f)) {
            for (String key : TIME_KEYS) {
                if (f.has(key)) {
                    slip.observe(f.text(key));
                }
            }
            held.add(new Held(f, src));
            if (held.size() >= HOLD_LIMIT) {
                slip.settle();
                mapHeld();
            }
            return;
        }
        mapNow(f, src);
    }

    /**
     * A step record read by a fast path ({@link CanonicalStepLine}): what {@link #map} does for a step whose times
     * are ISO-8601 (never held, counted as seconds towards the file's unit).
     *
     * @param endUs the end, or {@link Times#UNKNOWN}; not before {@code startUs}
     */
    void step(long number, long startUs, long endUs, long tokens, String file, long line) {
        // Only the reader calls this, never a replay of held records (mapHeld goes through mapNow).
        slip.observeSeconds(startUs);
        if (endUs != Times.UNKNOWN) {
            slip.observeSeconds(endUs);
        }
        run.step(number, startUs, endUs, tokens, file, line);
    }

    /** Maps the records still held, now that the file's times are known; call once, last. */
    void finish(String file) throws InputException {
        slip.settle();
        mapHeld();
        slip.finish(run, file);
    }

    private static boolean hasLargerTime(EventFields f) {
        for (String key : TIME_KEYS) {
            if (f.has(key) && TimeUnitSlip.larger(f.text(key))) {
                return true;
            }
        }
        return false;
    }

    private void mapHeld() throws InputException {
        replaying = true; // their times were observed when they were held
        try {
            for (Held h : held) {
                try {
                    mapNow(h.fields(), h.source());
                } catch (InputException e) {
                    bad.bad(e);
                }
            }
        } finally {
            held.clear();
            replaying = false;
        }
    }

    private void mapNow(EventFields f, Source src) throws InputException {
        if (f.has("schema")) {
            schemaSeen = true;
            int version = schemaVersion(f.text("schema"), src);
            if (version > SCHEMA_VERSION && !newerSchemaWarned) {
                newerSchemaWarned = true;
                run.problem(Problem.warning(src, "schema version " + version + " is newer than " + SCHEMA_VERSION
                        + "; fields this version does not know are ignored"));
            }
        }
        String event = f.text("event");
        if (event == null || event.isBlank()) {
            throw new InputException(src, "expected an \"event\" field (run, job_start, job_end, step, phase, "
                    + "checkpoint, fault, downtime)");
        }
        switch (event.trim().toLowerCase(Locale.ROOT)) {
            case "run" -> run.metadata(metadata(f, src), src);
            case "job_start" -> jobStart(f, src);
            case "job_end" -> run.jobEnd(time(f, "time", src), EndReason.parse(f.text("reason")), src);
            case "step" -> step(f, src);
            case "step_range" -> stepRange(f, src);
            case "phase" -> phase(f, src);
            case "checkpoint" -> checkpoint(f, src);
            case "fault" -> run.fault(new FaultEvent(time(f, "time", src), causeId(f.text("cause")),
                    nullToEmpty(f.text("message")), f.text("node"), intOr(f, "rank", -1, src),
                    layer(f, src), src, f.text("rule")));
            case "downtime" -> {
                long start = time(f, "start", src);
                long end = endTime(f, start, src);
                run.downtime(new Downtime(DowntimeKind.parse(f.text("kind")), start, end,
                        f.has("cause") ? causeId(f.text("cause")) : null, src));
            }
            default -> run.problem(Problem.warning(src, "unknown event type \"" + event + "\"; ignored"));
        }
    }

    private void jobStart(EventFields f, Source src) throws InputException {
        int allocated = intOr(f, "accelerators_allocated", 0, src);
        int inUse = intOr(f, "accelerators_in_use", 0, src);
        int spares = intOr(f, "accelerators_hot_spare", 0, src);
        // Unstated counts default to the run's (known only once every file is read): checked in the derivation.
        if (spares > 0 && allocated > 0 && spares > allocated - Math.min(allocated, inUse)) {
            throw new InputException(src, "expected \"accelerators_hot_spare\" (" + spares + ") to be at most "
                    + "\"accelerators_allocated\" - \"accelerators_in_use\" (" + allocated + " - " + inUse + ")");
        }
        run.jobStart(time(f, "time", src), allocated, inUse, spares, nodes(f.text("nodes")), src, null);
    }

    /** "node01,node02": the hosts a job held, in the form of a fault's {@code node} (blank names dropped). */
    private static List<String> nodes(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String n : text.split(",")) {
            if (!n.isBlank()) {
                out.add(n.strip());
            }
        }
        return out;
    }

    private void step(EventFields f, Source src) throws InputException {
        long number = longField(f, "step", src);
        long start = f.has("start") ? time(f, "start", src) : time(f, "time", src);
        long end = Times.UNKNOWN;
        if (f.has("end") || f.has("duration")) {
            end = endTime(f, start, src);
        }
        long tokens = f.has("tokens") ? longField(f, "tokens", src) : -1;
        run.step(number, start, end, tokens, src);
    }

    /**
     * A run of consecutive, evenly timed steps {@code first..last} spanning [start, end): a compact form for
     * reconstructions and simulations where per-step times are unknown or uniform.
     */
    private void stepRange(EventFields f, Source src) throws InputException {
        long first = longField(f, "first", src);
        long last = longField(f, "last", src);
        if (last < first) {
            throw new InputException(src, "expected \"last\" (" + last + ") not below \"first\" (" + first + ")");
        }
        // last ≥ first, so a negative difference is an overflow (first near Long.MIN_VALUE): as many steps as can be.
        if (last - first >= MAX_STEP_RANGE || last - first < 0) {
            throw new InputException(src, "expected at most " + MAX_STEP_RANGE + " steps in one step_range");
        }
        long start = time(f, "start", src);
        long end = endTime(f, start, src);
        long count = last - first + 1;
        // The run's steps so far (every file's) count too: 20 ranges of 10 M steps would need ~50 GB.
        if (run.stepCount() + count > limits.maxSteps()) {
            throw new InputException(src, Limit.STEPS.message(limits, (run.stepCount() + count)
                    + " with this step_range"));
        }
        long tokens = f.has("tokens_per_step") ? longField(f, "tokens_per_step", src) : -1;
        // start + span·i/count without overflowing: span = q·count + r, and r·i < count² ≤ 10^14.
        long span = end - start;
        long q = span / count;
        long r = span % count;
        for (long i = 0; i < count; i++) {
            long s = start + q * i + r * i / count;
            long e = start + q * (i + 1) + r * (i + 1) / count;
            run.step(first + i, s, e, tokens, src);
        }
    }

    private void phase(EventFields f, Source src) throws InputException {
        String kindText = f.text("phase");
        PhaseKind kind = PhaseKind.parse(kindText);
        if (kind == null) {
            if (kindText == null || kindText.isBlank()) {
                throw new InputException(src, "expected a \"phase\" field (provisioning, training_prep, "
                        + "program_startup, data_loading, checkpoint_save, checkpoint_restore, evaluation, custom)");
            }
            kind = PhaseKind.CUSTOM;
        }
        String name = f.text("name");
        if (kind == PhaseKind.CUSTOM && (name == null || name.isBlank())) {
            name = kindText;
        }
        long start = time(f, "start", src);
        long end = endTime(f, start, src);
        run.phase(new Phase(kind, name == null ? kind.id() : name, start, end, layer(f, src), src));
    }

    private void checkpoint(EventFields f, Source src) throws InputException {
        long step = f.has("step") ? longField(f, "step", src) : -1;
        long time = time(f, "time", src);
        long blocking = 0;
        if (f.has("blocking_seconds")) {
            blocking = seconds(f, "blocking_seconds", src);
        }
        run.checkpoint(new Checkpoint(step, time, blocking, src));
    }

    private RunMetadata metadata(EventFields f, Source src) throws InputException {
        String conv = f.text("flop_convention");
        FlopConvention convention = FlopConvention.parse(conv);
        if (conv != null && !conv.isBlank() && convention == null) {
            throw new InputException(src, "expected flop_convention to be given, 6nd or palm, found \"" + conv + "\"");
        }
        Boolean evalProductive = null;
        if (f.has("eval_productive")) {
            evalProductive = Boolean.parseBoolean(f.text("eval_productive").trim());
        }
        return new RunMetadata(
                f.has("name") ? f.text("name") : "unnamed run",
                f.text("accelerator"),
                intOr(f, "accelerators", 0, src),
                positiveOr(f, "peak_flops", src),
                f.text("precision"),
                positiveOr(f, "flops_per_step", src),
                positiveOr(f, "parameters", src),
                positiveOr(f, "tokens_per_step", src),
                intOr(f, "layers", 0, src),
                intOr(f, "heads", 0, src),
                intOr(f, "head_dim", 0, src),
                intOr(f, "seq_len", 0, src),
                convention,
                evalProductive);
    }

    private static int schemaVersion(String text, Source src) throws InputException {
        String t = text.trim();
        int slash = t.lastIndexOf('/');
        if (slash >= 0) {
            t = t.substring(slash + 1);
        }
        try {
            return (int) Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InputException(src, "expected schema to be a version number like 1, found \"" + text + "\"");
        }
    }

    private long endTime(EventFields f, long start, Source src) throws InputException {
        long end;
        if (f.has("end")) {
            end = time(f, "end", src);
        } else if (f.has("duration")) {
            try {
                end = Math.addExact(start, seconds(f, "duration", src));
            } catch (ArithmeticException e) {
                throw new InputException(src, "expected a \"duration\" that ends before the year 292278");
            }
        } else {
            throw new InputException(src, "expected an \"end\" time or a \"duration\" in seconds");
        }
        if (end < start) {
            throw new InputException(src, "expected the end (" + RunLogWriter.iso(end) + ") not before the start ("
                    + RunLogWriter.iso(start) + ")");
        }
        return end;
    }

    /** A time of the record: epoch seconds or ISO-8601, or a number in a larger unit the file's times explain. */
    private long time(EventFields f, String key, Source src) throws InputException {
        String t = f.text(key);
        if (t != null && TimeUnitSlip.larger(t)) {
            if (!replaying) { // read as it comes, once the file's unit is settled
                slip.observe(t);
            }
            return slip.micros(key, t, src, run);
        }
        long us = parseTime(f, key, src);
        if (!replaying) {
            slip.observeSeconds(us);
        }
        return us;
    }

    /** A time read as epoch seconds or ISO-8601, whatever its magnitude. */
    static long parseTime(EventFields f, String key, Source src) throws InputException {
        String t = f.text(key);
        if (t == null || t.isBlank()) {
            throw new InputException(src, "expected a \"" + key + "\" field: " + Timestamps.EXPECTED);
        }
        return parseTime(key, t, src);
    }

    /** The text {@code t} of field {@code key} as epoch seconds or ISO-8601, or the error naming both. */
    static long parseTime(String key, String t, Source src) throws InputException {
        try {
            return Timestamps.parseMicros(t);
        } catch (IllegalArgumentException e) {
            throw new InputException(src, "expected \"" + key + "\" to be " + Timestamps.EXPECTED + ", found \""
                    + t + "\"");
        }
    }

    private static long seconds(EventFields f, String key, Source src) throws InputException {
        return seconds(key, f.text(key), src);
    }

    /**
     * A duration (a save, a restore, a downtime, a step) in µs: finite, 0 to {@link #MAX_DURATION_SECONDS}, so that
     * it neither vanishes when negative nor overflows when added to a time.
     */
    static long seconds(String key, String text, Source src) throws InputException {
        try {
            long us = Timestamps.parseSecondsToMicros(text);
            if (us >= 0 && us <= MAX_DURATION_SECONDS * 1_000_000L) {
                return us;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // refused below
        }
        throw new InputException(src, "expected \"" + key + "\" to be a number of seconds from 0 to "
                + MAX_DURATION_SECONDS + " (366 days), found \"" + (text == null ? "" : text.strip()) + "\"");
    }

    private static long longField(EventFields f, String key, Source src) throws InputException {
        String t = f.text(key);
        if (t == null || t.isBlank()) {
            throw new InputException(src, "expected a \"" + key + "\" field with a whole number");
        }
        try {
            // Exact: 9007199254740993 must not become ...992, nor 1e30 saturate silently.
            return new java.math.BigDecimal(t.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InputException(src, "expected \"" + key + "\" to be a whole number (64-bit), found \"" + t
                    + "\"");
        }
    }

    private static int intOr(EventFields f, String key, int fallback, Source src) throws InputException {
        if (!f.has(key)) {
            return fallback;
        }
        long v = longField(f, key, src);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InputException(src, "expected \"" + key + "\" to be a count from 0 to " + Integer.MAX_VALUE
                    + ", found \"" + f.text(key) + "\"");
        }
        return (int) v;
    }

    /**
     * A quantity of the run (a peak, a model size, a step's FLOPs): absent is NaN ("not known"); present, it must be
     * a finite number above 0. An infinite peak would give MFU 0, a NaN or negative one would be dropped and then
     * reported as missing: both are refused here, naming the field.
     */
    private static double positiveOr(EventFields f, String key, Source src) throws InputException {
        if (!f.has(key)) {
            return Double.NaN;
        }
        double v;
        try {
            v = Double.parseDouble(f.text(key).trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || v <= 0) {
            throw new InputException(src, "expected \"" + key + "\" to be a finite number above 0, found \""
                    + f.text(key).trim() + "\"");
        }
        return v;
    }

    private static Layer layer(EventFields f, Source src) throws InputException {
        if (!f.has("layer")) {
            return null;
        }
        Layer l = Layer.parse(f.text("layer"));
        if (l == null) {
            throw new InputException(src, "expected \"layer\" to be infra, framework or model, found \""
                    + f.text("layer") + "\"");
        }
        return l;
    }

    /** Cause ids are lower snake case, so "Faulty GPU" and "faulty_gpu" are one cause. */
    static String causeId(String text) {
        if (text == null || text.isBlank()) {
            return "unknown";
        }
        String id = text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        id = id.replaceAll("^_+|_+$", "");
        return id.isEmpty() ? "unknown" : id;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
