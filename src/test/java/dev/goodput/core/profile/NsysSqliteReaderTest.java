package dev.goodput.core.profile;

import dev.goodput.core.io.InputException;
import dev.goodput.core.model.Problem;
import dev.goodput.core.profile.analysis.GpuSelection;
import dev.goodput.core.profile.analysis.TemporalBreakdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsysSqliteReaderTest {
    private static final long SESSION_START = 1_726_000_000_000_000_000L;
    private static final String GEMM = "sm90_xmma_gemm_bf16bf16_bf16f32_f32_tn_n_tilesize128x128x64";
    private static final String GEMM_DEMANGLED = "void cutlass::Kernel2<" + GEMM + ">(Params)";
    private static final String ELEMENTWISE =
            "void at::native::vectorized_elementwise_kernel<4, at::native::FillFunctor<float>>(int, T2, T3)";
    private static final String NCCL = "ncclDevKernel_AllReduce_Sum_bf16_RING_LL(ncclDevKernelArgsStorage<4096ul>)";

    @TempDir
    Path dir;

    private final NsysSqliteReader reader = new NsysSqliteReader();

    // ---- fixtures --------------------------------------------------------------------------------------------

    /** globalTid as nsys serializes it: hw << 56 | vm << 48 | pid << 24 | tid (globalPid has tid 0). */
    private static long gid(long pid, long tid) {
        return (1L << 48) | (pid << 24) | tid;
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
    }

    private static void insert(Connection c, String table, Object... values) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement st = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            st.executeUpdate();
        }
    }

    private static void createStrings(Connection c) throws SQLException {
        exec(c, "CREATE TABLE StringIds (id INTEGER NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
        String[] strings = {GEMM, GEMM_DEMANGLED, "vectorized_elementwise_kernel", ELEMENTWISE,
                "ncclDevKernel_AllReduce_Sum_bf16_RING_LL", NCCL, "cudaLaunchKernel_v7000", "cudaMemcpyAsync_v3020",
                "cudaMemsetAsync_v3020", "ProfilerStep#2", "cudaStreamSynchronize_v3020"};
        for (int i = 0; i < strings.length; i++) {
            insert(c, "StringIds", i + 1, strings[i]);
        }
    }

    private static void createKernels(Connection c) throws SQLException {
        exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_KERNEL (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                + "deviceId INTEGER NOT NULL, contextId INTEGER NOT NULL, greenContextId INTEGER, "
                + "streamId INTEGER NOT NULL, correlationId INTEGER, globalPid INTEGER, demangledName INTEGER NOT NULL, "
                + "shortName INTEGER NOT NULL, mangledName INTEGER, launchType INTEGER, gridX INTEGER NOT NULL, "
                + "gridY INTEGER NOT NULL, gridZ INTEGER NOT NULL, blockX INTEGER NOT NULL, blockY INTEGER NOT NULL, "
                + "blockZ INTEGER NOT NULL, registersPerThread INTEGER NOT NULL)");
    }

    private static void kernel(Connection c, long start, long end, int device, int stream, long corr, long pid,
                               int demangled, int shortName) throws SQLException {
        insert(c, "CUPTI_ACTIVITY_KIND_KERNEL", start, end, device, 1, null, stream, corr, gid(pid, 0), demangled,
                shortName, null, 0, 132, 1, 1, 128, 1, 1, 64);
    }

    /** A full single-process export as nsys 2024.x writes it (columns trimmed to the ones that matter). */
    private Path fullExport(String name) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = connect(file)) {
            createStrings(c);
            createKernels(c);
            long pid = 4242;
            kernel(c, 2_000, 3_000, 0, 7, 101, pid, 2, 1);
            kernel(c, 3_100, 3_900, 0, 7, 102, pid, 4, 3);
            kernel(c, 1_000, 1_500, 0, 7, 100, pid, 4, 3);
            kernel(c, 4_000, 9_000, 0, 21, 103, pid, 6, 5);
            kernel(c, 12_000, 13_000, 0, 7, 110, pid, 2, 1);
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_MEMCPY (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "deviceId INTEGER NOT NULL, contextId INTEGER NOT NULL, greenContextId INTEGER, "
                    + "streamId INTEGER NOT NULL, correlationId INTEGER, globalPid INTEGER, bytes INTEGER NOT NULL, "
                    + "copyKind INTEGER NOT NULL, deprecatedSrcId INTEGER, srcKind INTEGER, dstKind INTEGER, "
                    + "srcDeviceId INTEGER, srcContextId INTEGER, dstDeviceId INTEGER, dstContextId INTEGER, "
                    + "migrationCause INTEGER, graphNodeId INTEGER, virtualAddress INTEGER)");
            insert(c, "CUPTI_ACTIVITY_KIND_MEMCPY", 500, 900, 0, 1, null, 13, 99, gid(pid, 0), 4096, 1, null, 0, 2,
                    null, null, null, null, null, null, null);
            insert(c, "CUPTI_ACTIVITY_KIND_MEMCPY", 10_000, 10_400, 0, 1, null, 13, 105, gid(pid, 0), 8, 2, null, 2,
                    1, null, null, null, null, null, null, null);
            insert(c, "CUPTI_ACTIVITY_KIND_MEMCPY", 10_500, 10_600, 0, 1, null, 7, 106, gid(pid, 0), 8, 8, null, 2,
                    2, null, null, null, null, null, null, null);
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_MEMSET (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "deviceId INTEGER NOT NULL, contextId INTEGER NOT NULL, greenContextId INTEGER, "
                    + "streamId INTEGER NOT NULL, correlationId INTEGER, globalPid INTEGER, value INTEGER NOT NULL, "
                    + "bytes INTEGER NOT NULL, graphNodeId INTEGER, memKind INTEGER)");
            insert(c, "CUPTI_ACTIVITY_KIND_MEMSET", 1_600, 1_700, 0, 1, null, 7, 104, gid(pid, 0), 0, 1024, null, 2);
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_RUNTIME (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "eventClass INTEGER NOT NULL, globalTid INTEGER, correlationId INTEGER, nameId INTEGER NOT NULL, "
                    + "returnValue INTEGER NOT NULL, callchainId INTEGER)");
            long tid = gid(pid, 4243);
            Object[][] calls = {{400, 450, 99, 8}, {900, 950, 100, 7}, {1_900, 1_950, 101, 7},
                    {2_000, 2_050, 102, 7}, {1_550, 1_580, 104, 9}, {3_950, 3_990, 103, 7},
                    {9_900, 9_950, 105, 8}, {10_450, 10_480, 106, 8}, {11_000, 11_900, 107, 11},
                    {11_950, 11_990, 110, 7}};
            for (Object[] r : calls) {
                insert(c, "CUPTI_ACTIVITY_KIND_RUNTIME", r[0], r[1], 1, tid, r[2], r[3], 0, null);
            }
            exec(c, "CREATE TABLE NVTX_EVENTS (start INTEGER NOT NULL, end INTEGER, eventType INTEGER NOT NULL, "
                    + "rangeId INTEGER, category INTEGER, color INTEGER, text TEXT, globalTid INTEGER, "
                    + "endGlobalTid INTEGER, textId INTEGER, domainId INTEGER, uint64Value INTEGER, "
                    + "int64Value INTEGER, doubleValue REAL, uint32Value INTEGER, int32Value INTEGER, "
                    + "floatValue REAL, jsonTextId INTEGER, jsonText TEXT)");
            insert(c, "NVTX_EVENTS", 300, 6_000, 59, null, null, null, "ProfilerStep#1", tid, null, null, 0, null,
                    null, null, null, null, null, null, null);
            // the second step's text is a registered string (textId), as nvtxDomainRegisterString makes it
            insert(c, "NVTX_EVENTS", 6_000, 14_000, 59, null, null, null, null, tid, null, 10, 0, null, null, null,
                    null, null, null, null, null);
            insert(c, "NVTX_EVENTS", 350, 2_000, 59, null, null, null, "aten::mm", tid, null, null, 0, null, null,
                    null, null, null, null, null, null);
            insert(c, "NVTX_EVENTS", 5_000, null, 34, null, null, null, "step 99 marker", tid, null, null, 0, null,
                    null, null, null, null, null, null, null);
            insert(c, "NVTX_EVENTS", 6_100, 6_200, 59, null, null, null, "Optimizer.step#AdamW.step", tid, null,
                    null, 0, null, null, null, null, null, null, null, null);
            exec(c, "CREATE TABLE TARGET_INFO_GPU (vmId INTEGER NOT NULL, id INTEGER NOT NULL, name TEXT, "
                    + "busLocation TEXT, isDiscrete INTEGER, l2CacheSize INTEGER, totalMemory INTEGER, "
                    + "memoryBandwidth INTEGER, clockRate INTEGER, smCount INTEGER, pwGpuId INTEGER, uuid TEXT, "
                    + "luid INTEGER, chipName TEXT, computeMajor INTEGER, computeMinor INTEGER)");
            insert(c, "TARGET_INFO_GPU", 0, 0, "NVIDIA H100 80GB HBM3", "0000:18:00.0", 1, 52_428_800,
                    85_520_809_984L, 3_352_320_000_000L, 1_980_000_000, 132, 0, "GPU-abc", null, "GH100", 9, 0);
            exec(c, "CREATE TABLE TARGET_INFO_SESSION_START_TIME (utcEpochNs INTEGER, utcTime TEXT, localTime TEXT)");
            insert(c, "TARGET_INFO_SESSION_START_TIME", SESSION_START, "2024-09-10T20:26:40Z", "");
            exec(c, "CREATE TABLE ENUM_CUDA_MEMCPY_OPER (id INTEGER PRIMARY KEY, name TEXT, label TEXT)",
                    "INSERT INTO ENUM_CUDA_MEMCPY_OPER VALUES (0, 'CUDA_MEMCPY_KIND_UNKNOWN', 'Unknown'), "
                            + "(1, 'CUDA_MEMCPY_KIND_HTOD', 'Host-to-Device'), "
                            + "(2, 'CUDA_MEMCPY_KIND_DTOH', 'Device-to-Host'), "
                            + "(8, 'CUDA_MEMCPY_KIND_DTOD', 'Device-to-Device')",
                    "CREATE TABLE ENUM_CUDA_MEM_KIND (id INTEGER PRIMARY KEY, name TEXT, label TEXT)",
                    "INSERT INTO ENUM_CUDA_MEM_KIND VALUES (0, 'CUDA_MEMOPR_MEMORY_KIND_PAGEABLE', 'Pageable'), "
                            + "(1, 'CUDA_MEMOPR_MEMORY_KIND_PINNED', 'Pinned'), "
                            + "(2, 'CUDA_MEMOPR_MEMORY_KIND_DEVICE', 'Device')");
        }
        return file;
    }

    private static List<String> problems(ProfileTrace t) {
        return t.problems().stream().map(Problem::message).toList();
    }

    private static int find(GpuEvents g, long correlation) {
        for (int i = 0; i < g.size(); i++) {
            if (g.correlation(i) == correlation) {
                return i;
            }
        }
        throw new AssertionError("no event with correlation " + correlation);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    // ---- tests -----------------------------------------------------------------------------------------------

    @Test
    void readsKernelsCopiesSetsInTimeOrderWithKinetoNames() throws Exception {
        ProfileTrace t = reader.read(fullExport("report.sqlite"));
        assertEquals("nsys", t.format());
        assertEquals(dir.resolve("report.sqlite").toString(), t.file());
        assertEquals(-1, t.rank());
        assertEquals(0, t.worldSize());
        assertEquals("nccl", t.backend());
        assertEquals(SESSION_START, t.baseTimeNs());
        assertTrue(t.cpuOps().isEmpty());
        assertFalse(t.recordShapes());

        GpuEvents g = t.gpu();
        assertEquals(9, g.size());
        for (int i = 1; i < g.size(); i++) {
            assertTrue(g.startNs(i - 1) <= g.startNs(i), "sorted by start");
        }
        List<String> names = new ArrayList<>();
        List<GpuEventKind> kinds = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            names.add(g.name(i));
            kinds.add(g.kind(i));
        }
        assertEquals(List.of("Memcpy HtoD (Pageable -> Device)", ELEMENTWISE, "Memset (Device)", GEMM_DEMANGLED,
                ELEMENTWISE, NCCL, "Memcpy DtoH (Device -> Pinned)", "Memcpy DtoD (Device -> Device)",
                GEMM_DEMANGLED), names);
        assertEquals(List.of(GpuEventKind.MEMCPY, GpuEventKind.KERNEL, GpuEventKind.MEMSET, GpuEventKind.KERNEL,
                GpuEventKind.KERNEL, GpuEventKind.KERNEL, GpuEventKind.MEMCPY, GpuEventKind.MEMCPY,
                GpuEventKind.KERNEL), kinds);

        int nccl = find(g, 103);
        assertEquals(4_000, g.startNs(nccl));
        assertEquals(9_000, g.endNs(nccl));
        assertEquals(21, g.stream(nccl));
        assertEquals(0, g.device(nccl));
        assertEquals(KernelClass.COMMUNICATION, KernelClass.of(g.name(nccl)));
        assertEquals(KernelClass.MEMORY, KernelClass.of(g.name(find(g, 99))));
        assertEquals(KernelClass.MEMORY, KernelClass.of(g.name(find(g, 104))));
        assertEquals(KernelClass.COMPUTATION, KernelClass.of(g.name(find(g, 101))));
        assertEquals(13, g.stream(find(g, 99)));
        assertEquals(7, g.stream(find(g, 104)));
        assertEquals(g.nameIndex(find(g, 101)), g.nameIndex(find(g, 110)), "equal names share an index");
    }

    @Test
    void theProfileLoaderDetectsAnExportAndTheAnalysisBreaksItDown() throws Exception {
        Path db = fullExport("rank3.sqlite");
        assertTrue(ProfileLoader.isProfile(db));
        List<ProfileTrace> traces = ProfileLoader.load(List.of(db));
        assertEquals(1, traces.size());
        var p = dev.goodput.core.profile.analysis.ProfileAnalyzer.analyze(traces.get(0),
                dev.goodput.core.profile.analysis.ProfileSettings.defaults());
        assertEquals(List.of(1L), p.steps()); // step 2 of 2 dropped, as HTA does
        var t = p.temporal();
        assertEquals(t.spanNs(), t.idleNs() + t.computeNs() + t.nonComputeNs());
        assertEquals("NVIDIA H100 80GB HBM3", p.device());
    }

    @Test
    void correlatesGpuEventsWithTheirRuntimeCalls() throws Exception {
        ProfileTrace t = reader.read(fullExport("report.sqlite"));
        RuntimeCalls r = t.runtime();
        assertEquals(10, r.size());
        int gemm = find(t.gpu(), 101);
        int call = r.find(t.gpu().correlation(gemm));
        assertTrue(call >= 0);
        assertEquals(1_900, r.startNs(call));
        assertEquals(1_950, r.endNs(call));
        int memset = r.find(104);
        assertEquals(1_550, r.startNs(memset));
        assertEquals(-1, r.find(12345));
    }

    @Test
    void nvtxProfilerStepRangesBecomeCpuSteps() throws Exception {
        ProfileTrace t = reader.read(fullExport("report.sqlite"));
        assertEquals(List.of(new StepAnnotation(1, 300, 6_000, false), new StepAnnotation(2, 6_000, 14_000, false)),
                t.steps());
        assertEquals(t.steps(), t.cpuSteps());
    }

    @Test
    void targetInfoGpuBecomesTheDevice() throws Exception {
        ProfileTrace t = reader.read(fullExport("report.sqlite"));
        assertEquals(List.of(new DeviceInfo(0, "NVIDIA H100 80GB HBM3", 9, 0, 132, 85_520_809_984L)), t.devices());
        assertEquals("NVIDIA H100 80GB HBM3", t.deviceName());
        assertTrue(t.problems().isEmpty(), () -> problems(t).toString());
    }

    @Test
    void theKinetoGpuBreakdownAppliesUnchanged() throws Exception {
        ProfileTrace t = reader.read(fullExport("report.sqlite"));
        // two steps: as HTA, the last one is dropped (events launched from 6000 ns on)
        GpuSelection s = GpuSelection.of(t);
        assertEquals(6, s.size());
        assertEquals(List.of(1L), s.steps());
        TemporalBreakdown b = TemporalBreakdown.of(s);
        assertEquals(8_500, b.spanNs());
        assertEquals(700, b.idleNs());
        assertEquals(2_300, b.computeNs());
        assertEquals(5_500, b.nonComputeNs());
    }

    @Test
    void theExportIsNotModified() throws Exception {
        Path file = fullExport("report.sqlite");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        String before = sha256(file);
        List<Path> filesBefore;
        try (Stream<Path> s = Files.list(dir)) {
            filesBefore = s.sorted().toList();
        }
        reader.read(file);
        reader.readAll(file);
        assertEquals(before, sha256(file));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(filesBefore, s.sorted().toList(), "no journal or WAL files left behind");
        }
    }

    @Test
    void readsAnExportInAReadOnlyFile() throws Exception {
        Path file = fullExport("report.sqlite");
        assertTrue(file.toFile().setWritable(false));
        try {
            assertEquals(9, reader.read(file).gpu().size());
        } finally {
            assertTrue(file.toFile().setWritable(true));
        }
    }

    @Test
    void aFileThatIsNotSqliteIsAnInputException() throws Exception {
        Path json = dir.resolve("trace.json");
        Files.writeString(json, "{\"traceEvents\": []}");
        InputException e = assertThrows(InputException.class, () -> reader.read(json));
        assertEquals("expected an Nsight Systems SQLite export (nsys export --type sqlite)", e.detail());
        assertEquals(json.toString(), e.source().file());

        Path empty = Files.createFile(dir.resolve("empty.sqlite"));
        assertThrows(InputException.class, () -> reader.read(empty));

        Path rep = dir.resolve("profile.nsys-rep");
        Files.write(rep, new byte[]{0x4e, 0x53, 0x59, 0x53, 0, 1, 2, 3});
        InputException r = assertThrows(InputException.class, () -> reader.read(rep));
        assertTrue(r.detail().startsWith("expected an Nsight Systems SQLite export (nsys export --type sqlite)"));
        assertTrue(r.detail().contains("nsys export --type sqlite on it first"), r.detail());
    }

    @Test
    void aSqliteDatabaseThatIsNotAnExportIsAnInputException() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = connect(other)) {
            exec(c, "CREATE TABLE people (name TEXT)");
        }
        InputException e = assertThrows(InputException.class, () -> reader.read(other));
        assertTrue(e.detail().startsWith("expected an Nsight Systems SQLite export (nsys export --type sqlite)"));
    }

    @Test
    void aDamagedDatabaseIsAnInputException() throws Exception {
        Path file = fullExport("report.sqlite");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Path damaged = dir.resolve("damaged.sqlite");
        Files.write(damaged, bytes);
        InputException e = assertThrows(InputException.class, () -> reader.read(damaged));
        assertTrue(e.detail().startsWith("expected an Nsight Systems SQLite export"), e.detail());
    }

    // ---- opening exactly the named file, writing nothing beside it -----------------------------------------

    /** An export in WAL journal mode, as a writer that was not checkpointed to rollback mode leaves it. */
    private Path walExport(String name) throws SQLException {
        Path file = fullExport(name);
        try (Connection c = connect(file)) {
            exec(c, "PRAGMA journal_mode=WAL");
        }
        return file;
    }

    /** What the reader made of a trace, with the file name left out, to compare reads of two copies. */
    private static String summary(ProfileTrace t) {
        StringBuilder s = new StringBuilder(t.format() + " rank " + t.rank() + " base " + t.baseTimeNs() + "\n");
        GpuEvents g = t.gpu();
        for (int i = 0; i < g.size(); i++) {
            s.append(g.startNs(i)).append(' ').append(g.endNs(i)).append(' ').append(g.device(i)).append(' ')
                    .append(g.stream(i)).append(' ').append(g.kind(i)).append(' ').append(g.name(i)).append(' ')
                    .append(g.correlation(i)).append('\n');
        }
        s.append(t.steps()).append('\n').append(t.devices()).append('\n').append(problems(t));
        return s.toString();
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readsAWalExportInAFolderWithUriCharactersAndWritesNothingBesideIt() throws Exception {
        Path original = walExport("report.sqlite");
        String expected = summary(reader.read(original));
        Path folder = Files.createDirectory(dir.resolve("a?b#c %20 \u00e9"));
        Path copy = Files.copy(original, folder.resolve("report.sqlite"));
        Files.setLastModifiedTime(copy, FileTime.fromMillis(1_000_000_000_000L));
        String before = sha256(copy);

        ProfileTrace t = reader.read(copy);
        assertEquals(expected, summary(t));
        assertEquals(copy.toString(), t.file());
        assertEquals(1, reader.readAll(copy).size());

        assertEquals(List.of("report.sqlite"), listing(folder), "no -wal, -shm or -journal beside the input");
        assertEquals(before, sha256(copy));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(copy));
    }

    @Test
    void aWalExportLeavesNoWalOrShmFiles() throws Exception {
        Path file = walExport("report.sqlite");
        List<String> before = listing(dir);
        reader.read(file);
        assertEquals(before, listing(dir));
    }

    @Test
    void aNameThatLooksLikeUriParametersOpensExactlyThatFile() throws Exception {
        // a different export under the name the parameters would be stripped to: opening it would read 1 kernel
        Path decoy = dir.resolve("x.sqlite");
        try (Connection c = connect(decoy)) {
            createStrings(c);
            createKernels(c);
            kernel(c, 0, 10, 0, 7, 1, 4242, 2, 1);
        }
        String expected = summary(reader.read(walExport("report.sqlite")));
        for (String name : List.of("x.sqlite?mode=rwc", "x.sqlite?journal_mode=delete", "x.sqlite?immutable=0",
                "x.sqlite#frag", "x%2esqlite", "%78.sqlite")) {
            Path named = Files.copy(dir.resolve("report.sqlite"), dir.resolve(name));
            List<String> before = listing(dir);
            assertEquals(expected, summary(reader.read(named)), name);
            assertEquals(before, listing(dir), name + ": no file created");
            Files.delete(named);
        }
    }

    @Test
    void aMissingNameThatLooksLikeUriParametersCreatesNothing() throws Exception {
        Path named = dir.resolve("y.sqlite?mode=rwc");
        assertThrows(IOException.class, () -> reader.read(named));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void theUriPercentEncodesEverythingButUnreservedCharactersAndSlashes() {
        assertEquals("file:/a%3Fb%23c%20%2520%20%C3%A9/x.sqlite%3Fmode%3Drwc?mode=ro&immutable=1",
                NsysSqliteReader.readOnlyUri(Path.of("/a?b#c %20 \u00e9/x.sqlite?mode=rwc")));
    }

    @Test
    void aMissingFileIsAnIoException() {
        assertThrows(IOException.class, () -> reader.read(dir.resolve("nope.sqlite")));
    }

    @Test
    void optionalTablesMayBeMissing() throws Exception {
        // Only kernels with short names (no demangledName column), no StringIds-less text, no memcpy/memset,
        // no runtime, no NVTX, no TARGET_INFO: still a trace.
        Path file = dir.resolve("minimal.sqlite");
        try (Connection c = connect(file)) {
            createStrings(c);
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_KERNEL (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "deviceId INTEGER NOT NULL, streamId INTEGER NOT NULL, correlationId INTEGER, "
                    + "shortName INTEGER NOT NULL)");
            insert(c, "CUPTI_ACTIVITY_KIND_KERNEL", 10, 20, 1, 7, 5, 1);
            insert(c, "CUPTI_ACTIVITY_KIND_KERNEL", 30, 40, 1, 7, null, 5);
        }
        ProfileTrace t = reader.read(file);
        assertEquals(2, t.gpu().size());
        assertEquals(GEMM, t.gpu().name(0));
        assertEquals(1, t.gpu().device(0));
        assertEquals(5, t.gpu().correlation(0));
        assertEquals(-1, t.gpu().correlation(1));
        assertEquals("nccl", t.backend());
        assertEquals(0, t.runtime().size());
        assertTrue(t.steps().isEmpty());
        assertTrue(t.devices().isEmpty());
        assertNull(t.deviceName());
        assertEquals(0, t.baseTimeNs());
        assertTrue(t.problems().isEmpty(), () -> problems(t).toString());
        assertFalse(t.fractionalTimestamps());
    }

    @Test
    void rowsEndingBeforeTheyStartAreSkippedWithAWarningNotReadAsCenturies() throws Exception {
        Path file = dir.resolve("backwards.sqlite");
        try (Connection c = connect(file)) {
            createStrings(c);
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_KERNEL (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "deviceId INTEGER NOT NULL, streamId INTEGER NOT NULL, correlationId INTEGER, "
                    + "shortName INTEGER NOT NULL)",
                    "CREATE TABLE CUPTI_ACTIVITY_KIND_RUNTIME (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                            + "correlationId INTEGER, nameId INTEGER NOT NULL)");
            insert(c, "CUPTI_ACTIVITY_KIND_KERNEL", 10, 20, 1, 7, 5, 1);
            insert(c, "CUPTI_ACTIVITY_KIND_KERNEL", 9_000_000_000_000_000_000L, 30, 1, 7, 6, 1);
            insert(c, "CUPTI_ACTIVITY_KIND_KERNEL", 40, 50, 1, 7, 7, 1);
            insert(c, "CUPTI_ACTIVITY_KIND_RUNTIME", 8, 2, 5, 7);
        }
        ProfileTrace t = reader.read(file);
        assertEquals(2, t.gpu().size());
        assertEquals(10, t.gpu().startNs(0));
        assertEquals(50, t.gpu().endNs(1));
        assertEquals(0, t.runtime().size());
        assertEquals(List.of("expected activity rows to end at or after their start; 2 skipped (the first in "
                + "CUPTI_ACTIVITY_KIND_KERNEL: start 9000000000000000000 ns, end 30 ns)"), problems(t));
    }

    @Test
    void anExportWithoutKernelsWarns() throws Exception {
        Path file = dir.resolve("cpu-only.sqlite");
        try (Connection c = connect(file)) {
            createStrings(c);
            exec(c, "CREATE TABLE NVTX_EVENTS (start INTEGER NOT NULL, end INTEGER, eventType INTEGER NOT NULL, "
                    + "text TEXT, globalTid INTEGER, textId INTEGER)");
            insert(c, "NVTX_EVENTS", 0, 100, 59, "step 3", gid(7, 7), null);
        }
        ProfileTrace t = reader.read(file);
        assertEquals(0, t.gpu().size());
        assertNull(t.backend());
        assertEquals(List.of(new StepAnnotation(3, 0, 100, false)), t.steps());
        assertTrue(problems(t).stream().anyMatch(m -> m.startsWith("no CUDA kernels in the export")),
                problems(t).toString());
    }

    @Test
    void memcpyNamesWithoutEnumTablesUseTheDocumentedEnums() throws Exception {
        Path file = dir.resolve("old.sqlite");
        try (Connection c = connect(file)) {
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_MEMCPY (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "deviceId INTEGER NOT NULL, streamId INTEGER NOT NULL, correlationId INTEGER, "
                    + "copyKind INTEGER NOT NULL, srcKind INTEGER, dstKind INTEGER)",
                    "CREATE TABLE CUPTI_ACTIVITY_KIND_MEMSET (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                            + "deviceId INTEGER NOT NULL, streamId INTEGER NOT NULL, correlationId INTEGER)");
            insert(c, "CUPTI_ACTIVITY_KIND_MEMCPY", 1, 2, 0, 3, 1, 1, 1, 2);
            insert(c, "CUPTI_ACTIVITY_KIND_MEMCPY", 3, 4, 0, 3, 2, 10, 2, 2);
            insert(c, "CUPTI_ACTIVITY_KIND_MEMCPY", 5, 6, 0, 3, 3, 2, null, null);
            insert(c, "CUPTI_ACTIVITY_KIND_MEMSET", 7, 8, 0, 3, 4);
        }
        GpuEvents g = reader.read(file).gpu();
        assertEquals("Memcpy HtoD (Pinned -> Device)", g.name(0));
        assertEquals("Memcpy PtoP (Device -> Device)", g.name(1));
        assertEquals("Memcpy DtoH (Unknown -> Unknown)", g.name(2));
        assertEquals("Memset (Device)", g.name(3));
        assertEquals(GpuEventKind.MEMSET, g.kind(3));
    }

    @Test
    void stepRangeNames() throws Exception {
        Path file = dir.resolve("steps.sqlite");
        try (Connection c = connect(file)) {
            exec(c, "CREATE TABLE NVTX_EVENTS (start INTEGER NOT NULL, end INTEGER, eventType INTEGER NOT NULL, "
                    + "text TEXT, globalTid INTEGER)");
            String[] texts = {"Step 4", "step_5", "STEP #6", "step 7/100", "steps 8", "optimizer.step", "step",
                    "forward step 9", "Step 10, seq = 3"};
            for (int i = 0; i < texts.length; i++) {
                insert(c, "NVTX_EVENTS", i * 100, i * 100 + 50, 59, texts[i], gid(1, 1));
            }
        }
        List<Long> steps = reader.read(file).steps().stream().map(StepAnnotation::step).toList();
        assertEquals(List.of(4L, 5L, 6L, 7L, 10L), steps);
    }

    @Test
    void oneKindOfStepRangeIsRead() throws Exception {
        Path file = dir.resolve("mixed.sqlite");
        try (Connection c = connect(file)) {
            exec(c, "CREATE TABLE NVTX_EVENTS (start INTEGER NOT NULL, end INTEGER, eventType INTEGER NOT NULL, "
                    + "text TEXT, globalTid INTEGER)");
            insert(c, "NVTX_EVENTS", 0, 1_000, 59, "ProfilerStep#10", gid(1, 1));
            insert(c, "NVTX_EVENTS", 1_000, 2_000, 60, "ProfilerStep#11", gid(1, 1));
            insert(c, "NVTX_EVENTS", 10, 900, 59, "iteration 1", gid(1, 1));
            // the same step pushed twice (nested), e.g. by two annotations: one step
            insert(c, "NVTX_EVENTS", 1_010, 1_900, 59, "profilerstep#11", gid(1, 1));
        }
        ProfileTrace t = reader.read(file);
        assertEquals(List.of(new StepAnnotation(10, 0, 1_000, false), new StepAnnotation(11, 1_000, 2_000, false)),
                t.steps());
        assertTrue(problems(t).stream().anyMatch(m -> m.contains("several kinds")), problems(t).toString());
    }

    @Test
    void severalProcessesAreSeparatedByGlobalPid() throws Exception {
        Path file = dir.resolve("torchrun.sqlite");
        try (Connection c = connect(file)) {
            createStrings(c);
            createKernels(c);
            // rank processes 100 (CUDA device 0 = GPU 1) and 200 (CUDA device 0 = GPU 0); same correlation ids
            kernel(c, 1_000, 2_000, 0, 7, 1, 100, 2, 1);
            kernel(c, 2_000, 3_000, 0, 7, 2, 100, 6, 5);
            kernel(c, 1_500, 2_500, 0, 7, 1, 200, 4, 3);
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_RUNTIME (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "globalTid INTEGER, correlationId INTEGER, nameId INTEGER NOT NULL)");
            insert(c, "CUPTI_ACTIVITY_KIND_RUNTIME", 900, 950, gid(100, 101), 1, 7);
            insert(c, "CUPTI_ACTIVITY_KIND_RUNTIME", 1_200, 1_250, gid(200, 201), 1, 7);
            exec(c, "CREATE TABLE NVTX_EVENTS (start INTEGER NOT NULL, end INTEGER, eventType INTEGER NOT NULL, "
                    + "text TEXT, globalTid INTEGER, textId INTEGER)");
            insert(c, "NVTX_EVENTS", 800, 3_100, 59, "ProfilerStep#5", gid(100, 101), null);
            insert(c, "NVTX_EVENTS", 1_100, 2_600, 59, "ProfilerStep#7", gid(200, 201), null);
            exec(c, "CREATE TABLE TARGET_INFO_GPU (id INTEGER NOT NULL, name TEXT, totalMemory INTEGER, "
                    + "smCount INTEGER, computeMajor INTEGER, computeMinor INTEGER)");
            insert(c, "TARGET_INFO_GPU", 0, "NVIDIA A100-SXM4-80GB", 85_000_000_000L, 108, 8, 0);
            insert(c, "TARGET_INFO_GPU", 1, "NVIDIA H100 80GB HBM3", 85_520_809_984L, 132, 9, 0);
            exec(c, "CREATE TABLE TARGET_INFO_CUDA_DEVICE (gpuId INTEGER, cudaId INTEGER, pid INTEGER, uuid TEXT)");
            insert(c, "TARGET_INFO_CUDA_DEVICE", 1, 0, 100, "b");
            insert(c, "TARGET_INFO_CUDA_DEVICE", 0, 0, 200, "a");
        }

        ProfileTrace main = reader.read(file);
        assertEquals(2, main.gpu().size(), "pid 100 has the most kernels");
        assertEquals(900, main.runtime().startNs(main.runtime().find(1)));
        assertEquals(List.of(new StepAnnotation(5, 800, 3_100, false)), main.steps());
        assertEquals(List.of(new DeviceInfo(0, "NVIDIA H100 80GB HBM3", 9, 0, 132, 85_520_809_984L)),
                main.devices());
        assertTrue(problems(main).get(0).contains("2 processes"), problems(main).toString());

        List<ProfileTrace> all = reader.readAll(file);
        assertEquals(2, all.size());
        ProfileTrace other = all.stream().filter(t -> t.gpu().size() == 1).findFirst().orElseThrow();
        assertEquals(ELEMENTWISE, other.gpu().name(0));
        assertEquals(1, other.runtime().size());
        assertEquals(1_200, other.runtime().startNs(other.runtime().find(1)));
        assertEquals(List.of(new StepAnnotation(7, 1_100, 2_600, false)), other.steps());
        assertEquals("NVIDIA A100-SXM4-80GB", other.deviceName());
        assertEquals(-1, other.rank());
        assertNotEquals(all.get(0).gpu().size(), all.get(1).gpu().size());
    }

    @Test
    void graphLevelLaunchesCountAsKernels() throws Exception {
        Path file = dir.resolve("graphs.sqlite");
        try (Connection c = connect(file)) {
            createStrings(c);
            createKernels(c);
            kernel(c, 100, 200, 0, 7, 1, 9, 2, 1);
            exec(c, "CREATE TABLE CUPTI_ACTIVITY_KIND_GRAPH_TRACE (start INTEGER NOT NULL, end INTEGER NOT NULL, "
                    + "deviceId INTEGER NOT NULL, contextId INTEGER, greenContextId INTEGER, streamId INTEGER, "
                    + "correlationId INTEGER, globalPid INTEGER, graphId INTEGER, graphExecId INTEGER)");
            insert(c, "CUPTI_ACTIVITY_KIND_GRAPH_TRACE", 300, 900, 0, 1, null, 7, 2, gid(9, 0), 4, 1);
            // a graph whose kernels are traced too (--cuda-graph-trace=node): not counted twice
            insert(c, "CUPTI_ACTIVITY_KIND_GRAPH_TRACE", 100, 200, 0, 1, null, 7, 1, gid(9, 0), 5, 2);
        }
        ProfileTrace t = reader.read(file);
        assertEquals(2, t.gpu().size());
        assertEquals("CUDA graph 4", t.gpu().name(1));
        assertEquals(GpuEventKind.KERNEL, t.gpu().kind(1));
        assertTrue(problems(t).stream().anyMatch(m -> m.startsWith("1 CUDA graph launches")), problems(t).toString());
    }

    @Test
    void rankComesFromTheFileName() throws Exception {
        assertEquals(3, reader.read(fullExport("trace_rank3.sqlite")).rank());
        assertEquals(12, NsysSqliteReader.rankFromName(Path.of("/x/job-rank-12.nsys.sqlite")));
        assertEquals(0, NsysSqliteReader.rankFromName(Path.of("Rank0.sqlite")));
        assertEquals(-1, NsysSqliteReader.rankFromName(Path.of("local_rank1.sqlite")));
        assertEquals(-1, NsysSqliteReader.rankFromName(Path.of("report1.sqlite")));
    }

    @Test
    void looksLikeSqliteChecksTheHeader() throws Exception {
        assertTrue(NsysSqliteReader.looksLikeSqlite(fullExport("report.sqlite")));
        Path text = dir.resolve("a.json");
        Files.writeString(text, "SQLite format 3 but text", StandardCharsets.US_ASCII);
        assertFalse(NsysSqliteReader.looksLikeSqlite(text));
        assertFalse(NsysSqliteReader.looksLikeSqlite(dir.resolve("missing.sqlite")));
        assertFalse(NsysSqliteReader.looksLikeSqlite(dir));
    }
}
