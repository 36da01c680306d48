package dev.goodput.core.workspace;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.derive.Window;
import dev.goodput.core.io.InputException;
import dev.goodput.core.model.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceMigrationTest {
    /** A version 1 file as the first release wrote it: settings at the top, tags without ids or layers. */
    static final String V1 = """
            {
              "format": "goodput-workspace",
              "version": 1,
              "inputs": [
                {"path": "run.jsonl", "size": 77615,
                 "sha256": "ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB"}
              ],
              "window": {"start": "2025-03-03T09:00:00Z", "end": "2025-03-03T09:36:33.758136Z"},
              "peak_flops": 3.12e14,
              "tags": [
                {"start": "2025-03-03T09:10:00Z", "end": "2025-03-03T09:12:00Z", "cause": "faulty_gpu"},
                {"start": "2025-03-03T09:20:00.5Z", "end": "2025-03-03T09:21:00Z", "cause": "checkpoint_save"},
                {"start": "2025-03-03T09:30:00Z", "end": "2025-03-03T09:31:00Z", "cause": "mfu_gap"}
              ],
              "notes": "tagged by hand"
            }
            """;

    @TempDir
    Path dir;

    @Test
    void version1MigratesToTheSameWorkspaceAsVersion2() throws Exception {
        long t0 = TestWorkspaces.T0;
        long m = TestWorkspaces.MINUTE;
        Workspace expected = new Workspace(
                List.of(new InputRef("run.jsonl", 77615, "ab".repeat(32))),
                WorkspaceSettings.defaults().withWindow(new Window(t0, t0 + 36 * m + 33_758_136L))
                        .withPeakOverride(3.12e14),
                new Overlay(List.of(
                        new Tag("v1-tag-1", t0 + 10 * m, t0 + 12 * m, "faulty_gpu", Layer.INFRA, null, ""),
                        new Tag("v1-tag-2", t0 + 20 * m + 500_000, t0 + 21 * m, "checkpoint_save", Layer.FRAMEWORK,
                                null, ""),
                        new Tag("v1-tag-3", t0 + 30 * m, t0 + 31 * m, "mfu_gap", Layer.MODEL, null, "")),
                        List.of(), List.of()),
                "tagged by hand");
        Path v1 = dir.resolve("old.goodput");
        Files.writeString(v1, V1);
        Loaded<Workspace> loaded = WorkspaceStore.load(v1);
        assertEquals(expected, loaded.value());
        assertEquals(1, loaded.fileVersion());
        assertTrue(loaded.migrated());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());

        // Saved, it is a version 2 file that reads back the same.
        WorkspaceStore.save(loaded.value(), v1);
        assertTrue(Files.readString(v1).contains("\"version\" : 2"));
        assertEquals(expected, WorkspaceStore.load(v1).value());
    }

    @Test
    void errorsInAVersion1FileNameItsOwnLines() {
        String bad = V1.replace("\"end\": \"2025-03-03T09:36:33.758136Z\"", "\"end\": \"soon\"");
        InputException e = assertThrows(InputException.class, () -> WorkspaceJsonTest.read(bad));
        assertEquals("ws.goodput:8: expected \"end\" to be an ISO-8601 UTC time such as 2025-03-03T09:10:00.000000Z "
                + "(not an ISO-8601 time), found \"soon\"", e.getMessage());
        String noCause = V1.replace(", \"cause\": \"mfu_gap\"", "");
        e = assertThrows(InputException.class, () -> WorkspaceJsonTest.read(noCause));
        assertEquals("ws.goodput:13: expected a \"cause\" field (a cause id)", e.getMessage());
    }

    @Test
    void attributionFilesBeginAtVersion2() throws Exception {
        Path f = dir.resolve("old.goodput-attributions");
        Files.writeString(f, "{\"format\": \"goodput-attributions\", \"version\": 1}");
        InputException e = assertThrows(InputException.class, () -> AttributionFile.read(f));
        assertEquals(f + ":1: expected version 2 of goodput-attributions, found version 1", e.getMessage());
    }
}
