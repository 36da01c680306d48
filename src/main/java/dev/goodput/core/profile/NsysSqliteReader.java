package dev.goodput.core.profile;

import dev.goodput.core.io.InputException;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Nsight Systems SQLite export ({@code nsys export --type sqlite}) into a {@link ProfileTrace}, so the
 * GPU breakdown written for Kineto traces applies unchanged: kernels, copies and sets become {@link GpuEvents}
 * named as Kineto names them ({@code Memcpy HtoD (Pageable -> Device)}, {@code Memset (Device)}, demangled kernel
 * names), CUDA API calls become {@link RuntimeCalls} by correlation id, NVTX ranges such as
 * {@code ProfilerStep#N} or {@code step N} become CPU-side {@link StepAnnotation}s, and TARGET_INFO_GPU becomes
 * {@link DeviceInfo}.
 *
 * <p>Times are nsys timestamps (ns since the session start), stored as they are; {@code baseTimeNs} is the session
 * start (TARGET_INFO_SESSION_START_TIME.utcEpochNs) when the export has it, else 0. Tables and columns vary by
 * nsys version and by what was traced: every table is optional and columns are looked up by name. The database
 * is opened read-only and immutable through a percent-encoded {@code file:} URI ({@link #readOnlyUri}): it is
 * never modified, nothing is written beside it, and exactly the file named is read.
 *
 * <p>One export may hold several processes (e.g. {@code nsys profile torchrun ...} traces every rank), whose
 * correlation ids collide. {@link #read} keeps the process with the most kernels and warns; {@link #readAll}
 * returns one trace per process.
 */
public final class NsysSqliteReader {
    static final String EXPECTED = "expected an Nsight Systems SQLite export (nsys export --type sqlite)";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private static final String KERNEL = "CUPTI_ACTIVITY_KIND_KERNEL";
    private static final String MEMCPY = "CUPTI_ACTIVITY_KIND_MEMCPY";
    private static final String MEMSET = "CUPTI_ACTIVITY_KIND_MEMSET";
    private static final String RUNTIME = "CUPTI_ACTIVITY_KIND_RUNTIME";
    /** Driver API calls; current nsys puts them in the RUNTIME table, but read a separate table if one exists. */
    private static final String DRIVER = "CUPTI_ACTIVITY_KIND_DRIVER";
    private static final String GRAPH = "CUPTI_ACTIVITY_KIND_GRAPH_TRACE";
    private static final String NVTX = "NVTX_EVENTS";
    private static final String STRINGS = "StringIds";
    private static final String GPU_INFO = "TARGET_INFO_GPU";
    private static final String CUDA_DEVICE = "TARGET_INFO_CUDA_DEVICE";
    private static final String SESSION_START = "TARGET_INFO_SESSION_START_TIME";
    private static final String COPY_KINDS = "ENUM_CUDA_MEMCPY_OPER";
    private static final String MEMORY_KINDS = "ENUM_CUDA_MEM_KIND";

    /** CUDA_MEMCPY_KIND values of the nsys schema (same numbering as CUPTI), as Kineto spells them. */
    private static final Map<Integer, String> COPY_KIND = Map.ofEntries(Map.entry(0, "Unknown"),
            Map.entry(1, "HtoD"), Map.entry(2, "DtoH"), Map.entry(3, "HtoA"), Map.entry(4, "AtoH"),
            Map.entry(5, "AtoA"), Map.entry(6, "AtoD"), Map.entry(7, "DtoA"), Map.entry(8, "DtoD"),
            Map.entry(9, "HtoH"), Map.entry(10, "PtoP"), Map.entry(11, "HtoD"), Map.entry(12, "DtoH"),
            Map.entry(13, "DtoD"));
    /** CUDA_MEMOPR_MEMORY_KIND values of the nsys schema (not CUPTI's numbering), labelled as Kineto labels. */
    private static final Map<Integer, String> MEMORY_KIND = Map.of(0, "Pageable", 1, "Pinned", 2, "Device",
            3, "Array", 4, "Managed", 5, "Device Static", 6, "Managed Static", 7, "Unknown");

    /** NVTX_EVENTS.eventType values that are not ranges: category, mark, thread name, domain create/destroy. */
    private static final String NOT_RANGES = "33, 34, 39, 75, 76";

    /**
     * A training-step range: {@code ProfilerStep#12}, {@code step 12}, {@code Step_12}, {@code train_step 12},
     * {@code iteration 12}, {@code iter 12}, optionally {@code 12/1000} or a {@code , ...} suffix.
     */
    private static final Pattern STEP = Pattern.compile(
            "^\\s*(?<family>ProfilerStep\\s*#|train[\\s_-]?step|step|iteration|iter)[\\s_#:=-]*(?<n>\\d{1,18})"
                    + "\\s*(?:/\\s*\\d+\\s*)?(?:,.*)?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final List<String> FAMILY_PRIORITY = List.of("profilerstep", "trainstep", "step", "iteration");
    private static final Pattern FILE_RANK = Pattern.compile(
            "(?<!local)(?<!local_)(?<!local-)rank[_.-]?(\\d{1,6})(?!\\d)", Pattern.CASE_INSENSITIVE);

    /** Whether the file starts with the SQLite header ("SQLite format 3\0"): a cheap format sniff. */
    public static boolean looksLikeSqlite(Path file) {
        try {
            return hasSqliteHeader(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        }
    }

    /**
     * Reads the export. When it holds several processes with GPU work, reads the one with the most kernels and
     * says so in a warning.
     */
    public ProfileTrace read(Path file) throws IOException, InputException {
        try (Db db = Db.open(file)) {
            List<Process> processes = db.processes();
            if (processes.size() <= 1) {
                return readProcess(db, processes.isEmpty() ? null : processes.get(0), rankFromName(file), null);
            }
            Process main = processes.get(0);
            String others = processes.stream().map(p -> Long.toString(p.pid())).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            return readProcess(db, main, rankFromName(file), Problem.warning(db.source, "the export holds "
                    + processes.size() + " processes with GPU work (pids " + others + "); read pid " + main.pid()
                    + ", which has the most kernels"));
        }
    }

    /**
     * Reads every process with GPU work as its own trace, ordered by the first CUDA device each used, then pid.
     * Ranks are -1 when there are several processes (the export does not say which rank a process was); a
     * single process gets the rank from the file name, as {@link #read} does.
     */
    public List<ProfileTrace> readAll(Path file) throws IOException, InputException {
        try (Db db = Db.open(file)) {
            List<Process> processes = new ArrayList<>(db.processes());
            if (processes.size() <= 1) {
                return List.of(readProcess(db, processes.isEmpty() ? null : processes.get(0), rankFromName(file),
                        null));
            }
            processes.sort(Comparator.comparingInt(Process::firstDevice).thenComparingLong(Process::pid));
            List<ProfileTrace> traces = new ArrayList<>();
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                traces.add(readProcess(db, p, -1, Problem.warning(db.source, "pid " + p.pid() + ", process "
                        + (i + 1) + " of " + processes.size() + " with GPU work in the export")));
            }
            return traces;
        }
    }

    /**
     * The SQLite URI that opens exactly {@code file}, read-only and immutable: every byte of the absolute path
     * but unreserved characters and slashes is percent-encoded, so {@code ?}, {@code #}, {@code %} and non-ASCII
     * in a name can neither start URI parameters nor be decoded into another name. Immutable means SQLite takes
     * no locks and creates no {@code -wal}, {@code -shm} or {@code -journal} file beside the input; an export is
     * finished when it is read (a {@code -wal} left by a writer that never checkpointed is not read).
     */
    static String readOnlyUri(Path file) {
        String path = file.toAbsolutePath().toString();
        if (File.separatorChar != '/') {
            path = path.replace(File.separatorChar, '/');
        }
        if (!path.startsWith("/")) {
            path = "/" + path; // a Windows drive path: file:/C%3A/...
        }
        StringBuilder uri = new StringBuilder("file:");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || (c >= '0' && c <= '9')
                    || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                uri.append((char) c);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return uri.append("?mode=ro&immutable=1").toString();
    }

    /** The rank in a file name such as {@code trace_rank3.sqlite} or {@code rank-3}; -1 when none. */
    static int rankFromName(Path file) {
        Path name = file.getFileName();
        Matcher m = FILE_RANK.matcher(name == null ? "" : name.toString());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private ProfileTrace readProcess(Db db, Process process, int rank, Problem note) throws InputException {
        List<Problem> problems = new ArrayList<>();
        if (note != null) {
            problems.add(note);
        }
        try {
            GpuEvents.Builder gpu = new GpuEvents.Builder();
            Skipped skipped = new Skipped();
            if (db.has(KERNEL)) {
                readKernels(db, process, gpu, skipped);
            }
            int graphLaunches = readGraphLaunches(db, process, gpu, skipped);
            if (gpu.size() == 0) {
                problems.add(Problem.warning(db.source, db.has(KERNEL) ? "no CUDA kernels in the export"
                        : "no CUDA kernels in the export (no " + KERNEL + " table: was CUDA traced, nsys profile "
                        + "-t cuda?)"));
            }
            if (graphLaunches > 0) {
                problems.add(Problem.warning(db.source, graphLaunches + " CUDA graph launches are recorded whole "
                        + "(nsys --cuda-graph-trace=graph), as kernels named \"CUDA graph N\" counted as "
                        + "computation; profile with --cuda-graph-trace=node to see their kernels"));
            }
            readMemcpy(db, process, gpu, skipped);
            readMemset(db, process, gpu, skipped);
            RuntimeCalls.Builder runtime = new RuntimeCalls.Builder();
            readCalls(db, RUNTIME, process, runtime, skipped);
            readCalls(db, DRIVER, process, runtime, skipped);
            List<StepAnnotation> steps = readSteps(db, process, problems);
            List<DeviceInfo> devices = readDevices(db, process);
            long baseTimeNs = readBaseTime(db);
            if (skipped.rows > 0) {
                problems.add(Problem.warning(db.source, skipped.rows + " activity rows without a start time "
                        + "skipped"));
            }
            if (skipped.backwards > 0) {
                problems.add(Problem.warning(db.source, "expected activity rows to end at or after their start; "
                        + skipped.backwards + " skipped (the first in " + skipped.firstBackwards + ")"));
            }
            GpuEvents events = gpu.build();
            RuntimeCalls calls = runtime.build();
            if (events.size() == 0 && calls.size() == 0 && steps.isEmpty()) {
                // Nothing timed at all: no breakdown to give, and no exit 0 for an input where nothing was found.
                throw new InputException(db.source, EXPECTED + "; this one holds no timed activity (no kernels, "
                        + "copies, sets, CUDA calls or NVTX ranges): was it profiled with nsys profile -t cuda,nvtx?");
            }
            String backend = events.names().stream().anyMatch(n -> n.startsWith("nccl")) ? "nccl" : null;
            // Integer ns timestamps: fractionalTimestamps false, so no HTA-style rounding to whole µs.
            return new ProfileTrace(db.source.file(), "nsys", rank, 0, backend, baseTimeNs, devices, events,
                    calls, steps, List.of(), false, false, problems);
        } catch (SQLException e) {
            throw db.failure(e);
        }
    }

    // ---- GPU activity ----------------------------------------------------------------------------------------

    private static void readKernels(Db db, Process process, GpuEvents.Builder gpu, Skipped skipped)
            throws SQLException {
        Set<String> cols = db.columns(KERNEL);
        List<String> nameCols = new ArrayList<>();
        for (String c : List.of("demangledName", "shortName", "mangledName", "name")) {
            if (cols.contains(c.toLowerCase(Locale.ROOT))) {
                nameCols.add(c);
            }
        }
        StringBuilder sql = new StringBuilder("SELECT start, \"end\", ").append(col(cols, "deviceId", "-1"))
                .append(", ").append(col(cols, "streamId", "-1")).append(", ")
                .append(col(cols, "correlationId", "NULL"));
        for (String c : nameCols) {
            sql.append(", ").append(q(c));
        }
        sql.append(" FROM ").append(KERNEL).append(processFilter(cols, process, "globalPid"));
        try (PreparedStatement st = db.connection.prepareStatement(sql.toString());
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long start = rs.getLong(1);
                if (rs.wasNull()) {
                    skipped.rows++;
                    continue;
                }
                long end = end(rs, 2, start);
                if (skipped.backwards(KERNEL, start, end)) {
                    continue;
                }
                String name = null;
                for (int i = 0; i < nameCols.size() && (name == null || name.isEmpty()); i++) {
                    name = db.strings.resolve(rs.getObject(6 + i));
                }
                gpu.add(start, end, rs.getInt(4), rs.getInt(3), GpuEventKind.KERNEL,
                        name == null || name.isEmpty() ? "(unnamed kernel)" : name, correlation(rs, 5));
            }
        }
    }

    /** Graph launches traced whole: kept as kernels unless their kernels are also in the kernel table. */
    private static int readGraphLaunches(Db db, Process process, GpuEvents.Builder gpu, Skipped skipped)
            throws SQLException {
        if (!db.has(GRAPH)) {
            return 0;
        }
        Set<String> cols = db.columns(GRAPH);
        StringBuilder sql = new StringBuilder("SELECT start, \"end\", ").append(col(cols, "deviceId", "-1"))
                .append(", ").append(col(cols, "streamId", "-1")).append(", ")
                .append(col(cols, "correlationId", "NULL")).append(", ").append(col(cols, "graphId", "NULL"))
                .append(" FROM ").append(GRAPH).append(processFilter(cols, process, "globalPid"));
        Set<String> kernelCols = db.columns(KERNEL);
        if (cols.contains("correlationid") && kernelCols.contains("correlationid")) {
            String sameProcess = processCondition(kernelCols, process, "globalPid");
            sql.append(sql.indexOf(" WHERE ") >= 0 ? " AND " : " WHERE ")
                    .append("correlationId NOT IN (SELECT correlationId FROM ").append(KERNEL)
                    .append(" WHERE correlationId IS NOT NULL").append(sameProcess.isEmpty() ? "" : " AND " + sameProcess)
                    .append(")");
        }
        int n = 0;
        try (PreparedStatement st = db.connection.prepareStatement(sql.toString());
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long start = rs.getLong(1);
                if (rs.wasNull()) {
                    skipped.rows++;
                    continue;
                }
                long end = end(rs, 2, start);
                if (skipped.backwards(GRAPH, start, end)) {
                    continue;
                }
                long graphId = rs.getLong(6);
                String name = rs.wasNull() ? "CUDA graph" : "CUDA graph " + graphId;
                gpu.add(start, end, rs.getInt(4), rs.getInt(3), GpuEventKind.KERNEL, name,
                        correlation(rs, 5));
                n++;
            }
        }
        return n;
    }

    private static void readMemcpy(Db db, Process process, GpuEvents.Builder gpu, Skipped skipped)
            throws SQLException {
        if (!db.has(MEMCPY)) {
            return;
        }
        Set<String> cols = db.columns(MEMCPY);
        Map<Integer, String> copyKinds = db.copyKinds();
        Map<Integer, String> memoryKinds = db.memoryKinds();
        boolean srcDst = cols.contains("srckind") && cols.contains("dstkind");
        String sql = "SELECT start, \"end\", " + col(cols, "deviceId", "-1") + ", " + col(cols, "streamId", "-1")
                + ", " + col(cols, "correlationId", "NULL") + ", " + col(cols, "copyKind", "0") + ", "
                + col(cols, "srcKind", "NULL") + ", " + col(cols, "dstKind", "NULL") + " FROM " + MEMCPY
                + processFilter(cols, process, "globalPid");
        Map<Long, String> names = new HashMap<>();
        try (PreparedStatement st = db.connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long start = rs.getLong(1);
                if (rs.wasNull()) {
                    skipped.rows++;
                    continue;
                }
                long end = end(rs, 2, start);
                if (skipped.backwards(MEMCPY, start, end)) {
                    continue;
                }
                int kind = nullable(rs, 6);
                int src = nullable(rs, 7);
                int dst = nullable(rs, 8);
                long key = ((long) kind << 40) | ((long) (src & 0xFFFFF) << 20) | (dst & 0xFFFFF);
                String name = names.computeIfAbsent(key, k -> {
                    String direction = copyKinds.getOrDefault(kind, "Unknown");
                    return srcDst ? "Memcpy " + direction + " (" + memoryKinds.getOrDefault(src, "Unknown")
                            + " -> " + memoryKinds.getOrDefault(dst, "Unknown") + ")" : "Memcpy " + direction;
                });
                gpu.add(start, end, rs.getInt(4), rs.getInt(3), GpuEventKind.MEMCPY, name,
                        correlation(rs, 5));
            }
        }
    }

    private static void readMemset(Db db, Process process, GpuEvents.Builder gpu, Skipped skipped)
            throws SQLException {
        if (!db.has(MEMSET)) {
            return;
        }
        Set<String> cols = db.columns(MEMSET);
        Map<Integer, String> memoryKinds = db.memoryKinds();
        String kindCol = cols.contains("memkind") ? "memKind" : cols.contains("memorykind") ? "memoryKind" : null;
        String sql = "SELECT start, \"end\", " + col(cols, "deviceId", "-1") + ", " + col(cols, "streamId", "-1")
                + ", " + col(cols, "correlationId", "NULL") + ", " + (kindCol == null ? "NULL" : q(kindCol))
                + " FROM " + MEMSET + processFilter(cols, process, "globalPid");
        try (PreparedStatement st = db.connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long start = rs.getLong(1);
                if (rs.wasNull()) {
                    skipped.rows++;
                    continue;
                }
                long end = end(rs, 2, start);
                if (skipped.backwards(MEMSET, start, end)) {
                    continue;
                }
                int kind = rs.getInt(6);
                String label = rs.wasNull() ? "Device" : memoryKinds.getOrDefault(kind, "Unknown");
                gpu.add(start, end, rs.getInt(4), rs.getInt(3), GpuEventKind.MEMSET,
                        "Memset (" + label + ")", correlation(rs, 5));
            }
        }
    }

    private static void readCalls(Db db, String table, Process process, RuntimeCalls.Builder runtime,
                                  Skipped skipped) throws SQLException {
        if (!db.has(table)) {
            return;
        }
        Set<String> cols = db.columns(table);
        if (!cols.contains("correlationid")) {
            return;
        }
        String sql = "SELECT start, \"end\", correlationId FROM " + table
                + processFilter(cols, process, "globalTid");
        try (PreparedStatement st = db.connection.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long start = rs.getLong(1);
                if (rs.wasNull()) {
                    skipped.rows++;
                    continue;
                }
                long end = end(rs, 2, start);
                if (skipped.backwards(table, start, end)) {
                    continue;
                }
                long correlation = rs.getLong(3);
                if (!rs.wasNull()) {
                    runtime.add(correlation, start, end);
                }
            }
        }
    }

    // ---- NVTX steps ------------------------------------------------------------------------------------------

    private record Range(String family, long step, long start, long end) {
    }

    private static List<StepAnnotation> readSteps(Db db, Process process, List<Problem> problems)
            throws SQLException {
        if (!db.has(NVTX)) {
            return List.of();
        }
        Set<String> cols = db.columns(NVTX);
        boolean hasText = cols.contains("text");
        boolean hasTextId = cols.contains("textid") && db.has(STRINGS);
        if (!hasText && !hasTextId) {
            return List.of();
        }
        String text = hasText && hasTextId ? "COALESCE(n.text, s.value)" : hasText ? "n.text" : "s.value";
        StringBuilder sql = new StringBuilder("SELECT n.start, n.\"end\", ").append(text).append(" FROM ")
                .append(NVTX).append(" n");
        if (hasTextId) {
            sql.append(" LEFT JOIN ").append(STRINGS).append(" s ON s.id = n.textId");
        }
        sql.append(" WHERE n.\"end\" IS NOT NULL AND n.\"end\" > n.start AND (").append(text)
                .append(" LIKE '%step%' OR ").append(text).append(" LIKE '%iter%')");
        if (cols.contains("eventtype")) {
            sql.append(" AND (n.eventType IS NULL OR n.eventType NOT IN (").append(NOT_RANGES).append("))");
        }
        if (process != null && cols.contains("globaltid")) {
            sql.append(" AND (n.globalTid >> 24) = ").append(process.key());
        }
        List<Range> ranges = new ArrayList<>();
        try (Statement st = db.connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                String label = rs.getString(3);
                Matcher m = label == null ? null : STEP.matcher(label);
                if (m != null && m.matches()) {
                    String family = m.group("family").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                    ranges.add(new Range(family.equals("iter") ? "iteration" : family,
                            Long.parseLong(m.group("n")), rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        if (ranges.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Range r : ranges) {
            counts.merge(r.family(), 1, Integer::sum);
        }
        String family = counts.entrySet().stream().max(Comparator.<Map.Entry<String, Integer>>comparingInt(
                Map.Entry::getValue).thenComparing(e -> -priority(e.getKey()))).orElseThrow().getKey();
        if (counts.size() > 1) {
            problems.add(Problem.warning(db.source, "NVTX step ranges of several kinds " + counts.keySet()
                    + "; steps read from the \"" + family + "\" ranges only"));
        }
        return merge(ranges.stream().filter(r -> r.family().equals(family)).toList(), db.source, problems);
    }

    private static int priority(String family) {
        int i = FAMILY_PRIORITY.indexOf(family);
        return i < 0 ? FAMILY_PRIORITY.size() : i;
    }

    /** One step per number; overlapping ranges of the same number (nested, or per thread) are united. */
    private static List<StepAnnotation> merge(List<Range> ranges, Source source, List<Problem> problems) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::step).thenComparingLong(Range::start));
        List<StepAnnotation> steps = new ArrayList<>();
        Set<Long> repeated = new LinkedHashSet<>();
        StepAnnotation open = null;
        for (Range r : sorted) {
            if (open != null && open.step() == r.step() && r.start() < open.endNs()) {
                open = new StepAnnotation(r.step(), open.startNs(), Math.max(open.endNs(), r.end()), false);
                continue;
            }
            if (open != null) {
                if (open.step() == r.step()) {
                    repeated.add(r.step());
                }
                steps.add(open);
            }
            open = new StepAnnotation(r.step(), r.start(), r.end(), false);
        }
        steps.add(open);
        if (!repeated.isEmpty()) {
            problems.add(Problem.warning(source, "step numbers repeat in separate NVTX ranges: "
                    + repeated.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + (repeated.size() > 10 ? ", ..." : "")));
        }
        steps.sort(Comparator.comparingLong(StepAnnotation::startNs));
        return steps;
    }

    // ---- devices and session -----------------------------------------------------------------------------

    private record Gpu(String name, int major, int minor, int sms, long memory) {
    }

    private static List<DeviceInfo> readDevices(Db db, Process process) throws SQLException {
        Map<Long, Gpu> gpus = new LinkedHashMap<>();
        Map<Long, Long> cudaIdOf = new HashMap<>();
        if (db.has(GPU_INFO)) {
            Set<String> c = db.columns(GPU_INFO);
            String id = first(c, "id", "gpuId", "deviceId");
            if (id != null) {
                String sql = "SELECT " + q(id) + ", " + firstOr(c, "NULL", "name", "productName", "chipName") + ", "
                        + firstOr(c, "0", "computeMajor", "computeCapabilityMajor", "ccMajor") + ", "
                        + firstOr(c, "0", "computeMinor", "computeCapabilityMinor", "ccMinor") + ", "
                        + firstOr(c, "0", "smCount", "numMultiprocessors", "multiProcessorCount", "numSMs") + ", "
                        + firstOr(c, "0", "totalMemory", "memorySize", "totalGlobalMem", "globalMemorySize") + ", "
                        + firstOr(c, "NULL", "cudaId", "cuDevice") + " FROM " + GPU_INFO + " ORDER BY " + q(id);
                try (Statement st = db.connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        long gpuId = rs.getLong(1);
                        gpus.putIfAbsent(gpuId, new Gpu(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                                rs.getLong(6)));
                        long cudaId = rs.getLong(7);
                        if (!rs.wasNull()) {
                            cudaIdOf.putIfAbsent(gpuId, cudaId);
                        }
                    }
                }
            }
        }
        // TARGET_INFO_CUDA_DEVICE maps each process's CUDA device ids (what kernels carry) to TARGET_INFO_GPU ids.
        Map<Long, Long> mapped = cudaDevices(db, process);
        Map<Long, DeviceInfo> devices = new TreeMap<>();
        if (!mapped.isEmpty()) {
            for (Map.Entry<Long, Long> e : mapped.entrySet()) {
                Gpu g = gpus.get(e.getValue());
                devices.put(e.getKey(), g == null ? new DeviceInfo(e.getKey().intValue(), null, 0, 0, 0, 0)
                        : new DeviceInfo(e.getKey().intValue(), g.name(), g.major(), g.minor(), g.sms(), g.memory()));
            }
        } else {
            for (Map.Entry<Long, Gpu> e : gpus.entrySet()) {
                long id = cudaIdOf.getOrDefault(e.getKey(), e.getKey());
                Gpu g = e.getValue();
                devices.putIfAbsent(id, new DeviceInfo((int) id, g.name(), g.major(), g.minor(), g.sms(),
                        g.memory()));
            }
        }
        return List.copyOf(devices.values());
    }

    /** CUDA device id → TARGET_INFO_GPU id for the process (or the only process mapped); empty when unknown. */
    private static Map<Long, Long> cudaDevices(Db db, Process process) throws SQLException {
        if (!db.has(CUDA_DEVICE)) {
            return Map.of();
        }
        Set<String> c = db.columns(CUDA_DEVICE);
        if (!c.contains("gpuid") || !c.contains("cudaid")) {
            return Map.of();
        }
        boolean hasPid = c.contains("pid");
        Map<Long, Map<Long, Long>> byPid = new HashMap<>();
        String sql = "SELECT cudaId, gpuId, " + (hasPid ? "pid" : "0") + " FROM " + CUDA_DEVICE
                + " WHERE cudaId IS NOT NULL AND gpuId IS NOT NULL";
        try (Statement st = db.connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                byPid.computeIfAbsent(rs.getLong(3), k -> new TreeMap<>()).putIfAbsent(rs.getLong(1), rs.getLong(2));
            }
        }
        if (process != null && byPid.containsKey(process.pid())) {
            return byPid.get(process.pid());
        }
        return byPid.size() == 1 ? byPid.values().iterator().next() : Map.of();
    }

    private static long readBaseTime(Db db) throws SQLException {
        if (!db.has(SESSION_START) || !db.columns(SESSION_START).contains("utcepochns")) {
            return 0;
        }
        try (Statement st = db.connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT utcEpochNs FROM " + SESSION_START
                     + " WHERE utcEpochNs IS NOT NULL LIMIT 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    // ---- SQL helpers -----------------------------------------------------------------------------------------

    /** Rows left out: without a start, or ending before they start (read as spans of centuries otherwise). */
    private static final class Skipped {
        long rows;
        long backwards;
        String firstBackwards;

        boolean backwards(String table, long start, long end) {
            if (end >= start) {
                return false;
            }
            if (backwards++ == 0) {
                firstBackwards = table + ": start " + start + " ns, end " + end + " ns";
            }
            return true;
        }
    }

    private static long end(ResultSet rs, int column, long start) throws SQLException {
        long end = rs.getLong(column);
        return rs.wasNull() ? start : end;
    }

    /** The int, or -1 for NULL (no kind has that id, so it reads as "Unknown"). */
    private static int nullable(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? -1 : v;
    }

    private static long correlation(ResultSet rs, int column) throws SQLException {
        long c = rs.getLong(column);
        return rs.wasNull() ? -1 : c;
    }

    private static String q(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static String col(Set<String> cols, String name, String otherwise) {
        return cols.contains(name.toLowerCase(Locale.ROOT)) ? q(name) : otherwise;
    }

    private static String first(Set<String> cols, String... names) {
        for (String n : names) {
            if (cols.contains(n.toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        return null;
    }

    private static String firstOr(Set<String> cols, String otherwise, String... names) {
        String n = first(cols, names);
        return n == null ? otherwise : q(n);
    }

    /** " WHERE (idColumn >> 24) = key" when the table names processes and one is chosen, else "". */
    private static String processFilter(Set<String> cols, Process process, String idColumn) {
        String c = processCondition(cols, process, idColumn);
        return c.isEmpty() ? "" : " WHERE " + c;
    }

    private static String processCondition(Set<String> cols, Process process, String idColumn) {
        return process != null && cols.contains(idColumn.toLowerCase(Locale.ROOT))
                ? "(" + q(idColumn) + " >> 24) = " + process.key() : "";
    }

    /**
     * A process with GPU work. nsys serializes ids as {@code hw << 56 | vm << 48 | pid << 24 | tid}; a globalPid
     * has tid 0, so {@code id >> 24} names the process in both globalPid and globalTid columns.
     */
    private record Process(long globalPid, long kernels, int firstDevice) {
        long pid() {
            return (globalPid >> 24) & 0xFFFFFF;
        }

        long key() {
            return globalPid >> 24;
        }
    }

    /** StringIds lookups, cached: kernel names repeat millions of times but are few. */
    private static final class Strings {
        private final Connection connection;
        private final boolean present;
        private final Map<Long, String> cache = new HashMap<>();
        private PreparedStatement lookup;

        Strings(Connection connection, boolean present) {
            this.connection = connection;
            this.present = present;
        }

        /** An id into StringIds, or a name stored inline (some exports and tools do). */
        String resolve(Object value) throws SQLException {
            if (value == null) {
                return null;
            }
            if (!(value instanceof Number n)) {
                return value.toString();
            }
            long id = n.longValue();
            if (!present) {
                return null;
            }
            if (cache.containsKey(id)) {
                return cache.get(id);
            }
            if (lookup == null) {
                lookup = connection.prepareStatement("SELECT value FROM " + STRINGS + " WHERE id = ?");
            }
            lookup.setLong(1, id);
            String s = null;
            try (ResultSet rs = lookup.executeQuery()) {
                if (rs.next()) {
                    s = rs.getString(1);
                }
            }
            cache.put(id, s);
            return s;
        }

        void close() throws SQLException {
            if (lookup != null) {
                lookup.close();
            }
        }
    }

    /** The open, read-only export and its schema: table → lower-cased column names. */
    private static final class Db implements AutoCloseable {
        final Source source;
        final Connection connection;
        final Strings strings;
        private final Map<String, Set<String>> tables;

        private Db(Source source, Connection connection, Map<String, Set<String>> tables) {
            this.source = source;
            this.connection = connection;
            this.tables = tables;
            this.strings = new Strings(connection, has(STRINGS));
        }

        static Db open(Path file) throws IOException, InputException {
            Source source = new Source(file.toString(), 0);
            if (Files.isDirectory(file)) {
                throw new InputException(source, EXPECTED + "; this is a directory");
            }
            if (!hasSqliteHeader(file)) {
                String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
                throw new InputException(source, EXPECTED + (name.endsWith(".nsys-rep") || name.endsWith(".qdrep")
                        ? "; this is an Nsight Systems report: run nsys export --type sqlite on it first" : ""));
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.OPEN_URI); // the name is a file: URI, whatever SQLite's build default
            Connection connection;
            try {
                connection = DriverManager.getConnection("jdbc:sqlite:" + readOnlyUri(file), config.toProperties());
            } catch (SQLException e) {
                throw new InputException(source, EXPECTED + "; " + sqliteSays(e), e);
            }
            try {
                Map<String, Set<String>> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                List<String> names = new ArrayList<>();
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String t : names) {
                    Set<String> cols = new LinkedHashSet<>();
                    try (Statement st = connection.createStatement();
                         ResultSet rs = st.executeQuery("PRAGMA table_info(" + q(t.replace("\"", "\"\"")) + ")")) {
                        while (rs.next()) {
                            cols.add(rs.getString("name").toLowerCase(Locale.ROOT));
                        }
                    }
                    tables.put(t, cols);
                }
                boolean nsys = tables.keySet().stream().anyMatch(t -> t.equalsIgnoreCase(STRINGS)
                        || t.equalsIgnoreCase(NVTX) || t.toUpperCase(Locale.ROOT).startsWith("CUPTI_ACTIVITY_KIND_")
                        || t.toUpperCase(Locale.ROOT).startsWith("TARGET_INFO_")
                        || t.toUpperCase(Locale.ROOT).startsWith("META_DATA_"));
                if (!nsys) {
                    throw new InputException(source, EXPECTED + "; this SQLite database has none of its tables "
                            + "(StringIds, CUPTI_ACTIVITY_KIND_*, NVTX_EVENTS, TARGET_INFO_*)");
                }
                return new Db(source, connection, tables);
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new InputException(source, EXPECTED + "; " + sqliteSays(e), e);
            } catch (InputException | RuntimeException e) {
                closeQuietly(connection);
                throw e;
            }
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }

        boolean has(String table) {
            return tables.containsKey(table);
        }

        Set<String> columns(String table) {
            return tables.getOrDefault(table, Set.of());
        }

        InputException failure(SQLException e) {
            return new InputException(source, EXPECTED + "; " + sqliteSays(e), e);
        }

        /**
         * The driver's "[SQLITE_NOTADB] File opened that is not a database file (file is not a database)" in
         * plain words: what is wrong with the file, not the driver's code.
         */
        private static String sqliteSays(SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("[SQLITE_NOTADB]")) {
                return "the file is not an SQLite database (damaged, or not an export?)";
            }
            if (m.startsWith("[SQLITE_CORRUPT]")) {
                return "the database is damaged (cut short while copying?)";
            }
            return "SQLite says: " + m.replaceFirst("^\\[SQLITE_\\w+\\]\\s*", "");
        }


        /** Processes with kernels, most kernels first; empty when the kernel table does not name processes. */
        List<Process> processes() throws InputException {
            if (!has(KERNEL) || !columns(KERNEL).contains("globalpid")) {
                return List.of();
            }
            String device = columns(KERNEL).contains("deviceid") ? "MIN(deviceId)" : "0";
            List<Process> out = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT globalPid >> 24, COUNT(*), " + device + " FROM " + KERNEL
                         + " WHERE globalPid IS NOT NULL GROUP BY globalPid >> 24 ORDER BY 2 DESC, 1")) {
                while (rs.next()) {
                    out.add(new Process(rs.getLong(1) << 24, rs.getLong(2), rs.getInt(3)));
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            return out;
        }

        /** CUDA_MEMCPY_KIND id → "HtoD" etc., from ENUM_CUDA_MEMCPY_OPER when present, else the documented enum. */
        Map<Integer, String> copyKinds() throws SQLException {
            Map<Integer, String> kinds = new HashMap<>(COPY_KIND);
            for (Map.Entry<Integer, String> e : enumNames(COPY_KINDS).entrySet()) {
                String n = e.getValue().toUpperCase(Locale.ROOT).replace("CUDA_MEMCPY_KIND_", "").replace("UVM_", "");
                Matcher m = Pattern.compile("^([A-Z])TO([A-Z])$").matcher(n);
                if (m.matches()) {
                    kinds.put(e.getKey(), m.group(1) + "to" + m.group(2));
                } else if (n.equals("UNKNOWN")) {
                    kinds.put(e.getKey(), "Unknown");
                }
            }
            return kinds;
        }

        /** CUDA_MEMOPR_MEMORY_KIND id → "Device" etc., from ENUM_CUDA_MEM_KIND when present, else documented. */
        Map<Integer, String> memoryKinds() throws SQLException {
            Map<Integer, String> kinds = new HashMap<>(MEMORY_KIND);
            if (!has(MEMORY_KINDS)) {
                return kinds;
            }
            Set<String> c = columns(MEMORY_KINDS);
            if (c.contains("id") && c.contains("label")) {
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery("SELECT id, label FROM " + MEMORY_KINDS)) {
                    while (rs.next()) {
                        String label = rs.getString(2);
                        if (label != null && !label.isBlank()) {
                            kinds.put(rs.getInt(1), label);
                        }
                    }
                }
            } else {
                for (Map.Entry<Integer, String> e : enumNames(MEMORY_KINDS).entrySet()) {
                    String n = e.getValue().toUpperCase(Locale.ROOT).replace("CUDA_MEMOPR_MEMORY_KIND_", "");
                    StringBuilder label = new StringBuilder();
                    for (String w : n.split("_")) {
                        if (!w.isEmpty()) {
                            label.append(label.length() == 0 ? "" : " ").append(w.charAt(0))
                                    .append(w.substring(1).toLowerCase(Locale.ROOT));
                        }
                    }
                    kinds.put(e.getKey(), label.toString());
                }
            }
            return kinds;
        }

        private Map<Integer, String> enumNames(String table) throws SQLException {
            Set<String> c = columns(table);
            if (!c.contains("id") || !c.contains("name")) {
                return Map.of();
            }
            Map<Integer, String> names = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, name FROM " + table + " WHERE name IS NOT NULL")) {
                while (rs.next()) {
                    names.put(rs.getInt(1), rs.getString(2));
                }
            }
            return names;
        }

        @Override
        public void close() throws InputException {
            try {
                strings.close();
                connection.close();
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }
}
