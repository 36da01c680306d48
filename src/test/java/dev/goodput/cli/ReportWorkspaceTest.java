package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.InputRef;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceSettings;
import dev.goodput.core.workspace.WorkspaceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code goodput report --workspace}: a workspace's inputs, settings and attributions, and warnings about inputs. */
class ReportWorkspaceTest {
    private static final Path SAMPLE = Path.of("sample-runs/clean-small/run.jsonl");
    /** The sample's provisioning phase, 42 s of infra badput, re-attributed by the workspace's tag. */
    private static final Tag REPAIR = new Tag("t1", micros("2025-03-03T09:00:00Z"), micros("2025-03-03T09:00:42Z"),
            "node_repair", Layer.INFRA, null, "bad node swapped before the job could start");
    private static final Window WINDOW = new Window(micros("2025-03-03T09:00:00Z"), micros("2025-03-03T09:30:00Z"));

    @TempDir
    Path dir;
    private Path run;
    private Path ws;

    private static long micros(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @BeforeEach
    void workspaceBesideACopyOfTheSample() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        run = Files.copy(SAMPLE, data.resolve("run.jsonl"));
        ws = dir.resolve("march.goodput");
        WorkspaceStore.save(new Workspace(List.of(InputRef.describe(run, dir)),
                WorkspaceSettings.defaults().withWindow(WINDOW).withWarmupSteps(3),
                new Overlay(List.of(REPAIR), List.of(), List.of()), "notes"), ws);
        assertTrue(Files.readString(ws).contains("\"path\" : \"data/run.jsonl\""));
    }

    @Test
    void theWorkspaceGivesInputsSettingsAndAttributions() throws Exception {
        CliRun r = CliRun.of("report", "--workspace", ws.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = r.json();
        assertEquals("2025-03-03T09:30:00Z", j.get("window").get("end").asText());
        assertEquals(42.0, seconds(j, "node_repair"), 1e-9);
        assertEquals(0.0, seconds(j, "provisioning"), 1e-9);

        JsonNode plain = CliRun.of("report", run.toString(), "--window", "2025-03-03T09:00:00Z",
                "2025-03-03T09:30:00Z", "--warmup-steps", "3", "--format", "json").json();
        assertEquals(42.0, seconds(plain, "provisioning"), 1e-9);
        assertEquals(plain.get("goodput").get("infra").asDouble(), j.get("goodput").get("infra").asDouble(), 1e-12,
                "re-attributing infra badput to another infra cause keeps infra goodput");
        // The workspace's 3 warm-up steps (2 by default) decide which steps the MFU is measured on.
        assertEquals(plain.get("goodput").get("model").asDouble(), j.get("goodput").get("model").asDouble(), 1e-12);
        JsonNode twoWarmup = CliRun.of("report", run.toString(), "--window", "2025-03-03T09:00:00Z",
                "2025-03-03T09:30:00Z", "--format", "json").json();
        assertNotEquals(twoWarmup.get("goodput").get("model").asDouble(), j.get("goodput").get("model").asDouble());
    }

    @Test
    void optionsAndFilesOverrideTheWorkspace() throws Exception {
        CliRun r = CliRun.of("report", "--workspace", ws.toString(), "--window", "2025-03-03T09:00:00Z",
                "2025-03-03T09:10:00Z", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("2025-03-03T09:10:00Z", r.json().get("window").get("end").asText());

        CliRun files = CliRun.of("report", "--workspace", ws.toString(), SAMPLE.toString(), "--format", "json");
        assertEquals(0, files.code(), files.err());
        assertEquals("", files.err(), "the given files are not checked against the workspace's");
        assertEquals(42.0, seconds(files.json(), "node_repair"), 1e-9);
    }

    @Test
    void aChangedInputIsWarnedAboutAndItsAttributionsStillApply() throws Exception {
        String text = Files.readString(run);
        Files.writeString(run, text.replace("clean-small (GPT", "clean-smalx (GPT")); // same size
        CliRun r = CliRun.of("report", "--workspace", ws.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals("goodput: warning: " + run.toAbsolutePath() + " changed since the workspace was saved (same size, "
                + "different content (SHA-256)); its attributions are re-applied where they still match\n",
                r.err().replace("\r\n", "\n"));
        assertEquals(42.0, seconds(r.json(), "node_repair"), 1e-9);
    }

    @Test
    void aMissingInputIsWarnedAboutAndNothingLeftToReadIsBadInput() throws Exception {
        Files.delete(run);
        CliRun r = CliRun.of("report", "--workspace", ws.toString());
        assertEquals(2, r.code());
        String[] lines = r.err().split("\\R");
        assertEquals("goodput: warning: " + run.toAbsolutePath() + " is missing (the workspace refers to it as "
                + "data/run.jsonl); deriving without it", lines[0]);
        assertEquals("goodput: error: " + ws + ": expected inputs to read: the workspace names none that is there "
                + "(give the run's FILEs)", lines[1]);
    }

    @Test
    void aBadWorkspaceIsBadInputAtItsLine() throws Exception {
        Files.writeString(ws, "{\n  \"format\": \"goodput-workspace\",\n  \"version\": 9\n}\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("report", "--workspace", ws.toString());
        assertEquals(2, r.code());
        assertEquals("goodput: error: " + ws + ":3: expected versions 1 to 2 of goodput-workspace, found version 9: the "
                + "file was written by a newer Goodput Workbench; update it to open this file", r.err().strip());
        assertFalse(r.out().contains("goodput"));
    }

    @Test
    void withoutFilesOrAWorkspaceItIsAUsageError() {
        CliRun r = CliRun.of("report");
        assertEquals(1, r.code());
        assertEquals("goodput: error: expected at least one FILE (run log), or --workspace", r.err().strip());
    }

    private static double seconds(JsonNode report, String cause) {
        for (JsonNode b : report.get("badput")) {
            if (b.get("cause").asText().equals(cause)) {
                return b.get("seconds").asDouble();
            }
        }
        return 0;
    }
}
