package dev.goodput.core.io;

import dev.goodput.core.profile.ProfileLoader;
import dev.goodput.core.workspace.WorkspaceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The whole-document JSON readers (profiles, workspaces) stop at the limits with the same messages as run logs. */
class DocumentLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aKinetoTraceWithAStringOverTheLimitNamesItsLineAndOption() throws Exception {
        Path trace = dir.resolve("rank0.json");
        Files.writeString(trace, "{\"traceEvents\": [\n{\"ph\": \"X\", \"cat\": \"kernel\", \"name\": \""
                + "k".repeat(5000) + "\", \"ts\": 1, \"dur\": 2}\n]}\n");
        ReadLimits small = ReadLimits.DEFAULTS.with(Limit.STRING_BYTES, 4096);
        InputException e = assertThrows(InputException.class, () -> ProfileLoader.load(List.of(trace), small));
        assertEquals(trace + ":2: expected JSON strings and names of at most 4 KiB, found a longer one (limit "
                + "--max-string-bytes; raise it if the file is genuine)", e.getMessage());
    }

    @Test
    void aKinetoTraceNestedTooDeepNamesTheDepthLimit() throws Exception {
        Path trace = dir.resolve("deep.json");
        Files.writeString(trace, "{\"traceEvents\": [],\n\"x\": " + "[".repeat(70) + "]".repeat(70) + "}\n");
        InputException e = assertThrows(InputException.class, () -> ProfileLoader.load(List.of(trace)));
        assertEquals(trace + ":2: expected JSON nested at most 64 deep, found deeper (limit --max-depth; raise it if "
                + "the file is genuine)", e.getMessage());
    }

    @Test
    void aDamagedGzipTraceNamesTheByteOffset() throws Exception {
        Path trace = dir.resolve("rank0.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(trace))) {
            out.write("{\"traceEvents\": [".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20_000; i++) {
                out.write(("{\"ph\": \"X\", \"cat\": \"kernel\", \"name\": \"k" + i + "\", \"ts\": " + i * 10
                        + ", \"dur\": 5},").getBytes(StandardCharsets.UTF_8));
            }
            out.write("{}]}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = Files.readAllBytes(trace);
        int cut = whole.length / 2;
        Files.write(trace, Arrays.copyOf(whole, cut));
        InputException e = assertThrows(InputException.class, () -> ProfileLoader.load(List.of(trace)));
        assertEquals(trace + ": damaged gzip at byte " + cut + " of " + cut + ": expected more data: the file ends "
                + "early (cut off while it was copied?)", e.getMessage());
    }

    @Test
    void aWorkspaceNestedTooDeepNamesTheDepthLimit() throws Exception {
        Path ws = dir.resolve("run.goodput");
        Files.writeString(ws, "{\"format\": \"goodput-workspace\",\n\"x\": " + "[".repeat(70) + "]".repeat(70)
                + "}\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceStore.load(ws));
        assertEquals(ws + ":2: expected JSON nested at most 64 deep, found deeper (limit --max-depth; raise it if the "
                + "file is genuine)", e.getMessage());
    }
}
