package dev.goodput.core.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.io.DamagedGzipException;
import dev.goodput.core.io.InputFiles;
import dev.goodput.core.io.ReadLimitException;
import dev.goodput.core.io.ReadLimits;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.JsonSyntax;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a PyTorch profiler (Kineto) Chrome-trace JSON file, plain or gzip, into a {@link ProfileTrace}
 * with one Jackson token loop: traces of 1–2 GB are never held as a tree. {@code traceEvents} may sit
 * anywhere in the object (or the file may be a bare event array); {@code ts}/{@code dur} are µs as
 * integers, floats with ns fractions, or strings; old and new category names are both understood.
 */
public final class KinetoTraceReader {
    private static final Pattern PROFILER_STEP = Pattern.compile("ProfilerStep#(\\d+)");
    private final ReadLimits limits;
    private final JsonFactory factory;

    public KinetoTraceReader() {
        this(ReadLimits.DEFAULTS);
    }

    public KinetoTraceReader(ReadLimits limits) {
        this.limits = limits;
        this.factory = limits.jsonFactory();
    }

    /** The category of an event, old and new Kineto spellings folded together. */
    private enum Category { KERNEL, MEMCPY, MEMSET, RUNTIME, USER_ANNOTATION, GPU_USER_ANNOTATION, CPU_OP, OTHER }

    /** The fields of one event this reader uses; reused across events to avoid garbage. */
    private static final class Event {
        /** Null until a "cat" field is read. */
        Category category;
        /** Ruled out by its "ph" or "cat": the remaining fields are passed over. */
        boolean ignored;
        String name;
        long pid = Long.MIN_VALUE;
        long tid = Long.MIN_VALUE;
        long tsNs = Long.MIN_VALUE;
        long durNs;
        long stream = Long.MIN_VALUE;
        long device = Long.MIN_VALUE;
        long correlation = -1;
        long externalId = -1;
        boolean integerTs;
        List<long[]> inputDims;
        List<String> inputTypes;
        List<String> concreteInputs;

        void reset() {
            category = null;
            ignored = false;
            name = null;
            pid = Long.MIN_VALUE;
            tid = Long.MIN_VALUE;
            tsNs = Long.MIN_VALUE;
            durNs = 0;
            stream = Long.MIN_VALUE;
            device = Long.MIN_VALUE;
            correlation = -1;
            externalId = -1;
            integerTs = false;
            inputDims = null;
            inputTypes = null;
            concreteInputs = null;
        }
    }

    /** Mutable state while reading one file. */
    private static final class Collector {
        final GpuEvents.Builder gpu = new GpuEvents.Builder();
        final RuntimeCalls.Builder runtime = new RuntimeCalls.Builder();
        final List<StepAnnotation> steps = new ArrayList<>();
        final List<CpuOp> cpuOps = new ArrayList<>();
        final List<DeviceInfo> devices = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        int rank = -1;
        int worldSize;
        String backend;
        long baseTimeNs;
        boolean recordShapes;
        boolean sawEvents;
        boolean fractionalTs;
        long badTimes;
        long timed;
    }

