package dev.goodput.cli;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.workspace.CauseColourChoices;
import dev.goodput.core.workspace.InputRef;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceSettings;
import dev.goodput.core.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Problem 1 of issue 13 in exports: {@code goodput export --workspace} draws causes in the workspace's colours. */
class ExportWorkspaceColoursTest {
    /** A colour no cause of the sample is drawn in, chosen for provisioning (its largest infra cause). */
    private static final String CHOSEN = "#123456";
    /** How the SVG writes it. */
    private static final String DRAWN = "fill=\"rgb(18,52,86)\"";

    @TempDir
    Path dir;

    @Test
    void aColourChosenInTheWorkspaceIsTheExportedChartsAndOnlyWithTheWorkspace() throws Exception {
        Path run = Files.copy(Path.of("sample-runs/clean-small/run.jsonl"), dir.resolve("run.jsonl"));
        Path ws = dir.resolve("colours.goodput");
        WorkspaceStore.save(new Workspace(List.of(InputRef.describe(run, dir)), WorkspaceSettings.defaults(),
                Overlay.EMPTY, "", new CauseColourChoices(Map.of("provisioning",
                CauseColourChoices.parseHex(CHOSEN)), Map.of())), ws);

        Path withWorkspace = dir.resolve("with.svg");
        CliRun r = CliRun.of("export", "--workspace", ws.toString(), "--chart", "waterfall", "--out",
                withWorkspace.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(withWorkspace).contains(DRAWN), "the chosen colour is drawn");

        Path plain = dir.resolve("plain.svg");
        r = CliRun.of("export", run.toString(), "--chart", "waterfall", "--out", plain.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.readString(plain).contains(DRAWN),
                "plain run files: the catalogue's colour, nothing carried over");
    }
}
