package dev.goodput.app;

import dev.goodput.app.workspace.OpenRequest;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.io.InputException;
import dev.goodput.core.load.Progress;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.model.Problem;
import dev.goodput.core.report.ReportFormat;
import dev.goodput.testing.SampleRuns;
import dev.goodput.testing.TestInputs;
import dev.goodput.cli.GoodputCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's load, without a robot: it goes through the same pipeline as {@code goodput report}, so the same files
 * give the same report (the profiles' precision included: no longer bf16 whatever the run says), folders included;
 * it reads leniently, stops between stages when cancelled, and refuses special files before hashing them.
 */
class LoadRunTaskTest {
    @TempDir
    Path dir;

    @Test
    void theWindowAndTheCliGiveTheSameReportForARunLogAndAProfile() throws Exception {
        Path log = TestInputs.qwenRunLog(dir.resolve("run.jsonl"), "\"precision\":\"fp8\",");
        List<Path> files = List.of(log, TestInputs.QWEN_H100);
        Derivation shown = window(files);
        assertEquals(cli(files), json(shown));
        // The run says fp8: its peak is the H100's FP8 one, not BF16's.
        Path bf16 = TestInputs.qwenRunLog(dir.resolve("bf16.jsonl"), "");
        double atFp8 = shown.report().goodput().model();
        double atBf16 = window(List.of(bf16, TestInputs.QWEN_H100)).report().goodput().model();
        assertNotEquals(atBf16, atFp8);
        assertEquals(989.4 / 1978.9, atFp8 / atBf16, 1e-9);
    }

    @Test
    void aTrainerLogGivesTheSameReportInBoth() throws Exception {
        Path mlperf = Path.of("src/test/resources/logs/mlperf_v4.0__NVIDIA__eos_n64_ngc24.04_nemo__gpt3__result_0.txt");
        assertEquals(cli(List.of(mlperf)), json(window(List.of(mlperf))));
    }

    @Test
    void aFolderGivesTheSameReportInBoth() throws Exception {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.copy(Path.of(SampleRuns.CLEAN), run.resolve("run.jsonl"));
        assertEquals(cli(List.of(run)), json(window(List.of(run))));
    }

    @Test
    void theStagesAreReportedAndACancelledLoadStopsBeforeDeriving() throws Exception {
        List<String> stages = new ArrayList<>();
        LoadRunTask.load(new OpenRequest.Files(List.of(Path.of(SampleRuns.CLEAN))), RunSource.lenient(),
                Progress.of(stages::add, () -> false));
        assertEquals(List.of(RunPipeline.READING, RunPipeline.READING, RunPipeline.DERIVING), stages);

        boolean[] read = {false};
        RunSource slow = files -> {
            read[0] = true; // the user cancels while the files are read
            return RunSource.lenient().read(files);
        };
        List<String> cancelled = new ArrayList<>();
        assertThrows(CancellationException.class, () -> LoadRunTask.load(
                new OpenRequest.Files(List.of(Path.of(SampleRuns.CLEAN))), slow,
                Progress.of(cancelled::add, () -> read[0])));
        assertEquals(List.of(RunPipeline.READING, RunPipeline.READING), cancelled);
    }

    @Test
    void theWindowReadsLenientlyAndKeepsWhatItCouldRead() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), Files.readString(Path.of(SampleRuns.CLEAN))
                .replace("\"step\": 10,", "\"step\": \"ten\","));
        LoadedRun loaded = LoadRunTask.load(new OpenRequest.Files(List.of(bad)), RunSource.lenient(), Progress.NONE);
        Derivation d = loaded.attributed().shown();
        assertTrue(d.run().problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR
                && p.source().line() == 14), d.run().problems().toString());
        assertNotNull(d.report().goodput().infra());
    }

    @Test
    void aNamedPipeIsRefusedNamingItAndNeverOpened() throws Exception {
        Path fifo = TestInputs.fifo(dir.resolve("stdout.log"));
        InputException e = assertThrows(InputException.class, () -> LoadRunTask.load(
                new OpenRequest.Files(List.of(Path.of(SampleRuns.CLEAN), fifo)), RunSource.lenient(), Progress.NONE));
        assertEquals(fifo + ": expected a regular file or a folder, found a FIFO (named pipe) (only regular files "
                + "are read)", e.getMessage());
    }

    private static Derivation window(List<Path> files) throws Exception {
        return LoadRunTask.load(new OpenRequest.Files(files), RunSource.lenient(), Progress.NONE).attributed().shown();
    }

    private static String json(Derivation d) throws Exception {
        StringWriter w = new StringWriter();
        ReportFormat.parse("json").writer().write(d.report(), w);
        return w.toString();
    }

    /** `goodput report FILES --format json --lenient`, as the window reads leniently. */
    private static String cli(List<Path> files) {
        CommandLine cl = GoodputCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("report", "--format", "json", "--lenient"));
        files.forEach(f -> args.add(f.toString()));
        assertEquals(0, cl.execute(args.toArray(String[]::new)), err.toString());
        return out.toString();
    }
}
