package dev.goodput.core.load;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.FlopConvention;
import dev.goodput.testing.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way runs are loaded: stages, cancellation between them, the files the reader gets, profiles' precision. */
class RunPipelineTest {
    private static final Path CLEAN = RunFilesTest.CLEAN;
    private static final String TRACE = TestInputs.QWEN_H100.toString();

    @TempDir
    Path dir;

    @Test
    void readsThenDerivesAsTheDeriverWould() throws Exception {
        List<String> stages = new ArrayList<>();
        DerivedRun run = new RunPipeline().load(RunRequest.of(List.of(CLEAN), LoadOptions.of(LoadMode.STRICT)),
                Progress.of(stages::add, () -> false));
        assertEquals(List.of(RunPipeline.READING, RunPipeline.DERIVING), stages);
        assertNull(run.profiles());
        assertEquals(List.of(CLEAN), run.read());
        var expected = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(List.of(CLEAN)),
                DerivationSettings.defaults()).report();
        assertEquals(expected.goodput(), run.derivation().report().goodput());
    }

    @Test
    void aCancelledLoadStopsBeforeDeriving() {
        List<String> stages = new ArrayList<>();
        boolean[] read = {false};
        RunPipeline pipeline = new RunPipeline((files, options) -> {
            read[0] = true;
            return new RunLoader(options).load(files);
        });
        assertThrows(CancellationException.class, () -> pipeline.load(
                RunRequest.of(List.of(CLEAN), LoadOptions.of(LoadMode.LENIENT)),
                Progress.of(stages::add, () -> read[0])));
        assertEquals(List.of(RunPipeline.READING), stages);
    }

    @Test
    void theReaderGetsTheRunFilesOfAFolderWithTheirZones() throws Exception {
        Path run = Files.createDirectory(dir.resolve("run"));
        Path log = Files.copy(CLEAN, run.resolve("run.jsonl"));
        Path trace = Files.copy(Path.of(TRACE), run.resolve("rank0.json.gz"));
        ZoneId paris = ZoneId.of("Europe/Paris");
        List<Object> seen = new ArrayList<>();
        DerivedRun loaded = new RunPipeline((files, options) -> {
            seen.add(files);
            seen.add(options.zoneOf(files.get(0)));
            return new RunLoader(options).load(files);
        }).load(RunRequest.of(List.of(run), LoadOptions.of(LoadMode.STRICT)
                .withFileZones(Map.of(run.toAbsolutePath(), paris))));
        assertEquals(List.of(List.of(log), paris), seen);
        assertEquals(List.of(trace), loaded.files().profiles());
        assertNotNull(loaded.profiles());
    }

    @Test
    void profilesAloneAreNoRun() {
        InputException e = assertThrows(InputException.class, () -> new RunPipeline().load(
                RunRequest.of(List.of(Path.of(TRACE)), LoadOptions.of(LoadMode.LENIENT))));
        assertTrue(e.getMessage().startsWith(TRACE + ": expected a run log beside the profiler traces"),
                e.getMessage());
    }

    @Test
    void theProfilesPeakIsAtTheRunsPrecisionUnlessTheRequestNamesOne() throws Exception {
        Path fp8 = TestInputs.qwenRunLog(dir.resolve("fp8.jsonl"), "\"precision\":\"fp8\",");
        Path none = TestInputs.qwenRunLog(dir.resolve("none.jsonl"), "");
        RunPipeline pipeline = new RunPipeline();
        LoadOptions strict = LoadOptions.of(LoadMode.STRICT);
        double ownFp8 = model(pipeline.load(RunRequest.of(List.of(fp8, Path.of(TRACE)), strict)));
        double bf16 = model(pipeline.load(RunRequest.of(List.of(none, Path.of(TRACE)), strict)));
        double askedFp8 = model(pipeline.load(RunRequest.of(List.of(none, Path.of(TRACE)), strict)
                .withPrecision("fp8")));
        double askedBf16 = model(pipeline.load(RunRequest.of(List.of(fp8, Path.of(TRACE)), strict)
                .withPrecision("bf16")));
        assertEquals(askedFp8, ownFp8, 1e-15);
        assertEquals(bf16, askedBf16, 1e-15);
        // H100 SXM: 1,978.9 dense FP8 TFLOP/s against 989.4 at BF16, so the MFU halves.
        assertEquals(989.4 / 1978.9, ownFp8 / bf16, 1e-9);
    }

    @Test
    void aFlopConventionChosenIsTheRunsView() throws Exception {
        DerivedRun run = new RunPipeline().load(new RunRequest(List.of(CLEAN), LoadOptions.of(LoadMode.STRICT),
                DerivationSettings.defaults(), FlopConvention.GIVEN, null));
        assertSame(FlopConvention.GIVEN, run.run().metadata().flopConvention());
    }

    @Test
    void aProfileOfAnotherJobIsUsedButSaysSo() throws Exception {
        // Issue 13's finding: the clean-small run (8x A100, March 2025) opened with an unrelated H100 trace took
        // the trace's MFU silently. It is still used (the user gave it), but every way it does not fit is warned.
        DerivedRun run = new RunPipeline().load(RunRequest.of(List.of(CLEAN, Path.of(TRACE)),
                LoadOptions.of(LoadMode.STRICT)));
        List<String> warnings = run.derivation().report().warnings().stream()
                .filter(p -> p.source().file().equals(TRACE)).map(p -> p.message()).toList();
        assertEquals("profile", run.derivation().report().mfu().source());
        assertTrue(warnings.stream().anyMatch(m -> m.contains("lie outside the measurement window")), "" + warnings);
        assertTrue(warnings.stream().anyMatch(m -> m.contains("ran on NVIDIA H100")
                && m.contains("the model layer is measured on another accelerator")), "" + warnings);
    }

    @Test
    void aProfileTakenDuringTheRunOnItsAcceleratorIsNotWarnedAbout() throws Exception {
        // The trace's steps ran 2025-07-18 11:51:01.73 .. 11:51:01.78 on one H100: a one-GPU run of that hour.
        Path own = Files.writeString(dir.resolve("own.jsonl"), String.join("\n",
                "{\"schema\":1,\"event\":\"run\",\"name\":\"qwen\",\"accelerator\":\"H100-SXM5-80GB\","
                        + "\"accelerators\":1}",
                "{\"event\":\"job_start\",\"time\":\"2025-07-18T11:00:00Z\"}",
                "{\"event\":\"step_range\",\"first\":1,\"last\":1000,\"start\":\"2025-07-18T11:01:00Z\","
                        + "\"end\":\"2025-07-18T11:59:00Z\"}",
                "{\"event\":\"job_end\",\"time\":\"2025-07-18T12:00:00Z\",\"reason\":\"completed\"}", ""));
        DerivedRun run = new RunPipeline().load(RunRequest.of(List.of(own, Path.of(TRACE)),
                LoadOptions.of(LoadMode.STRICT)));
        // Only that this short trace's MFU rests on one steady step.
        assertEquals(List.of("the MFU from the profile rests on 1 steady step (fewer than 3): profile more steps "
                        + "for a figure to rely on"),
                run.derivation().report().warnings().stream().filter(p -> p.source().file().equals(TRACE))
                        .map(p -> p.message()).toList());
    }

    private static double model(DerivedRun run) {
        return run.derivation().report().goodput().model();
    }
}
