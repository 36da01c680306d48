package dev.goodput.core.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole session of edits, autosaves, saves, Save As, export and reopening leaves the inputs as they were. */
class InputsUntouchedTest {
    private static final List<Path> SAMPLES = List.of(Path.of("sample-runs/clean-small/run.jsonl"),
            Path.of("sample-runs/bloom-176b/run.jsonl"), Path.of("sample-runs/llama3-54day-sim/run.jsonl.gz"));

    @TempDir
    Path dir;

    @Test
    void theInputsAreByteIdenticalAfterASessionOfEdits() throws Exception {
        List<Fingerprint> before = new ArrayList<>();
        List<FileTime> modified = new ArrayList<>();
        List<InputRef> refs = new ArrayList<>();
        for (Path p : SAMPLES) {
            before.add(Fingerprint.of(p));
            modified.add(Files.getLastModifiedTime(p));
            refs.add(InputRef.describe(p, dir)); // outside the workspace's folder: absolute paths
        }
        Path file = dir.resolve("session.goodput");
        Workspace ws = TestWorkspaces.rich().withInputs(refs);
        RecoveryFile recovery = RecoveryFile.of(file);
        for (int n = 1; n <= 60; n++) {
            ws = TestWorkspaces.withEdit(ws, n);
            recovery.write(ws);
            if (n % 10 == 0) {
                WorkspaceStore.save(ws, file);
                assertTrue(InputCheck.of(WorkspaceStore.load(file).value(), dir).allUnchanged());
            }
        }
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        WorkspaceStore.save(ws.rebase(dir, elsewhere), elsewhere.resolve("copy.goodput"));
        AttributionFile.export(ws.overlay(), dir.resolve("shared" + AttributionFile.EXTENSION));
        Workspace reopened = WorkspaceStore.load(elsewhere.resolve("copy.goodput")).value();
        assertEquals(SAMPLES.stream().map(Path::toAbsolutePath).toList(), reopened.inputPaths(elsewhere));
        assertTrue(InputCheck.of(reopened, elsewhere).allUnchanged());

        for (int i = 0; i < SAMPLES.size(); i++) {
            assertEquals(before.get(i), Fingerprint.of(SAMPLES.get(i)), SAMPLES.get(i) + " changed");
            assertEquals(modified.get(i), Files.getLastModifiedTime(SAMPLES.get(i)), SAMPLES.get(i) + " was written");
        }
    }
}
