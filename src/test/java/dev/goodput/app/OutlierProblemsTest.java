package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fault dated 9999 among a run of 2024: the window's Problems panel says it was left out of the window. */
class OutlierProblemsTest {
    @TempDir
    Path dir;

    @Test
    void theProblemsPanelNamesTheOutlierAndTheWindowIsTheRunsOwn() throws Exception {
        Path f = dir.resolve("run.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"schema\":1,\"event\":\"run\",\"name\":\"t\",\"accelerators\":8}",
                "{\"event\":\"job_start\",\"time\":\"2024-05-29T16:00:00Z\"}",
                "{\"event\":\"step\",\"step\":1,\"start\":\"2024-05-29T16:00:10Z\",\"end\":\"2024-05-29T16:59:00Z\"}",
                "{\"event\":\"fault\",\"time\":\"9999-12-31T00:00:00Z\",\"cause\":\"gpu_xid\"}",
                "{\"event\":\"job_end\",\"time\":\"2024-05-29T17:00:00Z\",\"reason\":\"completed\"}") + "\n");
        Derivation d = GoodputDeriver.derive(new RunLoader(LoadMode.LENIENT).load(List.of(f)),
                DerivationSettings.defaults());
        SummaryViewModel vm = new SummaryViewModel();
        vm.showRun(List.of(f), d);
        assertTrue(vm.problemsProperty().contains("Warning: " + f + ":4: fault at 9999-12-31T00:00:00Z is far from "
                        + "the run's other times (2024-05-29T16:00:00Z to 2024-05-29T17:00:00Z); left out of the "
                        + "default window (set a window to include it)"),
                () -> vm.problemsProperty().toString());
        assertEquals(3600.0, d.report().windowSeconds(), 1e-9);
    }
}
