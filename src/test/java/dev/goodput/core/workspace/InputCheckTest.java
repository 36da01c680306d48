package dev.goodput.core.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputCheckTest {
    private static final Path SAMPLE = Path.of("sample-runs/clean-small/run.jsonl");

    @TempDir
    Path dir;

    @Test
    void aCopiedSampleIsUnchangedThenChangedThenMissing() throws Exception {
        Path run = Files.copy(SAMPLE, dir.resolve("run.jsonl"));
        Path file = dir.resolve("ws.goodput");
        InputRef ref = InputRef.describe(run, dir);
        assertEquals("run.jsonl", ref.path());
        assertEquals(Files.size(SAMPLE), ref.sizeBytes());
        WorkspaceStore.save(Workspace.EMPTY.withInputs(List.of(ref)), file);
        Workspace ws = WorkspaceStore.load(file).value();

        InputCheck unchanged = InputCheck.of(ws, dir);
        assertTrue(unchanged.allUnchanged());
        assertEquals(List.of(), unchanged.warnings());
        assertEquals(run, unchanged.inputs().get(0).file());

        Files.writeString(run, "{\"event\": \"note\"}\n", StandardOpenOption.APPEND);
        InputStatus appended = InputCheck.of(ws, dir).inputs().get(0);
        assertInstanceOf(InputStatus.Changed.class, appended);
        assertEquals(run + " changed since the workspace was saved (size 77615 → 77633 bytes)", appended.describe());

        byte[] same = Files.readAllBytes(SAMPLE);
        same[same.length - 2] ^= 1; // one bit, same size
        Files.write(run, same);
        assertEquals(run + " changed since the workspace was saved (same size, different content (SHA-256))",
                InputCheck.of(ws, dir).warnings().get(0));

        Files.delete(run);
        InputCheck missing = InputCheck.of(ws, dir);
        assertInstanceOf(InputStatus.Missing.class, missing.inputs().get(0));
        assertEquals(List.of(run + " is missing (the workspace refers to it as run.jsonl)"), missing.warnings());
    }

    @Test
    void theFingerprintIsTheFilesSha256() throws Exception {
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc");
        assertEquals(new Fingerprint(3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                Fingerprint.of(f));
    }
}
