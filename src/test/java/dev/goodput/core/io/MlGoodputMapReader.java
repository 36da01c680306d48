package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ml-goodput reader as it was before issue 15 (a map of text per entry, the file read twice), frozen as the
 * reference the streaming {@link MlGoodputReader} is proven against: both must give the same run, the same problems
 * and the same refusals on every input. Self-contained but for TimeUnitSlip and Timestamps, so that changes to the
 * canonical reader's helpers do not move the reference.
 */
final class MlGoodputMapReader implements RunLogReader {
    private final ReadLimits limits;
    private final JsonFactory factory;

    MlGoodputMapReader() {
        this(ReadLimits.DEFAULTS);
    }

    MlGoodputMapReader(ReadLimits limits) {
        this.limits = limits;
        this.factory = limits.jsonFactory();
    }

    /** Receives each entry in file order. */
    @FunctionalInterface
    private interface EntryVisitor {
        void visit(Map<String, String> entry, Source source) throws InputException;
    }

    private record Entry(Map<String, String> fields, Source source) {
    }

    @Override
    public void read(Path file, RunBuilder run, LoadMode mode) throws IOException, InputException {
        String name = file.toString();
        TimeUnitSlip slip = new TimeUnitSlip();
        EntryMapper mapper = new EntryMapper(run, slip);
        EntryVisitor handle = (entry, src) -> {
            try {
                mapper.map(entry, src);
            } catch (InputException e) {
                if (mode == LoadMode.STRICT) {
                    throw e;
                }
                run.problem(Problem.error(src, e.detail() + "; entry skipped"));
            }
        };
        if (scan(file, slip)) {
            // `gcloud logging read` lists newest first; start/end pairing and restarts need oldest first.
            List<Entry> entries = new ArrayList<>();
            forEachEntry(file, (e, src) -> entries.add(new Entry(e, src)));
            Collections.reverse(entries);
            run.problem(Problem.warning(new Source(name, 0), "entries are newest first; read oldest first"));
            for (Entry e : entries) {
                handle.visit(e.fields(), e.source());
            }
        } else {
            forEachEntry(file, handle);
        }
        mapper.finish(name);
        slip.finish(run, name);
    }

    /**
     * Observes every time of the file into {@code slip} (so that a time in a larger unit than seconds is judged by
     * all the others) and tells whether the entries run backwards in time: the first entry's time after the last's.
     */
    private boolean scan(Path file, TimeUnitSlip slip) throws IOException, InputException {
        long[] firstLast = {Long.MIN_VALUE, Long.MIN_VALUE};
        forEachEntry(file, (e, src) -> {
            long t = entryTime(e, slip);
            if (t != Long.MIN_VALUE) {
                if (firstLast[0] == Long.MIN_VALUE) {
                    firstLast[0] = t;
                }
                firstLast[1] = t;
            }
        });
        return firstLast[0] > firstLast[1];
    }

    /**
     * An entry's time as the library takes it: the first field named like a time that parses (each in the unit of
     * its magnitude), else MIN; every such field is observed into {@code slip}.
     */
    private static long entryTime(Map<String, String> e, TimeUnitSlip slip) {
        long first = Long.MIN_VALUE;
        for (Map.Entry<String, String> f : e.entrySet()) {
            if (f.getKey().contains("time") && !f.getKey().equals("custom_badput_event_type")) {
                long t = slip.observe(f.getValue());
                first = first == Long.MIN_VALUE ? t : first;
            }
        }
        return first;
    }

    /** Streams the file's entries, whatever its shape, to {@code visitor}. */
    private void forEachEntry(Path file, EntryVisitor visitor) throws IOException, InputException {
        String name = file.toString();
        try (InputStream in = InputFiles.open(file, limits); JsonParser p = factory.createParser(in)) {
            try {
                entries(p, name, visitor);
            } catch (StreamConstraintsException e) {
                // Jackson gives no location with these; the parser still knows where it is.
                throw new InputException(new Source(name, p.currentLocation().getLineNr()), limits.describe(e));
            }
        } catch (JsonProcessingException e) {
            throw new InputException(new Source(name, JsonSyntax.line(e, 0)), JsonSyntax.expected(e));
        } catch (CharConversionException e) {
            throw new InputException(new Source(name, 0), JsonSyntax.notUtf8(e), e);
        }
    }