    public ProfileTrace read(Path file) throws IOException, InputException {
        String name = file.toString();
        rejectKnownForeignFormats(file);
        Collector c = new Collector();
        try (InputStream in = InputFiles.open(file, limits); JsonParser p = factory.createParser(in)) {
            try {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    readEvents(p, c, name);
                } else if (t == JsonToken.START_OBJECT) {
                    readObject(p, c, name, 0);
                } else {
                    throw new InputException(new Source(name, 1), "expected a Chrome-trace JSON object with "
                            + "\"traceEvents\" (a PyTorch profiler trace)");
                }
            } catch (StreamConstraintsException e) {
                // Jackson gives no location with these; the parser still knows where it is.
                throw new InputException(new Source(name, p.currentLocation().getLineNr()), limits.describe(e));
            }
        } catch (JsonProcessingException e) {
            throw new InputException(new Source(name, JsonSyntax.line(e, 0)), JsonSyntax.expected(e));
        } catch (DamagedGzipException | ReadLimitException e) {
            throw new InputException(new Source(name, 0), e.getMessage());
        } catch (CharConversionException e) {
            throw new InputException(new Source(name, 0), JsonSyntax.notUtf8(e), e);
        }
        if (!c.sawEvents) {
            throw new InputException(new Source(name, 0), "expected a \"traceEvents\" array (a PyTorch profiler trace)");
        }
        if (c.timed == 0) {
            // Nothing timed was recognised: there is nothing to break down, and such an input never exits 0.
            throw new InputException(new Source(name, 0), c.badTimes > 0
                    ? "expected events with a usable \"ts\" and \"dur\" (µs); none of the " + c.badTimes
                    + " kernel, runtime, annotation or operator events had them"
                    : "expected timed events (kernels, copies, CUDA runtime calls, annotations or operators) in "
                    + "\"traceEvents\"; found none");
        }
        if (c.badTimes > 0) {
            c.problems.add(Problem.warning(new Source(name, 0), c.badTimes + " events without a usable ts/dur skipped"));
        }
        if (c.gpu.size() == 0) {
            c.problems.add(Problem.warning(new Source(name, 0), "no GPU kernels, copies or sets in the trace "
                    + "(a CPU-only trace?): no GPU breakdown"));
        }
        return new ProfileTrace(name, "kineto", c.rank, c.worldSize, c.backend, c.baseTimeNs, c.devices,
                c.gpu.build(), c.runtime.build(), c.steps, c.cpuOps, c.recordShapes, c.fractionalTs, c.problems);
    }

    /** Names formats we know and do not read, instead of failing with a JSON syntax error. */
    private static void rejectKnownForeignFormats(Path file) throws IOException, InputException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xplane.pb") || n.endsWith(".pb")) {
            throw new InputException(new Source(file.toString(), 0), "expected a PyTorch profiler (Kineto) JSON "
                    + "trace or an Nsight Systems SQLite export; this is a JAX/TensorFlow XPlane protobuf "
                    + "(.xplane.pb), which is not supported: convert it with TensorBoard's profile plugin or "
                    + "record the run with torch.profiler");
        }
        byte[] head;
        try {
            head = InputFiles.headBytes(file, 16);
        } catch (java.util.zip.ZipException e) {
            return; // damaged from its start: reading the trace says where
        }
        if (head.length >= 15 && new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("SQLite format 3")) {
            throw new InputException(new Source(file.toString(), 0), "expected a Kineto JSON trace; this is a "
                    + "SQLite file (read Nsight Systems exports with the nsys reader)");
        }
    }

    /** Walks an object looking for traceEvents and the metadata Kineto writes beside it. */
    private void readObject(JsonParser p, Collector c, String file, int depth) throws IOException, InputException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "traceEvents" -> {
                    if (v == JsonToken.START_ARRAY) {
                        readEvents(p, c, file);
                    } else {
                        p.skipChildren();
                    }
                }
                case "deviceProperties" -> readDevices(p, c, v);
                case "distributedInfo" -> readDistributedInfo(p, c, v);
                case "baseTimeNanoseconds" -> c.baseTimeNs = v.isNumeric() || v == JsonToken.VALUE_STRING
                        ? parseLongLenient(p.getText()) : 0;
                case "record_shapes" -> c.recordShapes = v == JsonToken.VALUE_TRUE || "1".equals(p.getText());
                default -> {
                    if (v == JsonToken.START_OBJECT && depth < 4) {
                        readObject(p, c, file, depth + 1); // traceEvents may be nested
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
    }

    private void readEvents(JsonParser p, Collector c, String file) throws IOException {
        c.sawEvents = true;
        Event e = new Event();
        Categories cats = new Categories();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            e.reset();
            readEvent(p, e, cats);
            // As in HTA (a pandas float64 column): one non-integer or missing ts switches rounding on.
            c.fractionalTs |= !e.integerTs;
            dispatch(e, c);
        }
    }

    /**
     * Reads one event's fields. Once its "ph" or "cat" rules it out (flows, instants, metadata; Python frames and
     * other categories, two thirds of a typical trace), the rest is passed over without decoding: only the token
     * type of "ts" still counts. Strings passed over are not held, so the string-length limit applies to those read.
     * Keys are not expected twice in one event (Kineto writes none): a second "ph" or "cat" is not looked at once the
     * first ruled the event out, and the first "name" decides whether an operator's shapes are decoded.
     */
    private static void readEvent(JsonParser p, Event e, Categories cats) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            if (e.ignored) {
                if (f.equals("ts")) {
                    e.integerTs = v == JsonToken.VALUE_NUMBER_INT;
                }
                p.skipChildren();
                continue;
            }
            // An object or array where ph, cat or name should be is passed over whole (it rules the event out, or
            // leaves it unnamed); its fields are not the event's.
            switch (f) {
                case "ph" -> {
                    e.ignored = !(v == JsonToken.VALUE_STRING && p.getTextLength() == 1
                            && p.getTextCharacters()[p.getTextOffset()] == 'X');
                    p.skipChildren();
                }
                case "cat" -> {
                    e.category = cats.of(p, v);
                    e.ignored = e.category == Category.OTHER;
                    p.skipChildren();
                }
                case "name" -> e.name = v.isScalarValue() ? p.getText() : skip(p);
                case "pid" -> e.pid = idValue(p, v);
                case "tid" -> e.tid = idValue(p, v);
                case "ts" -> {
                    e.tsNs = microsToNanos(p, v);
                    e.integerTs = v == JsonToken.VALUE_NUMBER_INT;
                }
                case "dur" -> e.durNs = microsToNanos(p, v);
                case "args" -> {
                    if (v == JsonToken.START_OBJECT) {
                        readArgs(p, e);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    /** How much of an event's recorded input shapes is worth decoding. */
    private enum Shapes {
        /** Not an operator: its shapes are not used. */
        NONE,
        /** An operator without a FLOP formula: only whether shapes were recorded. */
        PRESENCE,
        /** An operator with a formula, or one whose category or name comes later in the event. */
        ALL;

        static Shapes wanted(Event e) {
            if (e.category == null || e.name == null) {
                return ALL;
            }
            if (e.category != Category.CPU_OP) {
                return NONE;
            }
            return OpFlopCounter.hasFormula(e.name) ? ALL : PRESENCE;
        }
    }

    private static void readArgs(JsonParser p, Event e) throws IOException {
        Shapes shapes = Shapes.wanted(e);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken v = p.nextToken();
            switch (f) {
                case "stream" -> e.stream = idValue(p, v);
                case "device" -> e.device = idValue(p, v);
                case "correlation" -> e.correlation = idValue(p, v);
                case "External id" -> e.externalId = idValue(p, v);
                case "Input Dims" -> e.inputDims = v != JsonToken.START_ARRAY ? skip(p)
                        : shapes == Shapes.ALL ? readDims(p) : skipTo(p, List.of());
                case "Input type" -> e.inputTypes = v == JsonToken.START_ARRAY && shapes == Shapes.ALL
                        ? readStrings(p) : skip(p);
                case "Concrete Inputs" -> e.concreteInputs = v == JsonToken.START_ARRAY && shapes == Shapes.ALL
                        ? readStrings(p) : skip(p);
                default -> p.skipChildren();
            }
        }
    }

    private static <T> T skip(JsonParser p) throws IOException {
        return skipTo(p, null);
    }

    private static <T> T skipTo(JsonParser p, T value) throws IOException {
        p.skipChildren();
        return value;
    }

    /** [[32, 512], [], [[1, 2], [3]]]: each input's dims; nested lists (tensor lists) are flattened away. */
    private static List<long[]> readDims(JsonParser p) throws IOException {
        List<long[]> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                out.add(new long[0]);
                continue;
            }
            long[] dims = new long[4];
            int n = 0;
            boolean nested = false;
            JsonToken d;
            while ((d = p.nextToken()) != JsonToken.END_ARRAY) {
                if (d == JsonToken.START_ARRAY || d == JsonToken.START_OBJECT) {
                    nested = true;
                    p.skipChildren();
                } else if (d.isNumeric()) {
                    if (n == dims.length) {
                        dims = java.util.Arrays.copyOf(dims, n * 2);
                    }
                    try {
                        dims[n] = p.getLongValue();
                        n++;
                    } catch (InputCoercionException e) {
                        nested = true; // a dimension beyond a long (found by fuzzing): no usable shape, as nesting
                    }
                }
            }
            out.add(nested ? new long[0] : java.util.Arrays.copyOf(dims, n));
        }
        return out;
    }

    private static List<String> readStrings(JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                p.skipChildren();
                out.add("");
            } else {
                out.add(p.getText());
            }
        }
        return out;
    }

    private static long idValue(JsonParser p, JsonToken v) throws IOException {
        if (v.isNumeric()) {
            try {
                return v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : (long) p.getDoubleValue();
            } catch (InputCoercionException e) {
                return Long.MIN_VALUE; // beyond a long: no usable id
            }
        }
        if (v == JsonToken.VALUE_STRING) {
            return parseLongLenient(p.getText());
        }
        p.skipChildren();
        return Long.MIN_VALUE;
    }

    /** µs (integer, float with ns fraction, or string) to ns, exactly: 4458676983543.183 → ...543183. */
    private static long microsToNanos(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) {
            try {
                return Math.multiplyExact(p.getLongValue(), 1000L);
            } catch (ArithmeticException | InputCoercionException e) {
                // Beyond any clock in ns (found by fuzzing): unusable, as a non-number is.
                return Long.MIN_VALUE;
            }
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_STRING) {
            return DecimalMicros.toNanos(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        p.skipChildren();
        return Long.MIN_VALUE;
    }

    private static long parseLongLenient(String s) {
        return DecimalMicros.truncatedLong(s);
    }

    /** The categories of raw "cat" texts seen so far in a file (a trace has a dozen): no String per event. */
    private static final class Categories {
        private static final int MAX = 32;
        private final char[][] texts = new char[MAX][];
        private final Category[] categories = new Category[MAX];
        private int size;

        Category of(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.VALUE_STRING) {
                return category(p.getText());
            }
            char[] b = p.getTextCharacters();
            int from = p.getTextOffset();
            int to = from + p.getTextLength();
            for (int i = 0; i < size; i++) {
                if (java.util.Arrays.equals(texts[i], 0, texts[i].length, b, from, to)) {
                    return categories[i];
                }
            }
            Category c = category(new String(b, from, to - from));
            if (size < MAX) {
                texts[size] = java.util.Arrays.copyOfRange(b, from, to);
                categories[size++] = c;
            }
            return c;
        }
    }

    private static Category category(String cat) {
        if (cat == null) {
            return Category.OTHER;
        }
        return switch (cat.toLowerCase(Locale.ROOT).replace(' ', '_')) {
            // CUPTI range profiling (hardware counters) records each kernel as a profiler range instead.
            case "kernel", "cuda_profiler_range" -> Category.KERNEL;
            case "gpu_memcpy", "memcpy" -> Category.MEMCPY;
            case "gpu_memset", "memset" -> Category.MEMSET;
            case "cuda_runtime", "runtime", "cuda_driver", "driver" -> Category.RUNTIME;
            case "user_annotation" -> Category.USER_ANNOTATION;
            case "gpu_user_annotation" -> Category.GPU_USER_ANNOTATION;
            case "cpu_op", "operator" -> Category.CPU_OP;
            default -> Category.OTHER;
        };
    }

    private static void dispatch(Event e, Collector c) {
        Category cat = e.category == null ? Category.OTHER : e.category;
        if (e.ignored || cat == Category.OTHER) {
            return; // flows, instants, metadata (ph other than X); Python frames and other categories
        }
        if (e.tsNs == Long.MIN_VALUE || e.durNs == Long.MIN_VALUE || e.durNs < 0) {
            c.badTimes++;
            return;
        }
        c.timed++;
        long start = e.tsNs;
        long end = start + e.durNs;
        String name = e.name == null ? "" : e.name;
        switch (cat) {
            case KERNEL, MEMCPY, MEMSET -> {
                GpuEventKind kind = cat == Category.KERNEL ? GpuEventKind.KERNEL
                        : cat == Category.MEMCPY ? GpuEventKind.MEMCPY : GpuEventKind.MEMSET;
                int stream = (int) (e.stream != Long.MIN_VALUE ? e.stream : e.tid != Long.MIN_VALUE ? e.tid : 0);
                int device = (int) (e.device != Long.MIN_VALUE ? e.device : e.pid != Long.MIN_VALUE ? e.pid : 0);
                c.gpu.add(start, end, stream, device, kind, name, e.correlation);
            }
            case RUNTIME -> {
                if (e.correlation >= 0) {
                    c.runtime.add(e.correlation, start, end);
                }
            }
            case USER_ANNOTATION, GPU_USER_ANNOTATION -> {
                Matcher m = PROFILER_STEP.matcher(name);
                if (m.matches()) {
                    c.steps.add(new StepAnnotation(Long.parseLong(m.group(1)), start, end,
                            cat == Category.GPU_USER_ANNOTATION));
                }
            }
            case CPU_OP -> {
                if (e.inputDims != null) {
                    // Shapes are kept where a FLOP formula uses them, whatever the order of the event's fields.
                    boolean formula = OpFlopCounter.hasFormula(name);
                    c.cpuOps.add(new CpuOp(name, e.tid, start, end, formula ? e.inputDims : List.of(),
                            formula && e.inputTypes != null ? e.inputTypes : List.of(),
                            formula && e.concreteInputs != null ? e.concreteInputs : List.of(), e.externalId));
                }
            }
            default -> {
            }
        }
    }

    private static void readDevices(JsonParser p, Collector c, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int id = c.devices.size();
            String name = null;
            int major = 0;
            int minor = 0;
            int sms = 0;
            long mem = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                switch (f) {
                    case "id" -> id = (int) idValue(p, t);
                    case "name" -> name = p.getText();
                    case "computeMajor" -> major = (int) idValue(p, t);
                    case "computeMinor" -> minor = (int) idValue(p, t);
                    case "numSms" -> sms = (int) idValue(p, t);
                    case "totalGlobalMem" -> mem = idValue(p, t);
                    default -> p.skipChildren();
                }
            }
            c.devices.add(new DeviceInfo(id, name, major, minor, sms, mem));
        }
    }

    private static void readDistributedInfo(JsonParser p, Collector c, JsonToken v) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "rank" -> c.rank = (int) idValue(p, t);
                case "world_size" -> c.worldSize = (int) idValue(p, t);
                case "backend" -> c.backend = p.getText();
                default -> p.skipChildren();
            }
        }
    }
}
