package dev.goodput.app.workspace;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.InputRef;
import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceDocumentTest {
    private static final Path APP = Path.of("/tmp/app").toAbsolutePath();
    private static final Path RUN = Path.of("/data/runs/bloom/run.jsonl").toAbsolutePath();
    private static final Workspace UNTITLED = Workspace.EMPTY.withInputs(List.of(
            new InputRef(RUN.toString(), 3, "a".repeat(64))));
    private static final Overlay TAGGED = Overlay.EMPTY.withTags(ts -> {
        ts.add(new Tag("t1", 0, 10, "faulty_gpu", Layer.INFRA, null, ""));
        return ts;
    });

    @Test
    void anUntitledRunIsCleanUntilEditedAndCleanAgainWhenTheEditIsUndone() {
        WorkspaceDocument doc = new WorkspaceDocument(APP);
        doc.open(new OpenedWorkspace(null, UNTITLED, List.of(RUN), List.of(), false));
        assertFalse(doc.isDirty());
        assertEquals("untitled", doc.nameProperty().get());
        doc.setOverlay(TAGGED);
        assertTrue(doc.isDirty());
        doc.setOverlay(Overlay.EMPTY);
        assertFalse(doc.isDirty());
    }

    /**
     * Problem 10 of issue 13: plain run files keep no window, so looking at another one is nothing to save; with an
     * edit the window goes into the workspace saved, and from then on it is one of the workspace's settings.
     */
    @Test
    void theWindowOfPlainRunFilesIsNothingToSaveButAWorkspaceKeepsItsWindow() {
        WorkspaceDocument doc = new WorkspaceDocument(APP);
        doc.open(new OpenedWorkspace(null, UNTITLED, List.of(RUN), List.of(), false));
        doc.setWindow(new Window(0, 10));
        assertFalse(doc.isDirty(), "only the window of plain run files changed");
        doc.setOverlay(TAGGED);
        assertTrue(doc.isDirty());
        Path file = RUN.resolveSibling("w.goodput");
        assertEquals(new Window(0, 10), doc.snapshotFor(file).settings().window(), "saved with the edits");

        doc.markSaved(file, doc.snapshot());
        assertFalse(doc.isDirty());
        doc.setWindow(new Window(0, 20));
        assertTrue(doc.isDirty(), "a saved workspace's window is one of its settings");
        doc.setWindow(new Window(0, 10));
        assertFalse(doc.isDirty(), "back to the saved window");
    }

    @Test
    void aSavedWorkspaceIsDirtyOnlyWhileItDiffersFromWhatWasSaved() {
        WorkspaceDocument doc = new WorkspaceDocument(APP);
        doc.open(new OpenedWorkspace(null, UNTITLED, List.of(RUN), List.of(), false));
        doc.setOverlay(TAGGED);
        Path file = Path.of("/data/runs/bloom/post-mortem.goodput").toAbsolutePath();
        doc.markSaved(file, doc.snapshot());
        assertFalse(doc.isDirty());
        assertEquals("post-mortem.goodput", doc.nameProperty().get());
        assertEquals(RecoveryFile.of(file), doc.recoveryFile());
        doc.setOverlay(Overlay.EMPTY);
        assertTrue(doc.isDirty());
        doc.setOverlay(TAGGED);
        assertFalse(doc.isDirty());
    }

    @Test
    void savedInputsAreNamedRelativeToTheWorkspaceFolderAndKeptAbsoluteInMemory() {
        WorkspaceDocument doc = new WorkspaceDocument(APP);
        doc.open(new OpenedWorkspace(null, UNTITLED, List.of(RUN), List.of(), false));
        Path file = RUN.resolveSibling("w.goodput");
        assertEquals("run.jsonl", doc.snapshotFor(file).inputs().get(0).path());
        assertEquals(RUN.toString(), doc.snapshot().inputs().get(0).path());
    }

    @Test
    void recoveredEditsAreUnsavedAndAnUntitledRunAutosavesUnderANameOfItsInputs() {
        WorkspaceDocument doc = new WorkspaceDocument(APP);
        doc.open(new OpenedWorkspace(null, UNTITLED.withOverlay(TAGGED), List.of(RUN), List.of(), true));
        assertTrue(doc.isDirty());
        assertEquals(doc.untitledRecovery(List.of(RUN)), doc.recoveryFile());
        assertTrue(doc.recoveryFile().path().startsWith(APP));
        assertNotEquals(doc.untitledRecovery(List.of(RUN.resolveSibling("other.jsonl"))), doc.recoveryFile());
    }

    /**
     * Problem 1 of issue 13: a colour the user chose is a change to save; a colour given to a new cause as it was
     * first drawn is saved with the next save, but alone is nothing to save.
     */
    @Test
    void chosenColoursAreChangesToSaveGivenColoursAreSavedButAloneChangeNothing() {
        Map<String, Integer> given = new HashMap<>();
        WorkspaceDocument doc = new WorkspaceDocument(APP, () -> Map.copyOf(given));
        doc.open(new OpenedWorkspace(null, UNTITLED, List.of(RUN), List.of(), false));
        given.put("cluster_migration", 0xFF336699);
        doc.setOverlay(Overlay.EMPTY);
        assertFalse(doc.isDirty(), "a colour given as the run was drawn");
        doc.setChosenColours(Map.of("faulty_gpu", 0xFF000000));
        assertTrue(doc.isDirty(), "a colour the user chose");
        doc.setChosenColours(Map.of());
        assertFalse(doc.isDirty(), "the choice undone");

        doc.setChosenColours(Map.of("faulty_gpu", 0xFF102030));
        Path file = RUN.resolveSibling("c.goodput");
        Workspace written = doc.snapshot();
        assertEquals(Map.of("faulty_gpu", 0x102030), written.colours().chosen());
        assertEquals(Map.of("cluster_migration", 0x336699), written.colours().given(), "saved with the next save");
        doc.markSaved(file, written);
        assertFalse(doc.isDirty());
        given.put("another_new_cause", 0xFF445566);
        doc.setOverlay(Overlay.EMPTY);
        assertFalse(doc.isDirty(), "another colour given: nothing to save by itself");
        doc.setChosenColours(Map.of("faulty_gpu", 0xFF405060));
        assertTrue(doc.isDirty(), "another colour chosen");
    }
}
