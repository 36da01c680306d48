package dev.goodput.core.workspace;

import dev.goodput.core.io.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSaveThatFailsMidwayLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("ws.goodput");
        Workspace old = TestWorkspaces.rich();
        WorkspaceStore.save(old, file);
        byte[] before = Files.readAllBytes(file);
        IOException e = assertThrows(IOException.class, () -> AtomicFile.writeText(file, out -> {
            WorkspaceJson.write(TestWorkspaces.withEdit(old, 1), out);
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals(-1, Files.mismatch(file, writeTo(before)));
        assertEquals(List.of("ws.goodput"), names());
    }

    @Test
    void loadingClearsTheTemporaryFileOfAKilledSaveOnly() throws Exception {
        Path file = dir.resolve("ws [2].goodput");
        WorkspaceStore.save(TestWorkspaces.rich(), file);
        // What a save and an autosave killed before their renames leave, and look-alikes that are not theirs.
        Files.writeString(dir.resolve(".ws [2].goodput.0d9f0a57-1f7e-4b6a-9d0e-1f2a3b4c5d6e.tmp"), "{\"form");
        Files.writeString(dir.resolve(".ws [2].goodput.recovery.0d9f0a57-1f7e-4b6a-9d0e-1f2a3b4c5d6e.tmp"), "{");
        Files.writeString(dir.resolve(".ws [2].goodput.notes.tmp"), "mine");
        WorkspaceStore.load(file);
        assertEquals(List.of(".ws [2].goodput.notes.tmp",
                ".ws [2].goodput.recovery.0d9f0a57-1f7e-4b6a-9d0e-1f2a3b4c5d6e.tmp", "ws [2].goodput"), names());
        assertThrows(IOException.class, () -> RecoveryFile.of(file).read()); // no recovery: nothing to read
        assertEquals(List.of(".ws [2].goodput.notes.tmp", "ws [2].goodput"), names());
    }

    @Test
    void recoveryIsWrittenOnEachEditOfferedBackAndDeletedByASave() throws Exception {
        Path file = dir.resolve("ws.goodput");
        Workspace saved = TestWorkspaces.rich();
        WorkspaceStore.save(saved, file);
        RecoveryFile recovery = RecoveryFile.of(file);
        assertEquals(dir.resolve("ws.goodput.recovery").toAbsolutePath(), recovery.path());
        assertTrue(RecoveryFile.find(dir).isEmpty());

        Workspace edited = TestWorkspaces.withEdit(saved, 1);
        recovery.write(edited);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(recovery.path()).toMillis()
                - 1000));
        List<RecoveryFile.Recovery> offered = RecoveryFile.find(dir);
        assertEquals(1, offered.size());
        assertEquals(recovery, offered.get(0).file());
        assertTrue(offered.get(0).workspaceExists());
        assertEquals(file.toAbsolutePath(), offered.get(0).file().workspaceFile());
        assertEquals(edited, offered.get(0).file().read().value());

        WorkspaceStore.save(edited, file);
        assertFalse(Files.exists(recovery.path()));
        assertTrue(RecoveryFile.find(dir).isEmpty());
    }

    @Test
    void aRecoveryIdenticalToItsWorkspaceOrOlderIsNotOffered() throws Exception {
        Path file = dir.resolve("ws.goodput");
        Workspace ws = TestWorkspaces.rich();
        RecoveryFile recovery = RecoveryFile.of(file);
        recovery.write(ws);
        AtomicFile.writeText(file, out -> WorkspaceJson.write(ws, out)); // a save killed before deleting the recovery
        assertTrue(recovery.pending().isEmpty());
        recovery.write(TestWorkspaces.withEdit(ws, 1));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(recovery.path()).toMillis()
                + 60_000)); // the workspace was saved since (elsewhere)
        assertTrue(recovery.pending().isEmpty());
    }

    @Test
    void anUntitledWorkspaceRecoversFromTheAppFolder() throws Exception {
        Path app = Files.createDirectory(dir.resolve("app"));
        Path input = Files.writeString(dir.resolve("run.jsonl"), "{}\n");
        Workspace ws = Workspace.EMPTY.withInputs(List.of(InputRef.describe(input, null)));
        RecoveryFile recovery = RecoveryFile.untitled(app, "untitled-1");
        recovery.write(TestWorkspaces.withEdit(ws, 1));
        List<RecoveryFile.Recovery> offered = RecoveryFile.find(app);
        assertEquals(1, offered.size());
        assertFalse(offered.get(0).workspaceExists());
        Workspace back = offered.get(0).file().read().value();
        assertEquals(List.of(input.toAbsolutePath()), back.inputPaths(null));

        // Save As beside the input: the path becomes relative to the new workspace's folder.
        Path file = dir.resolve("named.goodput");
        WorkspaceStore.save(back.rebase(null, dir), file);
        recovery.delete();
        Workspace named = WorkspaceStore.load(file).value();
        assertEquals("run.jsonl", named.inputs().get(0).path());
        assertEquals(List.of(input.toAbsolutePath()), named.inputPaths(dir.toAbsolutePath()));
        assertTrue(RecoveryFile.find(app).isEmpty());
    }

    @Test
    void aWorkspaceIsNeverSavedOverItsInput() throws Exception {
        Path input = Files.writeString(dir.resolve("run.jsonl"), "{}\n");
        Workspace ws = Workspace.EMPTY.withInputs(List.of(InputRef.describe(input, dir)));
        IOException e = assertThrows(IOException.class, () -> WorkspaceStore.save(ws, input));
        assertTrue(e.getMessage().startsWith("refusing to save the workspace over its input"), e.getMessage());
        assertEquals("{}\n", Files.readString(input));
    }

    private Path writeTo(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir.getParent(), "expected", ".goodput"), bytes);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