    private void entries(JsonParser p, String name, EntryVisitor visitor) throws IOException, InputException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            readArray(p, name, visitor);
        } else if (t == JsonToken.START_OBJECT) {
            long line = p.currentLocation().getLineNr();
            Map<String, String> first = new LinkedHashMap<>();
            if (!readTopObject(p, name, visitor, first)) {
                // JSON Lines: the first object was an entry, more follow.
                visitor.visit(first, new Source(name, line));
                JsonToken next;
                while ((next = p.nextToken()) != null) {
                    if (next != JsonToken.START_OBJECT) {
                        throw new InputException(new Source(name, p.currentLocation().getLineNr()),
                                "expected one ml-goodput entry object per line");
                    }
                    long l = p.currentLocation().getLineNr();
                    visitor.visit(readEntry(p), new Source(name, l));
                }
            }
        } else {
            throw new InputException(new Source(name, 1), "expected a JSON array of ml-goodput entries, "
                    + "JSON Lines, or an object with an \"entries\" array");
        }
    }

    private void readArray(JsonParser p, String name, EntryVisitor visitor) throws IOException, InputException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long line = p.currentLocation().getLineNr();
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(new Source(name, line), "expected an entry object in the array");
            }
            visitor.visit(readEntry(p), new Source(name, line));
        }
    }

    /**
     * Reads a top-level object: if it has an "entries" array, its entries are read as they stream past;
     * otherwise its fields are collected into {@code fields} (it is itself the first entry).
     */
    private boolean readTopObject(JsonParser p, String name, EntryVisitor visitor, Map<String, String> fields)
            throws IOException, InputException {
        boolean sawEntries = false;
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if ("entries".equals(field) && v == JsonToken.START_ARRAY) {
                sawEntries = true;
                readArray(p, name, visitor);
            } else {
                readEntryField(p, field, v, fields);
            }
        }
        return sawEntries;
    }

    /** One entry's fields, with a Cloud Logging wrapper's {@code jsonPayload} flattened into it. */
    private static Map<String, String> readEntry(JsonParser p) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            readEntryField(p, field, p.nextToken(), m);
        }
        return m;
    }

    /** Keeps a scalar field, flattens a payload object, skips any other structure. */
    private static void readEntryField(JsonParser p, String field, JsonToken v, Map<String, String> into)
            throws IOException {
        if (isPayloadField(field) && v == JsonToken.START_OBJECT) {
            into.putAll(readObjectBody(p));
        } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
        } else if (v != JsonToken.VALUE_NULL) {
            into.put(field, p.getText());
        }
    }

    private static boolean isPayloadField(String field) {
        return "jsonPayload".equals(field) || "payload".equals(field);
    }

    /** Turns entries into facts, pairing start/end entries as the library does (latest start wins). */
    private static final class EntryMapper {
        private final RunBuilder run;
        private final TimeUnitSlip slip;
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

        EntryMapper(RunBuilder run, TimeUnitSlip slip) {
            this.run = run;
            this.slip = slip;
        }

        void map(Map<String, String> e, Source src) throws InputException {
            Fields f = new Fields(e);
            if (!named && f.has("job_name")) {
                named = true;
                run.metadata(run.metadata().withName(f.text("job_name")), src);
            }
            if (f.has("job_start_time")) {
                if (pendingSaveStep != Long.MIN_VALUE) {
                    run.problem(Problem.warning(pendingSaveSource, "checkpoint save of step " + pendingSaveStep
                            + " is followed by a restart, not a step, and has no timestamp; not counted"));
                    pendingSaveStep = Long.MIN_VALUE;
                }
                run.jobStart(time(f, "job_start_time", src), 0, 0, src);
                stepSinceJobStart = false;
            }
            if (f.has("job_end_time")) {
                run.jobEnd(time(f, "job_end_time", src), EndReason.COMPLETED, src);
            }
            if (f.has("step_start_time")) {
                step(f, src);
            }
            pair(f, src, "tpu_init", PhaseKind.PROVISIONING, null);
            pair(f, src, "training_prep", PhaseKind.TRAINING_PREP, null);
            pair(f, src, "data_loading", PhaseKind.DATA_LOADING, null);
            if (f.has("custom_badput_event_type")) {
                String type = f.text("custom_badput_event_type").trim().toLowerCase(Locale.ROOT);
                pair(f, src, "custom_badput_event", PhaseKind.CUSTOM, type);
            }
            if (f.has("event_type") && f.has("step")) {
                checkpoint(f, src);
            }
        }

        private void step(Fields f, Source src) throws InputException {
            if (!f.has("step_count")) {
                throw new InputException(src, "expected \"step_count\" beside \"step_start_time\"");
            }
            long step = time(f, "step_start_time", src);
            long number = wholeNumber(f, "step_count", src);
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
            run.step(number, step, Times.UNKNOWN, -1, src);
            stepSinceJobStart = true;
        }

        private void checkpoint(Fields f, Source src) throws InputException {
            String type = f.text("event_type").trim().toLowerCase(Locale.ROOT);
            long step = wholeNumber(f, "step", src);
            if (type.equals("save") && f.has("checkpoint_manager_blocking_duration_secs")) {
                pendingSaveUs = seconds(f, "checkpoint_manager_blocking_duration_secs", src);
                pendingSaveStep = step;
                pendingSaveSource = src;
                if (f.has("timestamp")) { // a Cloud Logging entry: the save ended when it was logged
                    long end = time(f, "timestamp", src);
                    run.checkpoint(new Checkpoint(step, end - pendingSaveUs, pendingSaveUs, src));
                    pendingSaveStep = Long.MIN_VALUE;
                }
            } else if (type.contains("restore") && f.has("checkpoint_manager_duration_secs")) {
                pendingRestoreUs = seconds(f, "checkpoint_manager_duration_secs", src);
                pendingRestoreSource = src;
                if (f.has("timestamp")) {
                    long end = time(f, "timestamp", src);
                    run.phase(new Phase(PhaseKind.CHECKPOINT_RESTORE, "checkpoint_restore", end - pendingRestoreUs,
                            end, null, src));
                    pendingRestoreUs = -1;
                }
            }
        }

        /** Pairs {@code prefix_start_time} with the next {@code prefix_end_time}; the latest start wins. */
        private void pair(Fields f, Source src, String prefix, PhaseKind kind, String name) throws InputException {
            String key = name == null ? prefix : prefix + ":" + name;
            if (f.has(prefix + "_start_time")) {
                pendingStarts.put(key, new long[]{time(f, prefix + "_start_time", src)});
                pendingSources.put(key, src);
            }
            if (f.has(prefix + "_end_time")) {
                long end = time(f, prefix + "_end_time", src);
                long[] start = pendingStarts.remove(key);
                Source startSrc = pendingSources.remove(key);
                if (start == null) {
                    run.problem(Problem.warning(src, prefix + "_end_time with no " + prefix
                            + "_start_time before it; ignored"));
                    return;
                }
                if (end < start[0]) {
                    run.problem(Problem.warning(src, prefix + "_end_time before its start; ignored"));
                    return;
                }
                if (kind == PhaseKind.DATA_LOADING && stepSinceJobStart) {
                    asyncLoads++; // overlapped with training (the library's DATA_LOADING_ASYNC): not badput
                    return;
                }
                run.phase(new Phase(kind, name == null ? kind.id() : name, start[0], end, null, startSrc));
            }
        }

        void finish(String file) {
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

        /** A time of the entry; one in a larger unit than seconds is judged by the file's others (observed first). */
        private long time(Fields f, String key, Source src) throws InputException {
            String t = f.text(key);
            if (t != null && TimeUnitSlip.larger(t)) {
                return slip.micros(key, t, src, run);
            }
            return parseTime(f, key, src);
        }

        private static long seconds(Fields f, String key, Source src) throws InputException {
            return durationSeconds(key, f.text(key), src);
        }

        private static long wholeNumber(Fields f, String key, Source src) throws InputException {
            try {
                return new java.math.BigDecimal(f.text(key).trim()).longValueExact();
            } catch (NumberFormatException | ArithmeticException | NullPointerException ex) {
                throw new InputException(src, "expected \"" + key + "\" to be a whole number, found \"" + f.text(key)
                        + "\"");
            }
        }
    }

    /** An entry's fields; absent and blank read as null (the canonical reader's MapFields, as it was). */
    private record Fields(Map<String, String> map) {
        String text(String key) {
            String v = map.get(key);
            return v == null || v.isBlank() ? null : v;
        }

        boolean has(String key) {
            String t = text(key);
            return t != null && !t.isBlank();
        }
    }

    /** FlatJsonObjectParser.readObjectBody, as it was. */
    private static Map<String, String> readObjectBody(JsonParser p) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IOException("expected a field name");
            }
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (v != JsonToken.VALUE_NULL) {
                m.put(name, p.getText());
            }
        }
        return m;
    }

    /** RunLogEventMapper.parseTime, as it was. */
    private static long parseTime(Fields f, String key, Source src) throws InputException {
        String t = f.text(key);
        if (t == null || t.isBlank()) {
            throw new InputException(src, "expected a \"" + key + "\" field: " + Timestamps.EXPECTED);
        }
        try {
            return Timestamps.parseMicros(t);
        } catch (IllegalArgumentException e) {
            throw new InputException(src, "expected \"" + key + "\" to be " + Timestamps.EXPECTED + ", found \""
                    + t + "\"");
        }
    }

    /** RunLogEventMapper.seconds, as it was. */
    private static long durationSeconds(String key, String text, Source src) throws InputException {
        long max = 31_622_400L;
        try {
            long us = Timestamps.parseSecondsToMicros(text);
            if (us >= 0 && us <= max * 1_000_000L) {
                return us;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // refused below
        }
        throw new InputException(src, "expected \"" + key + "\" to be a number of seconds from 0 to "
                + max + " (366 days), found \"" + (text == null ? "" : text.strip()) + "\"");
    }
}
