package dev.goodput.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.io.CsvRunLogReader;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.JsonLinesRunLogReader;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.MlGoodputReader;
import dev.goodput.core.io.RunLogReader;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.load.RunRequest;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.profile.KinetoTraceReader;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.ReportFormat;
import dev.goodput.core.profile.NsysSqliteReader;
import dev.goodput.core.workspace.AttributionFile;
import dev.goodput.core.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reader given any bytes: it reads them or refuses them with an {@link InputException} whose message starts
 * with the file's name — never another exception, a hang or running out of memory. In {@code mvn test} each target
 * replays its seeds (ReaderFuzzTestInputs/METHOD/ beside this class in the test resources: small real and broken
 * inputs); with JAZZER_FUZZ=1 Jazzer fuzzes one target (docs/robustness.md).
 * Both modes run in lenient and strict mode alternately, chosen by the input's first byte.
 */
class ReaderFuzzTest {
    /** The CI budget of one target; a longer run overrides it (docs/robustness.md). */
    private static final String BUDGET = "15s";

    private static Path dir;

    @BeforeAll
    static void folder() throws IOException {
        dir = Files.createTempDirectory("goodput-fuzz");
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @FuzzTest(maxDuration = BUDGET)
    void runLogJsonl(byte[] data) throws IOException {
        runLog(new JsonLinesRunLogReader(), "run.jsonl", data);
    }

    @FuzzTest(maxDuration = BUDGET)
    void runLogCsv(byte[] data) throws IOException {
        runLog(new CsvRunLogReader(), "run.csv", data);
    }

    @FuzzTest(maxDuration = BUDGET)
    void mlGoodput(byte[] data) throws IOException {
        runLog(new MlGoodputReader(), "goodput.json", data);
    }

    @FuzzTest(maxDuration = BUDGET)
    void kinetoTrace(byte[] data) throws IOException {
        Path f = write("trace.json", data);
        refusedOnlyAsInput(f, () -> new KinetoTraceReader().read(f));
    }

    /** SQLite opens a file per input: slower than the others, so fewer executions in the same time. */
    @FuzzTest(maxDuration = BUDGET)
    void nsysSqlite(byte[] data) throws IOException {
        Path f = write("profile.sqlite", data);
        refusedOnlyAsInput(f, () -> new NsysSqliteReader().readAll(f));
    }

    @FuzzTest(maxDuration = BUDGET)
    void workspace(byte[] data) throws IOException {
        Path f = write("run.goodput", data);
        refusedOnlyAsInput(f, () -> WorkspaceStore.load(f));
    }

    @FuzzTest(maxDuration = BUDGET)
    void attributionFile(byte[] data) throws IOException {
        Path f = write("team.goodput-attributions", data);
        refusedOnlyAsInput(f, () -> AttributionFile.read(f));
    }

    /**
     * Text logs through the whole load: format detection, every line recogniser (trainers, SLURM sacct and stepd,
     * node logs), stitching, the derivation and the report in every format.
     */
    @FuzzTest(maxDuration = BUDGET)
    void textLogs(byte[] data) throws IOException {
        load("job.log", data);
    }

    /** JSON told apart by its first record (run log, ml-goodput, trainer_state.json, kubectl), derived, reported. */
    @FuzzTest(maxDuration = BUDGET)
    void jsonInputs(byte[] data) throws IOException {
        load("export.json", data);
    }

    private static void runLog(RunLogReader reader, String name, byte[] data) throws IOException {
        Path f = write(name, data);
        refusedOnlyAsInput(f, () -> {
            RunBuilder run = new RunBuilder();
            reader.read(f, run, mode(data));
            return run.build();
        });
    }

    private static void load(String name, byte[] data) throws IOException {
        Path f = write(name, data);
        RunRequest request = new RunRequest(List.of(f), LoadOptions.of(mode(data)), DerivationSettings.defaults(),
                null, null);
        refusedOnlyAsInput(f, () -> {
            GoodputReport report = new RunPipeline().load(request).derivation().report();
            // Every report format writes whatever was read (no NaN or Infinity where JSON wants a number).
            for (ReportFormat format : ReportFormat.values()) {
                format.writer().write(report, new StringWriter());
            }
            return report;
        });
    }

    private static LoadMode mode(byte[] data) {
        return data.length > 0 && (data[0] & 1) == 1 ? LoadMode.LENIENT : LoadMode.STRICT;
    }

    private static Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    /** A read that may refuse its input, and must then say which file; other exceptions are findings. */
    @FunctionalInterface
    private interface Read {
        Object run() throws IOException, InputException;
    }

    private static void refusedOnlyAsInput(Path file, Read read) throws IOException {
        try {
            read.run();
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith(file.toString()),
                    () -> "expected the message to start with " + file + ", found: " + e.getMessage());
        }
    }
}
