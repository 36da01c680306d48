package dev.goodput.app.workspace;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.Fingerprint;
import dev.goodput.core.workspace.InputRef;
import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceReaderTest {
    @TempDir
    Path dir;

    private static final Overlay ONE_TAG = Overlay.EMPTY.withTags(ts -> {
        ts.add(new Tag("t1", 0, 10, "faulty_gpu", Layer.INFRA, null, "node 17"));
        return ts;
    });

    @Test
    void runFilesBecomeAnUntitledWorkspaceNamingThemByAbsolutePathWithTheirFingerprints() throws Exception {
        Path run = Files.writeString(dir.resolve("run.jsonl"), "{}\n");
        OpenedWorkspace w = WorkspaceReader.read(new OpenRequest.Files(List.of(run)));
        assertNull(w.file());
        assertFalse(w.recovered());
        assertEquals(List.of(run), w.readable());
        assertEquals(run.toAbsolutePath().normalize().toString(), w.workspace().inputs().get(0).path());
        assertEquals(Fingerprint.of(run), w.workspace().inputs().get(0).fingerprint());
        assertTrue(w.workspace().overlay().isEmpty());
    }

    @Test
    void aSavedWorkspaceResolvesRelativeInputsAndWarnsAboutChangedAndMissingOnes() throws Exception {
        Path run = Files.writeString(dir.resolve("run.jsonl"), "{}\n");
        Path gone = Files.writeString(dir.resolve("gone.jsonl"), "{}\n");
        Path file = dir.resolve("w.goodput");
        Workspace ws = new Workspace(List.of(InputRef.describe(run, dir), InputRef.describe(gone, dir)),
                dev.goodput.core.workspace.WorkspaceSettings.defaults(), ONE_TAG, "notes");
        WorkspaceStore.save(ws, file);
        Files.writeString(run, "{}\n", StandardOpenOption.APPEND);
        Files.delete(gone);

        OpenedWorkspace w = WorkspaceReader.read(new OpenRequest.WorkspaceFile(file, file));
        assertEquals(file, w.file());
        assertEquals(List.of(run.toAbsolutePath().normalize()), w.readable().stream()
                .map(p -> p.toAbsolutePath().normalize()).toList());
        assertEquals(2, w.warnings().size(), w.warnings().toString());
        assertTrue(w.warnings().get(0).contains("changed since the workspace was saved"), w.warnings().get(0));
        assertTrue(w.warnings().get(1).contains("is missing"), w.warnings().get(1));
        // The changed input takes the fingerprint of what is read now; the missing one is kept for a later open.
        assertEquals(Fingerprint.of(run), w.workspace().inputs().get(0).fingerprint());
        assertEquals(gone.toAbsolutePath().normalize().toString(), w.workspace().inputs().get(1).path());
        assertEquals(ONE_TAG, w.workspace().overlay());
        assertEquals("notes", w.workspace().notes());
        assertEquals(List.of(gone.toAbsolutePath().normalize()), w.missing(), "the run lacks it: its figures are partial");
        assertEquals(List.of(), WorkspaceReader.read(new OpenRequest.Files(List.of(run))).missing());
    }

    @Test
    void restoringReadsTheAutosaveButKeepsTheWorkspaceFileAsTheDocument() throws Exception {
        Path run = Files.writeString(dir.resolve("run.jsonl"), "{}\n");
        Path file = dir.resolve("w.goodput");
        Workspace saved = Workspace.EMPTY.withInputs(List.of(InputRef.describe(run, dir)));
        WorkspaceStore.save(saved, file);
        RecoveryFile recovery = RecoveryFile.of(file);
        recovery.write(saved.withOverlay(ONE_TAG));

        OpenedWorkspace w = WorkspaceReader.read(new OpenRequest.WorkspaceFile(file, recovery.path()));
        assertEquals(file, w.file());
        assertTrue(w.recovered());
        assertEquals(ONE_TAG, w.workspace().overlay());
        assertTrue(w.warnings().isEmpty(), w.warnings().toString());
    }

    @Test
    void workspaceAndAutosaveFilesAreToldFromRunFiles() {
        assertTrue(OpenRequest.isWorkspace(List.of(Path.of("a.goodput"))));
        assertTrue(OpenRequest.isWorkspace(List.of(Path.of("a.goodput.recovery"))));
        assertFalse(OpenRequest.isWorkspace(List.of(Path.of("run.jsonl"))));
        assertFalse(OpenRequest.isWorkspace(List.of(Path.of("a.goodput"), Path.of("b.goodput"))));
    }
}
