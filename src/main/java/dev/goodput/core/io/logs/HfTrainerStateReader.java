package dev.goodput.core.io.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.InputFiles;
import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.io.JsonSyntax;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads Hugging Face Trainer's {@code trainer_state.json} (streamed: its {@code log_history} may hold many
 * thousands of entries) into the events of one file, so that it joins the stitching like a trainer log.
 *
 * <p>The file has no wall-clock time. Its steps are placed from a start time (the caller's {@code --start}, else
 * the file's modification time minus {@code train_runtime}: the state is saved when {@code train()} returns) and
 * spread evenly: the {@code global_step} steps share {@code train_runtime} less the evaluations' logged
 * {@code eval_runtime}s, and each evaluation sits after the step it was logged at. With no evaluations a logged
 * step {@code s} ends at {@code start + s × train_runtime ÷ global_step}. A state saved in a checkpoint folder has
 * no {@code train_runtime}: with {@code --start} its steps are spread from the start to the file's modification
 * time (when the checkpoint was written); without, it cannot be placed.
 *
 * <ul>
 *   <li>a {@code log_history} entry with a {@code loss}: {@link TrainerEvent.Steps} for the steps since the
 *   previous such entry (normally {@code logging_steps}); tokens per step from {@code num_input_tokens_seen}
 *   when logged;</li>
 *   <li>an entry with {@code eval_runtime} (or {@code eval_<name>_runtime}): an {@link TrainerEvent.Evaluation}
 *   of that length;</li>
 *   <li>the final entry ({@code train_runtime}, {@code train_samples_per_second}, {@code total_flos}): the
 *   {@link TrainerEvent.End} (completed: {@code train()} returned), the steps after the last logged loss, the
 *   global batch ({@code train_samples_per_second × train_runtime ÷ max_steps}), and the FLOP figure;</li>
 *   <li>{@code logging_steps}: {@link TrainerEvent.SettingKey#LOG_INTERVAL}. {@code train_batch_size} is the
 *   per-device batch, not the global one, and is not used.</li>
 * </ul>
 * {@code total_flos} is Hugging Face's model FLOPs (6 × non-embedding parameters × input tokens per forward and
 * backward pass, summed over all processes): divided by {@code train_runtime} it is a rate for the whole job, not
 * per accelerator (the file does not say how many there were), so steps carry no FLOP rate; the figure is named in
 * {@link TrainerEvent.SettingKey#FLOP_FIGURE}.
 */
public final class HfTrainerStateReader {
    /** The format id in {@link FileEvents#formats()}. */
    public static final String FORMAT_ID = "hf-trainer-state";

    /** Python's json writes NaN and Infinity (a diverged loss): accepted. */
    private static final JsonFactory JSON = json(ReadLimits.DEFAULTS);

    private HfTrainerStateReader() {
    }

    private static JsonFactory json(ReadLimits limits) {
        return limits.jsonFactory(JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS));
    }

    /**
     * Whether the file is a trainer state: a top-level JSON object with a {@code log_history} array and a
     * {@code global_step} (or {@code max_steps}) number, read from its top-level field names with a streaming
     * parser (HF writes its keys sorted, so both come before the history's entries are read).
     */
    public static boolean looksLike(Path file) throws IOException {
        try (Reader r = InputFiles.reader(file); JsonParser p = JSON.createParser(r)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean history = false;
            boolean steps = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("log_history")) {
                    if (v != JsonToken.START_ARRAY) {
                        return false;
                    }
                    history = true;
                } else if (name.equals("global_step") || name.equals("max_steps")) {
                    steps |= v == JsonToken.VALUE_NUMBER_INT;
                }
                if (history && steps) {
                    return true;
                }
                p.skipChildren();
            }
            return false;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * Reads the file.
     *
     * @param startUs when {@code train()} started (epoch µs), or {@link Times#UNKNOWN} to take the file's
     *                modification time minus {@code train_runtime}
     * @throws InputException when the file is not a trainer state, cannot be placed in time, or (strict) has a bad
     *                        entry or ends early
     */
    public static FileEvents read(Path file, long startUs, LoadMode mode) throws IOException, InputException {
        return read(file, startUs, mode, ReadLimits.DEFAULTS);
    }

    /** As {@link #read(Path, long, LoadMode)}, within the limits. */
    public static FileEvents read(Path file, long startUs, LoadMode mode, ReadLimits limits)
            throws IOException, InputException {
        String name = file.toString();
        State s = new State(name, mode, limits);
        s.parse(file);
        return s.events(file, startUs);
    }

    /** One {@code log_history} entry: what the events need of it. */
    private record Entry(long line, long step, boolean hasLoss, double loss, double evalRuntime,
                         double trainRuntime, double samplesPerSecond, double totalFlos, double tokensSeen) {
        boolean isEval() {
            return !Double.isNaN(evalRuntime);
        }
    }

    private static final class State {
        final String file;
        final LoadMode mode;
        final ReadLimits limits;
        final List<Problem> problems = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        long globalStep = -1;
        long maxSteps = -1;
        double loggingSteps = Double.NaN;
        double topTotalFlos = Double.NaN;
        long lines;
        long badEntries;
        long nonFiniteLosses;

        State(String file, LoadMode mode, ReadLimits limits) {
            this.file = file;
            this.mode = mode;
            this.limits = limits;
        }

        Source at(long line) {
            return new Source(file, line);
        }

        void parse(Path path) throws IOException, InputException {
            try (Reader r = InputFiles.reader(path, limits); JsonParser p = json(limits).createParser(r)) {
                try {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        throw new InputException(at(line(p)), "expected a JSON object (Hugging Face "
                                + "trainer_state.json)");
                    }
                    JsonToken t;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        switch (field) {
                            case "log_history" -> history(p, v);
                            case "global_step" -> globalStep = whole(p, v);
                            case "max_steps" -> maxSteps = whole(p, v);
                            case "logging_steps" -> loggingSteps = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                            case "total_flos" -> topTotalFlos = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                            default -> p.skipChildren();
                        }
                    }
                    lines = line(p);
                } catch (JsonProcessingException e) {
                    long line = JsonSyntax.line(e, line(p));
                    String what = e instanceof StreamConstraintsException
                            ? limits.describe((StreamConstraintsException) e) : JsonSyntax.expected(e);
                    if (mode == LoadMode.STRICT) {
                        throw new InputException(at(line), what);
                    }
                    problems.add(Problem.warning(at(line), what + "; the " + entries.size()
                            + " log_history entries before it are kept"));
                    lines = line;
                }
            }
        }

        private static long line(JsonParser p) {
            return Math.max(1, p.currentTokenLocation().getLineNr());
        }

        private static long whole(JsonParser p, JsonToken v) throws IOException {
            if (v == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            if (v == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == Math.rint(p.getDoubleValue())) {
                return (long) p.getDoubleValue();
            }
            p.skipChildren();
            return -1;
        }

        private void history(JsonParser p, JsonToken v) throws IOException, InputException {
            if (v != JsonToken.START_ARRAY) {
                throw new InputException(at(line(p)), "expected \"log_history\" to be an array");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of the file "
                            + "in log_history");
                }
                long line = line(p);
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    bad(line, "expected a log_history entry to be an object");
                    continue;
                }
                entry(p, line);
            }
        }

        private void bad(long line, String what) throws InputException {
            if (mode == LoadMode.STRICT) {
                throw new InputException(at(line), what);
            }
            badEntries++;
            if (badEntries == 1) {
                problems.add(Problem.warning(at(line), what + "; entry skipped (and any more like it)"));
            }
        }

        private void entry(JsonParser p, long line) throws IOException, InputException {
            long step = -1;
            boolean stepSeen = false;
            boolean hasLoss = false;
            double loss = Double.NaN;
            double eval = Double.NaN;
            double runtime = Double.NaN;
            double samples = Double.NaN;
            double flos = Double.NaN;
            double tokens = Double.NaN;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!v.isNumeric()) {
                    p.skipChildren();
                    if (field.equals("step")) {
                        stepSeen = true;
                    }
                    continue;
                }
                double d = p.getDoubleValue();
                switch (field) {
                    case "step" -> {
                        stepSeen = true;
                        step = d >= 0 && d == Math.rint(d) ? (long) d : -1;
                    }
                    case "loss" -> {
                        hasLoss = true;
                        loss = d;
                    }
                    case "train_runtime" -> runtime = d;
                    case "train_samples_per_second" -> samples = d;
                    case "total_flos" -> flos = d;
                    case "num_input_tokens_seen" -> tokens = d;
                    default -> {
                        // eval_runtime, or eval_<dataset>_runtime with several evaluation sets
                        if (field.startsWith("eval") && field.endsWith("_runtime") && Double.isFinite(d) && d >= 0) {
                            eval = Double.isNaN(eval) ? d : eval + d;
                        }
                    }
                }
            }
            if (step < 0) {
                bad(line, stepSeen ? "expected a whole number ≥ 0 for \"step\" in the log_history entry"
                        : "expected a \"step\" in the log_history entry");
                return;
            }
            if (hasLoss && !Double.isFinite(loss)) {
                nonFiniteLosses++;
            }
            entries.add(new Entry(line, step, hasLoss, loss, eval, runtime, samples, flos, tokens));
        }

        FileEvents events(Path path, long startUs) throws IOException, InputException {
            Source whole = at(0);
            if (entries.isEmpty()) {
                throw new InputException(whole, "expected log_history entries with a \"step\"; found none");
            }
            Entry last = null;
            int runtimes = 0;
            for (Entry e : entries) {
                if (!Double.isNaN(e.trainRuntime())) {
                    last = e;
                    runtimes++;
                }
            }
            long steps = globalStep > 0 ? globalStep : entries.stream().mapToLong(Entry::step).max().orElse(0);
            if (steps <= 0) {
                throw new InputException(whole, "expected \"global_step\" > 0 (no steps were trained)");
            }
            long mtimeUs = Files.getLastModifiedTime(path).to(TimeUnit.MICROSECONDS);
            boolean hasRuntime = last != null && last.trainRuntime() > 0;
            long origin;
            long spanUs;
            String placedBy;
            if (startUs != Times.UNKNOWN) {
                origin = startUs;
                if (hasRuntime) {
                    spanUs = Times.fromSeconds(last.trainRuntime());
                    placedBy = "spread evenly over train_runtime (" + seconds(spanUs) + ") from --start";
                } else {
                    spanUs = mtimeUs - startUs;
                    if (spanUs <= 0) {
                        throw new InputException(whole, "expected the file to be modified after --start: it has no "
                                + "train_runtime (a checkpoint's state), so its steps are spread from --start to "
                                + "the file's modification time, " + Instant.ofEpochMilli(mtimeUs / 1000));
                    }
                    placedBy = "spread evenly from --start to the file's modification time (" + seconds(spanUs)
                            + "; the state has no train_runtime)";
                }
            } else if (hasRuntime) {
                spanUs = Times.fromSeconds(last.trainRuntime());
                origin = mtimeUs - spanUs;
                placedBy = "spread evenly over train_runtime (" + seconds(spanUs) + ") ending at the file's "
                        + "modification time (give --start if the file was copied since)";
            } else {
                throw new InputException(whole, "expected a train_runtime in log_history (written when train() "
                        + "returns) or a start time (--start): trainer_state.json logs no wall-clock times");
            }
            if (runtimes > 1) {
                problems.add(Problem.warning(at(last.line()), runtimes + " train_runtime entries (train() ran "
                        + runtimes + " times?): the steps are spread over the last one"));
            }

            // Evaluations in step order, with the time they took before each.
            List<Entry> evals = new ArrayList<>();
            for (Entry e : entries) {
                if (e.isEval() && e.step() <= steps) {
                    evals.add(e);
                }
            }
            evals.sort((a, b) -> Long.compare(a.step(), b.step())); // stable: same-step evaluations keep file order
            long[] evalBefore = new long[evals.size() + 1];
            for (int i = 0; i < evals.size(); i++) {
                evalBefore[i + 1] = evalBefore[i] + Times.fromSeconds(evals.get(i).evalRuntime());
            }
            long evalUs = evalBefore[evals.size()];
            if (evalUs >= spanUs) {
                problems.add(Problem.warning(whole, "the evaluations' eval_runtime (" + seconds(evalUs)
                        + ") is not less than the time the steps are spread over (" + seconds(spanUs)
                        + "): evaluations left out"));
                evals.clear();
                evalBefore = new long[1];
                evalUs = 0;
            }
            double perStep = (double) (spanUs - evalUs) / steps;
            long[] evalSteps = evals.stream().mapToLong(Entry::step).toArray();

            long globalBatch = globalBatch(last);
            List<TrainerEvent> out = new ArrayList<>();
            Source first = at(1);
            out.add(new TrainerEvent.Launch(origin, first, "Trainer.train() start (" + (startUs != Times.UNKNOWN
                    ? "--start" : "file modification time minus train_runtime") + ")"));
            long interval = logInterval(steps);
            if (interval > 0) {
                out.add(new TrainerEvent.Setting(origin, first, TrainerEvent.SettingKey.LOG_INTERVAL,
                        Long.toString(interval)));
            }
            if (globalBatch > 0) {
                out.add(new TrainerEvent.Setting(origin, at(last.line()), TrainerEvent.SettingKey.GLOBAL_BATCH,
                        Long.toString(globalBatch)));
            }
            double flos = last != null && last.totalFlos() > 0 ? last.totalFlos() : topTotalFlos;
            if (hasRuntime && flos > 0) {
                out.add(new TrainerEvent.Setting(origin, at(last.line()), TrainerEvent.SettingKey.FLOP_FIGURE,
                        String.format(Locale.ROOT, "Hugging Face total_flos / train_runtime: %.3g TFLOP/s for the "
                                + "whole job (6 x non-embedding parameters x input tokens, summed over all "
                                + "processes; not per accelerator)", flos / last.trainRuntime() / 1e12)));
            }

            long prevStep = 0;
            double prevTokens = 0;
            long skipped = 0;
            int evalIndex = 0;
            long stepUs = Math.round(perStep);
            for (Entry e : entries) {
                boolean tail = e == last && e.step() > prevStep && e.step() <= steps;
                if ((e.hasLoss() || tail) && e.step() <= steps) {
                    if (e.step() <= prevStep) {
                        skipped++;
                        continue;
                    }
                    long count = e.step() - prevStep;
                    long before = evalBefore[lowerBound(evalSteps, e.step())];
                    long t = origin + Math.round(e.step() * perStep) + before;
                    long tokens = -1;
                    if (!Double.isNaN(e.tokensSeen()) && e.tokensSeen() >= prevTokens) {
                        tokens = Math.round((e.tokensSeen() - prevTokens) / count);
                        prevTokens = e.tokensSeen();
                    }
                    out.add(new TrainerEvent.Steps(t, at(e.line()), e.step(), (int) Math.min(Integer.MAX_VALUE, count),
                            stepUs, globalBatch, tokens, Double.NaN, Double.NaN, 0));
                    prevStep = e.step();
                } else if (e.hasLoss()) {
                    skipped++;
                }
                if (e.isEval() && evalIndex < evals.size() && evals.get(evalIndex) == e) {
                    // The evaluation follows the step it was logged at and the evaluations before it.
                    long start = origin + Math.round(e.step() * perStep) + evalBefore[evalIndex];
                    long d = Times.fromSeconds(e.evalRuntime());
                    out.add(new TrainerEvent.Evaluation(start, at(e.line()), TrainerEvent.Edge.START, -1));
                    out.add(new TrainerEvent.Evaluation(start + d, at(e.line()), TrainerEvent.Edge.END, d));
                    evalIndex++;
                }
            }
            if (hasRuntime) {
                out.add(new TrainerEvent.End(origin + spanUs, at(last.line()), EndReason.COMPLETED,
                        "train() returned after " + steps + " steps" + (maxSteps > steps ? " of max_steps "
                        + maxSteps : "") + " (train_runtime " + seconds(spanUs) + ")"));
            }
            if (skipped > 0) {
                problems.add(Problem.warning(whole, skipped + " log_history entries with a step not after the "
                        + "previous one's, or beyond global_step, skipped"));
            }
            if (nonFiniteLosses > 0) {
                problems.add(Problem.warning(whole, nonFiniteLosses + " log_history entries have a NaN or "
                        + "infinite loss"));
            }
            if (!evals.isEmpty() && evals.size() < entries.stream().filter(Entry::isEval).count()) {
                problems.add(Problem.warning(whole, "evaluations logged after global_step left out"));
            }
            problems.add(0, Problem.warning(whole, "trainer_state.json logs no wall-clock times: its " + steps
                    + " steps are " + placedBy + (evalUs > 0 ? ", less " + seconds(evalUs) + " of evaluations"
                    : "") + ", starting " + Instant.ofEpochMilli(Math.floorDiv(origin, 1000)) + "; step times are "
                    + "the mean, not logged"));
            return new FileEvents(file, out, Map.of(FORMAT_ID, (long) entries.size()), lines, problems);
        }

        /** Index of the first evaluation at a step ≥ {@code step}: the evaluations before it come before the step. */
        private static int lowerBound(long[] steps, long step) {
            int lo = 0;
            int hi = steps.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (steps[mid] < step) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * Samples per optimizer step over all devices: HF's {@code train_samples_per_second} is
         * {@code max_steps × total batch ÷ train_runtime} (when max_steps drives the run), so this is it back,
         * when within 2% of a whole number (rounded to three decimals, small rates are too coarse).
         */
        private long globalBatch(Entry last) {
            if (last == null || !(last.samplesPerSecond() > 0) || !(last.trainRuntime() > 0)) {
                return -1;
            }
            long n = maxSteps > 0 ? maxSteps : globalStep;
            if (n <= 0) {
                return -1;
            }
            double b = last.samplesPerSecond() * last.trainRuntime() / n;
            long r = Math.round(b);
            return r >= 1 && Math.abs(b - r) <= 0.02 * r ? r : -1;
        }

        /** {@code logging_steps} (a fraction of max_steps when below 1), else the first step between losses. */
        private long logInterval(long steps) {
            if (loggingSteps >= 1) {
                return Math.round(loggingSteps);
            }
            if (loggingSteps > 0) {
                return (long) Math.ceil((maxSteps > 0 ? maxSteps : steps) * loggingSteps);
            }
            long[] s = entries.stream().filter(Entry::hasLoss).mapToLong(Entry::step).limit(3).toArray();
            return s.length >= 2 && s[1] > s[0] ? s[1] - s[0] : -1;
        }

        private static String seconds(long us) {
            return String.format(Locale.ROOT, "%.2f s", us / 1e6);
        }
    }
}
