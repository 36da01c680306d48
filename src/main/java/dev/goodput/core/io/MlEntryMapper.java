package dev.goodput.core.io;

import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a file's ml-goodput entries into facts, in the order given, pairing start/end entries as the library does
 * (latest start wins). An entry's {@link Source} is made when a fact or a problem keeps it, once per line.
 */
final class MlEntryMapper {
    private final RunBuilder run;
    private final TimeUnitSlip slip;
    private final MlEntries entries;
    private final String file;
    private final Map<String, long[]> pendingStarts = new HashMap<>();
    private final Map<String, Source> pendingSources = new HashMap<>();
    private boolean stepSinceJobStart;
    private long pendingSaveStep = Long.MIN_VALUE;
    private long pendingSaveUs;
    private Source pendingSaveSource;
    private long pendingRestoreUs = -1;
    private Source pendingRestoreSource;
    private boolean named;
    private int asyncLoads;
    private Source lastSource;

    /** The entry being mapped. */
    private int e;

    MlEntryMapper(RunBuilder run, TimeUnitSlip slip, MlEntries entries, String file) {
        this.run = run;
        this.slip = slip;
        this.entries = entries;
        this.file = file;
    }

    /** Where entry {@code entry} is: its file and line (one object for the entries of a line). */
    Source source(int entry) {
        long line = entries.line(entry);
        if (lastSource == null || lastSource.line() != line) {
            lastSource = new Source(file, line);
        }
        return lastSource;
    }

    void map(int entry) throws InputException {
        e = entry;
        if (!named && has(MlField.JOB_NAME)) {
            named = true;
            run.metadata(run.metadata().withName(entries.text(e, MlField.JOB_NAME)), source(e));
        }
        if (has(MlField.JOB_START_TIME)) {
            if (pendingSaveStep != Long.MIN_VALUE) {
                run.problem(Problem.warning(pendingSaveSource, "checkpoint save of step " + pendingSaveStep
                        + " is followed by a restart, not a step, and has no timestamp; not counted"));
                pendingSaveStep = Long.MIN_VALUE;
            }
            run.jobStart(time(MlField.JOB_START_TIME), 0, 0, source(e));
            stepSinceJobStart = false;
        }
        if (has(MlField.JOB_END_TIME)) {
            run.jobEnd(time(MlField.JOB_END_TIME), EndReason.COMPLETED, source(e));
        }
        if (has(MlField.STEP_START_TIME)) {
            step();
        }
        pair(MlField.TPU_INIT_START_TIME, MlField.TPU_INIT_END_TIME, "tpu_init", PhaseKind.PROVISIONING, null);
        pair(MlField.TRAINING_PREP_START_TIME, MlField.TRAINING_PREP_END_TIME, "training_prep",
                PhaseKind.TRAINING_PREP, null);
        pair(MlField.DATA_LOADING_START_TIME, MlField.DATA_LOADING_END_TIME, "data_loading", PhaseKind.DATA_LOADING,
                null);
        if (has(MlField.CUSTOM_BADPUT_EVENT_TYPE)) {
            String type = entries.text(e, MlField.CUSTOM_BADPUT_EVENT_TYPE).trim().toLowerCase(Locale.ROOT);
            pair(MlField.CUSTOM_BADPUT_EVENT_START_TIME, MlField.CUSTOM_BADPUT_EVENT_END_TIME, "custom_badput_event",
                    PhaseKind.CUSTOM, type);
        }
        if (has(MlField.EVENT_TYPE) && has(MlField.STEP)) {
            checkpoint();
        }
    }

    private boolean has(MlField f) {
        return entries.has(e, f);
    }

    private void step() throws InputException {
        if (!has(MlField.STEP_COUNT)) {
            throw new InputException(source(e), "expected \"step_count\" beside \"step_start_time\"");
        }
        long step = time(MlField.STEP_START_TIME);
        long number = wholeNumber(MlField.STEP_COUNT);
        if (pendingSaveStep != Long.MIN_VALUE && number > pendingSaveStep) {
            // Orbax logs the save of step s before step s+1 starts: it blocked just before this start.
            run.checkpoint(new Checkpoint(pendingSaveStep, Math.max(0, step - pendingSaveUs), pendingSaveUs,
                    pendingSaveSource));
            pendingSaveStep = Long.MIN_VALUE;
        }
        if (pendingRestoreUs >= 0) {
            run.phase(new Phase(PhaseKind.CHECKPOINT_RESTORE, "checkpoint_restore", step - pendingRestoreUs, step,
                    null, pendingRestoreSource));
            pendingRestoreUs = -1;
        }
        run.step(number, step, Times.UNKNOWN, -1, file, entries.line(e));
        stepSinceJobStart = true;
    }

    private void checkpoint() throws InputException {
        String type = entries.text(e, MlField.EVENT_TYPE).trim().toLowerCase(Locale.ROOT);
        long step = wholeNumber(MlField.STEP);
        if (type.equals("save") && has(MlField.CHECKPOINT_MANAGER_BLOCKING_DURATION_SECS)) {
            pendingSaveUs = seconds(MlField.CHECKPOINT_MANAGER_BLOCKING_DURATION_SECS);
            pendingSaveStep = step;
            pendingSaveSource = source(e);
            if (has(MlField.TIMESTAMP)) { // a Cloud Logging entry: the save ended when it was logged
                long end = time(MlField.TIMESTAMP);
                run.checkpoint(new Checkpoint(step, end - pendingSaveUs, pendingSaveUs, source(e)));
                pendingSaveStep = Long.MIN_VALUE;
            }
        } else if (type.contains("restore") && has(MlField.CHECKPOINT_MANAGER_DURATION_SECS)) {
            pendingRestoreUs = seconds(MlField.CHECKPOINT_MANAGER_DURATION_SECS);
            pendingRestoreSource = source(e);
            if (has(MlField.TIMESTAMP)) {
                long end = time(MlField.TIMESTAMP);
                run.phase(new Phase(PhaseKind.CHECKPOINT_RESTORE, "checkpoint_restore", end - pendingRestoreUs,
                        end, null, source(e)));
                pendingRestoreUs = -1;
            }
        }
    }

    /** Pairs {@code prefix_start_time} with the next {@code prefix_end_time}; the latest start wins. */
    private void pair(MlField startField, MlField endField, String prefix, PhaseKind kind, String name)
            throws InputException {
        if (!has(startField) && !has(endField)) {
            return;
        }
        String key = name == null ? prefix : prefix + ":" + name;
        if (has(startField)) {
            pendingStarts.put(key, new long[]{time(startField)});
            pendingSources.put(key, source(e));
        }
        if (has(endField)) {
            long end = time(endField);
            long[] start = pendingStarts.remove(key);
            Source startSrc = pendingSources.remove(key);
            if (start == null) {
                run.problem(Problem.warning(source(e), prefix + "_end_time with no " + prefix
                        + "_start_time before it; ignored"));
                return;
            }
            if (end < start[0]) {
                run.problem(Problem.warning(source(e), prefix + "_end_time before its start; ignored"));
                return;
            }
            if (kind == PhaseKind.DATA_LOADING && stepSinceJobStart) {
                asyncLoads++; // overlapped with training (the library's DATA_LOADING_ASYNC): not badput
                return;
            }
            run.phase(new Phase(kind, name == null ? kind.id() : name, start[0], end, null, startSrc));
        }
    }

    void finish() {
        if (pendingSaveStep != Long.MIN_VALUE) {
            run.problem(Problem.warning(pendingSaveSource, "checkpoint save of step " + pendingSaveStep
                    + " has no later step to place it before and no timestamp; not counted"));
        }
        if (pendingRestoreUs >= 0) {
            run.problem(Problem.warning(pendingRestoreSource, "checkpoint restore has no later step to place it "
                    + "before and no timestamp; not counted"));
        }
        pendingStarts.forEach((k, v) -> run.problem(Problem.warning(pendingSources.get(k),
                k + " started but never ended; ignored")));
        if (asyncLoads > 0) {
            run.problem(Problem.warning(new Source(file, 0), asyncLoads + " data loading periods after the "
                    + "first step of an attempt were treated as asynchronous (overlapped), not badput"));
        }
    }

    /**
     * A time of the entry: a plain number of seconds as read; a text in a larger unit than seconds judged by the
     * file's others (all observed first); any other text as epoch seconds or ISO-8601.
     */
    private long time(MlField f) throws InputException {
        if (!entries.isText(e, f)) {
            return entries.number(e, f);
        }
        String t = entries.text(e, f);
        if (TimeUnitSlip.larger(t)) {
            return slip.micros(f.key, t, source(e), run);
        }
        return RunLogEventMapper.parseTime(f.key, t, source(e));
    }

    private long seconds(MlField f) throws InputException {
        return RunLogEventMapper.seconds(f.key, entries.text(e, f), source(e));
    }

    private long wholeNumber(MlField f) throws InputException {
        if (!entries.isText(e, f)) {
            return entries.number(e, f);
        }
        String t = entries.text(e, f);
        try {
            return new BigDecimal(t.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new InputException(source(e), "expected \"" + f.key + "\" to be a whole number, found \"" + t
                    + "\"");
        }
    }
}
